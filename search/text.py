"""Plain text for the index: StreamField walking, HTML stripping and word splitting."""

import html
import re
import unicodedata

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from wagtail import blocks
from wagtail.rich_text import RichText

# Private-use characters mark highlighted terms in snippets until they are HTML-escaped; they
# are removed from indexed text so page content can never forge a highlight.
MARK_START = "\ue000"
MARK_END = "\ue001"
# Highlight markers and control characters (a NUL byte cannot even be stored by PostgreSQL).
_MARKERS = re.compile(f"[{MARK_START}{MARK_END}\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"\s+")
# Letters and digits of any script; underscores and punctuation separate words.
WORD = re.compile(r"[^\W_]+")
# Vocabulary words: long enough to be worth suggesting, short enough to be real words.
VOCABULARY_WORD = re.compile(r"^[^\W\d_]{3,40}$")

TEXT_BLOCKS = (blocks.CharBlock, blocks.TextBlock, blocks.RichTextBlock, blocks.RegexBlock)


def clean_text(value):
    """Collapse whitespace and drop highlight markers and control characters from a text."""
    return _SPACES.sub(" ", _MARKERS.sub("", value or "")).strip()


def html_to_text(markup):
    """Visible text of an HTML fragment, with block boundaries kept as spaces."""
    spaced = re.sub(r"<(?:/p|br|/li|/h\d|/div|/blockquote)\b[^>]*>", " ", markup or "")
    return clean_text(html.unescape(strip_tags(spaced)))


def stream_text(value):
    """The readable text of a StreamField value (or any block value), in document order.

    Walks stream, struct and list blocks; keeps text, rich text and regex (codes) blocks and
    skips choices, numbers, links and chooser blocks, whose values are not prose.
    """
    parts = []
    _walk(value, None, parts)
    return clean_text(" ".join(parts))


def _walk(value, block, parts):
    if value is None:
        return
    if isinstance(value, blocks.StreamValue):
        for child in value:
            _walk(child.value, child.block, parts)
    elif isinstance(value, blocks.StructValue):
        for name, child_value in value.items():
            _walk(child_value, value.block.child_blocks.get(name), parts)
    elif isinstance(value, blocks.list_block.ListValue):
        for child_value in value:
            _walk(child_value, value.list_block.child_block, parts)
    elif isinstance(value, RichText):
        parts.append(html_to_text(value.source))
    elif isinstance(value, str) and isinstance(block, TEXT_BLOCKS):
        parts.append(html_to_text(value) if isinstance(block, blocks.RichTextBlock) else value)


def fold_accents(text):
    """The text without the accents of Latin letters ("corrupción" -> "corrupcion").

    As SQLite's `remove_diacritics 2` and PostgreSQL's `unaccent` fold them; other scripts'
    marks are kept (a Cyrillic "й" is a letter of its own, not an accented "и").
    """
    decomposed = unicodedata.normalize("NFD", text)
    kept = []
    for char in decomposed:
        if unicodedata.combining(char) and kept and kept[-1] < "\u0250":
            continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def vocabulary_spellings(*texts):
    """{word: spelling} of the texts' suggestible words, keyed by the case-folded word.

    The spelling is the lower-case form when the texts ever write the word so, else its first
    capitalised form: "Bogotá" stays capitalised, a sentence's first "Transparency" does not.
    """
    spellings = {}
    for text in texts:
        for written in WORD.findall(text or ""):
            word = written.casefold()
            if not VOCABULARY_WORD.match(word):
                continue
            if word not in spellings or written == word:
                spellings[word] = written
    return spellings


def vocabulary_words(*texts):
    """The distinct words of the texts that may be offered as spelling suggestions."""
    return set(vocabulary_spellings(*texts))


def marked_html(text, escaped=False):
    """HTML of a text whose highlighted terms are wrapped in the private-use markers.

    The text is escaped first (unless the database already did), so whatever the indexed
    content holds, only <mark> is markup.
    """
    escaped = (text or "") if escaped else escape(text or "")
    return mark_safe(escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def has_mark(text):
    """True when the text has a highlighted term."""
    return MARK_START in (text or "")
