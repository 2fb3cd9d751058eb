"""Finding English on a translated page: text and attributes that the visitor's language would
have, outside any element marked with another language.

What counts as English is what the project knows in English and has in the visitor's language
too, written differently: interface strings of the catalogue (beyond makemessages: also page
fields, snippets, settings, menus and alt text, which come from the database), and every field
of the English pages and terms that the visitor's language does not have word for word (so a
name spelt the same in both, "Madrid", is not English).
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import polib
from django.conf import settings
from wagtail.models import Page

from home.models import Country, PolicyArea, SustainableDevelopmentGoal

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
SKIPPED = {"script", "style", "head", "svg", "code"}
ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")
PAGE_FIELDS = (
    "title",
    "summary",
    "image_alt",
    "intro",
    "hero_title",
    "hero_text",
    "join_title",
    "join_text",
)
TERM_MODELS = (Country, PolicyArea, SustainableDevelopmentGoal)


def words(text):
    """`text` with its whitespace collapsed."""
    return re.sub(r"\s+", " ", text or "").strip()


def worth_checking(text):
    """Long enough and made of letters: not a number, a code or a two-letter abbreviation."""
    return len(text) >= 4 and re.search(r"[A-Za-z]{3}", text) is not None


def interface_english(code):
    """Catalogue msgids whose translation into `code` is written differently."""
    po = polib.pofile(str(Path(settings.BASE_DIR, "locale", code, "LC_MESSAGES", "django.po")))
    return {
        words(entry.msgid)
        for entry in po
        if entry.msgstr
        and words(entry.msgstr) != words(entry.msgid)
        and "%(" not in entry.msgid
        and "{" not in entry.msgid
    }


def content_values(code):
    """Every checked field of the live pages and terms of language `code`."""
    values = set()
    for page in Page.objects.live().filter(locale__language_code=code).specific():
        values.update(words(str(getattr(page, name, "") or "")) for name in PAGE_FIELDS)
    for model in TERM_MODELS:
        for term in model.objects.filter(locale__language_code=code):
            values.update({words(str(term)), words(getattr(term, "name", ""))})
    return values


def english_texts(code):
    """What is English for a visitor reading `code` (see the module's docstring)."""
    own = content_values(code)
    english = {text for text in content_values(settings.LANGUAGE_CODE) if text not in own}
    english |= {text for text in interface_english(code) if text not in own}
    return {text for text in english if worth_checking(text)}


class LanguageWalker(HTMLParser):
    """Collects the body's text and attributes whose language is the page's (`code`)."""

    def __init__(self, code):
        super().__init__(convert_charrefs=True)
        self.code = code
        self.stack = []  # (tag, language, skipped)
        self.found = []

    def current(self):
        """The language and whether text here is skipped."""
        return self.stack[-1][1:] if self.stack else (self.code, True)

    def handle_starttag(self, tag, attrs):
        """Enter an element: its lang (if any) applies inside; attributes are checked now."""
        attrs = dict(attrs)
        language, skipped = self.current()
        if tag == "body":
            skipped = False
        language = attrs.get("lang") or language
        skipped = skipped or tag in SKIPPED
        if not skipped and language == self.code:
            for name in ATTRIBUTES:
                if attrs.get(name):
                    self.found.append((f"{tag}[{name}]", words(attrs[name])))
        if tag not in VOID:
            self.stack.append((tag, language, skipped))

    def handle_endtag(self, tag):
        """Leave the element (and any left open inside it)."""
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        """Text in the page's language, outside skipped elements."""
        language, skipped = self.current()
        text = words(data)
        if text and not skipped and language == self.code:
            self.found.append((self.stack[-1][0] if self.stack else "", text))


def english_on(html, code, english):
    """The (element, text) pairs of `html` shown as `code` that are English."""
    walker = LanguageWalker(code)
    walker.feed(html)
    return [(where, text) for where, text in walker.found if text in english]
