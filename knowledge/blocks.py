"""Blocks of knowledge products and training modules."""

from types import SimpleNamespace

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from home.blocks import PARAGRAPH_FEATURES, field_error


def language_choices():
    """Languages a file can be in: the site's languages (their own names)."""
    return list(settings.LANGUAGES)


class FileBlock(blocks.StructBlock):
    """A downloadable file of a knowledge product, in one language."""

    document = DocumentChooserBlock(label=_("Document"), help_text=_("Choose or upload a file."))
    language = blocks.ChoiceBlock(
        choices=language_choices,
        default="en",
        label=_("Language"),
        help_text=_("The language the file is written in."),
    )
    label = blocks.CharBlock(
        label=_("Label"), max_length=160, help_text=_("e.g. Full report (PDF).")
    )

    class Meta:
        icon = "doc-full"
        template = "components/blocks/file.html"
        label = _("File")


class ChoiceAnswerBlock(blocks.StructBlock):
    """One answer of a check-your-understanding question."""

    text = blocks.CharBlock(label=_("Answer"), max_length=250, help_text=_("An answer to offer."))
    correct = blocks.BooleanBlock(required=False, label=_("Correct"), help_text=_("The right one."))

    class Meta:
        icon = "radio-full"
        label = _("Answer")


class QuestionValue(blocks.StructValue):
    """A question's value, which grades the answer a visitor sent (without JavaScript)."""

    def correct_index(self):
        """The index of the right answer, or None while none is marked."""
        choices = self.get("choices") or []
        return next((i for i, choice in enumerate(choices) if choice.get("correct")), None)

    def grade(self, raw):
        """The verdict on `raw` (the form's `answer=<index>`, None when nothing was sent): the
        chosen index, whether it is right, or an error to show."""
        correct = self.correct_index()
        verdict = SimpleNamespace(
            answered=False, chosen=None, is_correct=False, error="", correct=correct
        )
        if raw is None:
            return verdict
        raw = raw.strip()
        if not raw.isdigit() or int(raw) >= len(self.get("choices") or []):
            verdict.error = _("Choose one of the answers, then check it.")
            return verdict
        verdict.answered = True
        verdict.chosen = int(raw)
        verdict.is_correct = verdict.chosen == correct
        return verdict


class QuestionBlock(blocks.StructBlock):
    """An optional check-your-understanding question: leave the prompt empty for none."""

    prompt = blocks.CharBlock(
        required=False,
        label=_("Question"),
        max_length=300,
        help_text=_("Leave empty if the lesson has no question."),
    )
    choices = blocks.ListBlock(ChoiceAnswerBlock(), min_num=0, max_num=6, label=_("Answers"))
    explanation = blocks.TextBlock(
        required=False, label=_("Explanation"), help_text=_("Shown after the visitor answers.")
    )

    class Meta:
        icon = "help"
        label = _("Check your understanding")
        value_class = QuestionValue

    def clean(self, value):
        """A question needs at least two answers, exactly one of them correct."""
        value = super().clean(value)
        if value.get("prompt"):
            choices = value.get("choices") or []
            correct = sum(1 for choice in choices if choice.get("correct"))
            if len(choices) < 2 or correct != 1:
                raise field_error("choices", _("Give at least two answers, exactly one correct."))
        return value


class LessonBlock(blocks.StructBlock):
    """One lesson of a training module."""

    title = blocks.CharBlock(label=_("Title"), max_length=200, help_text=_("The lesson's title."))
    body = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES, label=_("Body"), help_text=_("What the lesson teaches.")
    )
    # A plain address rather than an EmbedBlock: wagtail-localize cannot extract an empty
    # optional EmbedBlock (wagtail-localize#875), and the template embeds on request anyway.
    video = blocks.URLBlock(
        required=False,
        label=_("Video"),
        help_text=_("Optional YouTube or Vimeo address; played on request."),
    )
    question = QuestionBlock(required=False)

    class Meta:
        icon = "doc-full-inverse"
        label = _("Lesson")
