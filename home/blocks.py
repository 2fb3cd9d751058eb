"""Shared StreamField blocks; each page kind composes its body StreamBlock from these."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


def field_error(name, message):
    """A StructBlock's validation error on its child block `name`, shown beside that field."""
    return StructBlockValidationError(block_errors={name: ErrorList([ValidationError(message)])})


class HeadingBlock(blocks.StructBlock):
    """A section heading; level 2 or 3 keeps the outline valid under the page's h1."""

    text = blocks.CharBlock(label=_("Text"), max_length=160, help_text=_("The heading's words."))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section (h2)")), ("h3", _("Subsection (h3)"))],
        default="h2",
        label=_("Level"),
        help_text=_("Use sections for main parts and subsections inside them."),
    )

    class Meta:
        icon = "title"
        template = "components/blocks/heading.html"
        label = _("Heading")
        description = _("A section or subsection heading")
        preview_value = {"text": "What changed", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    """An image with its own alt text and caption, so translators can localize both."""

    image = ImageChooserBlock(label=_("Image"), help_text=_("Choose or upload an image."))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it. Required."),
    )
    caption = blocks.CharBlock(
        required=False, label=_("Caption"), max_length=250, help_text=_("Shown under the image.")
    )

    class Meta:
        icon = "image"
        template = "components/blocks/image.html"
        label = _("Image")
        description = _("An image with alt text and an optional caption")

    def clean(self, value):
        """Refuse decorative-looking alt text such as the file name or an empty string."""
        value = super().clean(value)
        alt = (value.get("alt_text") or "").strip()
        if not alt or alt.lower().endswith((".jpg", ".jpeg", ".png", ".webp", ".gif")):
            raise field_error("alt_text", _("Write alternative text describing the image."))
        return value


class QuoteBlock(blocks.StructBlock):
    """A quotation with the person or role it comes from."""

    quote = blocks.TextBlock(label=_("Quote"), help_text=_("The words quoted."))
    attribution = blocks.CharBlock(
        required=False,
        label=_("Attribution"),
        max_length=200,
        help_text=_("Who said it: a name or a role."),
    )

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote.html"
        label = _("Quote")
        description = _("A quotation with its attribution")
        preview_value = {
            "quote": "Opening the register changed how decisions are made.",
            "attribution": "A member of the city's transparency office",
        }


class KeyFigureBlock(blocks.StructBlock):
    """One figure that shows a result, such as '600+ registered lobbies'."""

    value = blocks.CharBlock(label=_("Value"), max_length=40, help_text=_("e.g. 600+ or 545."))
    unit = blocks.CharBlock(
        required=False, label=_("Unit"), max_length=60, help_text=_("e.g. indicators, %.")
    )
    label = blocks.CharBlock(
        label=_("Label"), max_length=160, help_text=_("What the figure counts.")
    )

    class Meta:
        icon = "pick"
        template = "components/blocks/key_figure.html"
        label = _("Key figure")
        description = _("A highlighted number with its label")
        preview_value = {"value": "545", "unit": "indicators", "label": "monitored in the open"}


class BeforeAfterFigureBlock(blocks.StructBlock):
    """A measured change: a value before and after the reform, with its source."""

    label = blocks.CharBlock(label=_("Label"), max_length=160, help_text=_("What was measured."))
    value_before = blocks.CharBlock(
        required=False,
        label=_("Value before"),
        max_length=40,
        help_text=_("Leave empty when there was no baseline."),
    )
    value_after = blocks.CharBlock(
        label=_("Value after"), max_length=40, help_text=_("The value after the reform.")
    )
    unit = blocks.CharBlock(
        required=False, label=_("Unit"), max_length=60, help_text=_("e.g. lobbies, %.")
    )
    source = blocks.CharBlock(
        required=False,
        label=_("Source"),
        max_length=250,
        help_text=_("Where the figure comes from."),
    )

    class Meta:
        icon = "pick"
        template = "components/blocks/before_after_figure.html"
        label = _("Key figure (before and after)")
        preview_value = {
            "label": "Registered lobbies",
            "value_before": "0",
            "value_after": "600+",
            "unit": "",
            "source": "City register",
        }


class DocumentBlock(blocks.StructBlock):
    """A downloadable document with a visible label."""

    document = DocumentChooserBlock(label=_("Document"), help_text=_("Choose or upload a file."))
    label = blocks.CharBlock(
        required=False,
        label=_("Label"),
        max_length=160,
        help_text=_("Link text; the document's title is used when empty."),
    )

    class Meta:
        icon = "doc-full"
        template = "components/blocks/document.html"
        label = _("Document")
        description = _("A link to download a document")


class CalloutBlock(blocks.StructBlock):
    """A highlighted box for a key message or a practical tip."""

    title = blocks.CharBlock(label=_("Title"), max_length=160, help_text=_("Short heading."))
    text = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES, label=_("Text"), help_text=_("The message.")
    )

    class Meta:
        icon = "warning"
        template = "components/blocks/callout.html"
        label = _("Call-out")
        description = _("A highlighted message")
        preview_value = {"title": "Good to know", "text": "<p>Civil society co-created it.</p>"}


class EmbedVideoBlock(EmbedBlock):
    """A video or other embed from an oEmbed provider, shown as a link until clicked."""

    class Meta:
        icon = "media"
        template = "components/blocks/embed.html"
        label = _("Embed")
        description = _("A video or other media from a provider such as YouTube")


class BodyBlock(blocks.StreamBlock):
    """The general body: text, headings, images, quotes, figures, embeds, documents, call-outs."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES,
        icon="pilcrow",
        label=_("Paragraph"),
        template="components/blocks/paragraph.html",
        preview_value="<p>Local governments are closest to their citizens.</p>",
        description=_("Text with links and lists"),
    )
    image = ImageBlock()
    quote = QuoteBlock()
    key_figure = KeyFigureBlock()
    embed = EmbedVideoBlock()
    document = DocumentBlock()
    callout = CalloutBlock()


class LinkBlock(blocks.StructBlock):
    """A labelled link to an internal page or an external address (one of the two)."""

    label = blocks.CharBlock(label=_("Label"), max_length=120, help_text=_("Link text."))
    page = blocks.PageChooserBlock(required=False, label=_("Page"), help_text=_("A page here."))
    url = blocks.URLBlock(required=False, label=_("Address"), help_text=_("Or an external URL."))

    class Meta:
        icon = "link"
        template = "components/blocks/link.html"
        label = _("Link")

    def clean(self, value):
        """Exactly one of page and address must be given."""
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise field_error("url", _("Choose a page or give an address."))
        return value
