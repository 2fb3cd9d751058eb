"""The one `lang_attrs` tag marks text in another language than the text around it."""

from types import SimpleNamespace

from django.template import Context, Template

from home.templatetags.locale_tags import language_facts

TEMPLATE = Template("{% load locale_tags %}<p {% lang_attrs language foreign within=within %}>")


def render(language, foreign=None, within=None, page=None):
    """The paragraph as the tag writes it, inside a context page."""
    context = {"language": language, "foreign": foreign, "within": within, "page": page}
    return TEMPLATE.render(Context(context))


def test_an_untranslated_card_is_marked_with_the_source_language():
    assert render("en", foreign=True) == '<p lang="en" dir="ltr">'


def test_arabic_text_is_marked_right_to_left():
    assert render("ar", foreign=True) == '<p lang="ar" dir="rtl">'


def test_text_in_the_language_around_it_is_not_marked():
    assert render("en", foreign=False) == "<p >"


def test_a_record_from_another_locale_than_the_page_is_marked():
    page = SimpleNamespace(locale_id=2)
    assert (
        render("en", foreign=SimpleNamespace(locale_id=1), page=page) == '<p lang="en" dir="ltr">'
    )
    assert render("en", foreign=SimpleNamespace(locale_id=2), page=page) == "<p >"


def test_within_compares_with_another_page_than_the_context_page():
    record, home = SimpleNamespace(locale_id=1), SimpleNamespace(locale_id=1)
    assert render("en", foreign=record, within=home, page=SimpleNamespace(locale_id=2)) == "<p >"


def test_without_a_flag_the_language_says_whether_it_is_foreign():
    assert render(language_facts("fr", foreign=True)) == '<p lang="fr" dir="ltr">'
    assert render(language_facts("fr")) == "<p >"
