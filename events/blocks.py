"""Blocks of event pages: the shared body, and the recordings and reports of past events."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from home.blocks import BodyBlock


class AgendaItemBlock(blocks.StructBlock):
    """One line of an event's programme: when (in the event's time zone), what and who."""

    time = blocks.TimeBlock(label=_("Time"), help_text=_("In the event's own time zone."))
    title = blocks.CharBlock(label=_("Title"), max_length=160, help_text=_("What happens."))
    speakers = blocks.CharBlock(
        required=False, label=_("Speakers"), max_length=250, help_text=_("Who speaks or leads.")
    )

    class Meta:
        icon = "time"
        label = _("Agenda item")


class AgendaBlock(blocks.ListBlock):
    """An event's programme, in order."""

    def __init__(self, **kwargs):
        super().__init__(AgendaItemBlock(), **kwargs)

    class Meta:
        icon = "list-ol"
        template = "events/blocks/agenda.html"
        label = _("Agenda")


class EventBodyBlock(BodyBlock):
    """What an event page says: the shared body blocks plus an agenda."""

    agenda = AgendaBlock()


class FollowUpBlock(blocks.StructBlock):
    """A recording or a report of a past event: a link or a file, with its label."""

    kind = blocks.ChoiceBlock(
        choices=[("recording", _("Recording")), ("report", _("Report"))],
        default="recording",
        label=_("Kind"),
        help_text=_("A recording of the event or a report on it."),
    )
    label = blocks.CharBlock(
        label=_("Label"), max_length=160, help_text=_("e.g. Recording of the session (English).")
    )
    url = blocks.URLBlock(required=False, label=_("Address"), help_text=_("Where it is online."))
    document = DocumentChooserBlock(
        required=False, label=_("Document"), help_text=_("Or a file uploaded here.")
    )

    class Meta:
        icon = "media"
        template = "events/blocks/follow_up.html"
        label = _("Recording or report")
        preview_value = {
            "kind": "recording",
            "label": "Recording of the learning circle",
            "url": "https://video.example.org/learning-circle",
        }


class FollowUpStreamBlock(blocks.StreamBlock):
    """Recordings and reports of a past event."""

    item = FollowUpBlock()
