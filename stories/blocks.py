"""Blocks of member profiles and reform stories."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from home.blocks import BeforeAfterFigureBlock, BodyBlock


class Status:
    """Statuses shared by stories, action plans and commitments."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CHOICES = [
        (PLANNED, _("Planned")),
        (IN_PROGRESS, _("In progress")),
        (COMPLETED, _("Completed")),
    ]


class ActionPlanBlock(blocks.StructBlock):
    """One of a member's action plans, with its period, commitments and document."""

    title = blocks.CharBlock(
        label=_("Title"), max_length=200, help_text=_("e.g. Action plan 2021-2023.")
    )
    start_year = blocks.IntegerBlock(label=_("Start year"), min_value=2010, max_value=2100)
    end_year = blocks.IntegerBlock(label=_("End year"), min_value=2010, max_value=2100)
    commitments = blocks.IntegerBlock(
        label=_("Number of commitments"), min_value=0, help_text=_("How many commitments it holds.")
    )
    status = blocks.ChoiceBlock(
        choices=Status.CHOICES, label=_("Status"), default=Status.IN_PROGRESS
    )
    document = DocumentChooserBlock(required=False, label=_("Document"), help_text=_("The plan."))
    url = blocks.URLBlock(required=False, label=_("Link"), help_text=_("Or where it is published."))

    class Meta:
        icon = "list-ol"
        template = "components/blocks/action_plan.html"
        label = _("Action plan")


class CommitmentBlock(blocks.StructBlock):
    """A commitment of an action plan, identified by its code (e.g. MAD0001)."""

    code = blocks.RegexBlock(
        regex=r"^[A-Z]{3}\d{4}$",
        label=_("Code"),
        help_text=_("Three capital letters and four digits, e.g. MAD0001."),
        error_messages={"invalid": _("Use three capital letters and four digits, e.g. MAD0001.")},
    )
    title = blocks.CharBlock(label=_("Title"), max_length=250, help_text=_("What it commits to."))
    policy_area = SnippetChooserBlock("home.PolicyArea", required=False, label=_("Policy area"))
    status = blocks.ChoiceBlock(
        choices=Status.CHOICES, label=_("Status"), default=Status.IN_PROGRESS
    )
    starred = blocks.BooleanBlock(
        required=False, label=_("Starred"), help_text=_("Marked as a standout commitment.")
    )

    class Meta:
        icon = "tick"
        template = "components/blocks/commitment.html"
        label = _("Commitment")


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
