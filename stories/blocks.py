"""Blocks of member profiles and reform stories."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import BeforeAfterFigureBlock, BodyBlock


class Status(models.TextChoices):
    """Where a reform story stands."""

    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")


class MilestoneBlock(blocks.StructBlock):
    """A step on the way to a commitment, with when it is due and whether it is done."""

    title = blocks.CharBlock(label=_("Milestone"), max_length=250, help_text=_("What is done."))
    date = blocks.DateBlock(required=False, label=_("Date"), help_text=_("When it is due."))
    done = blocks.BooleanBlock(required=False, label=_("Done"))

    class Meta:
        icon = "date"
        template = "components/blocks/milestone.html"
        label = _("Milestone")


class ContactBlock(blocks.StructBlock):
    """A public point of contact for the member's open-government work."""

    name = blocks.CharBlock(label=_("Name or role"), max_length=160, help_text=_("Public contact."))
    email = blocks.EmailBlock(required=False, label=_("E-mail"))
    phone = blocks.CharBlock(required=False, label=_("Phone"), max_length=40)

    class Meta:
        icon = "user"
        template = "components/blocks/contact.html"
        label = _("Contact")


class SourceBlock(blocks.StructBlock):
    """A source or piece of evidence behind a story."""

    title = blocks.CharBlock(label=_("Title"), max_length=250, help_text=_("What the source is."))
    url = blocks.URLBlock(label=_("Address"), help_text=_("Where to read it."))

    class Meta:
        icon = "link"
        template = "components/blocks/source.html"
        label = _("Source")


class StoryBodyBlock(BodyBlock):
    """The body of a reform story: the shared body blocks plus before/after figures."""

    figure = BeforeAfterFigureBlock()
