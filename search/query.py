"""What a visitor typed, made safe and useful: trimmed, split into words, with word families."""

from dataclasses import dataclass, field

from search.text import WORD, clean_text, fold_accents

MAX_QUERY_LENGTH = 200
MIN_QUERY_LENGTH = 2
MAX_WORDS = 12
MIN_ROOT_LENGTH = 5

# Derivational endings per language: "corrupción" and "corrupto" have different stems
# ("corrupcion", "corrupt") in every stemmer, yet a visitor looking for one wants the other. A
# word with one of these endings also matches words starting with what precedes the ending
# (stemmed), ranked below exact matches. Longest endings first.
DERIVATIONAL_ENDINGS = {
    "en": (
        "ations",
        "ation",
        "itions",
        "ition",
        "tions",
        "tion",
        "ments",
        "ment",
        "ities",
        "ity",
        "ness",
    ),
    "es": (
        "aciones",
        "ación",
        "iciones",
        "ición",
        "ciones",
        "ción",
        "siones",
        "sión",
        "mientos",
        "miento",
        "idades",
        "idad",
        "encias",
        "encia",
        "ncias",
        "ncia",
    ),
    "pt": (
        "ações",
        "ação",
        "ições",
        "ição",
        "ções",
        "ção",
        "sões",
        "são",
        "mentos",
        "mento",
        "idades",
        "idade",
        "ências",
        "ência",
        "ncias",
        "ncia",
    ),
    "fr": (
        "ations",
        "ation",
        "itions",
        "ition",
        "tions",
        "tion",
        "ements",
        "ement",
        "ités",
        "ité",
        "ences",
        "ence",
    ),
}


@dataclass
class SearchQuery:
    """A visitor's query: the text to show back, and the words to match."""

    text: str
    words: list = field(default_factory=list)

    @classmethod
    def parse(cls, raw):
        """Trim, collapse whitespace and cut at MAX_QUERY_LENGTH characters; split into words."""
        text = clean_text(str(raw or ""))[:MAX_QUERY_LENGTH].strip()
        seen = []
        for word in WORD.findall(text):
            word = word.casefold()
            if (len(word) > 1 or word.isdigit()) and word not in seen:
                seen.append(word)
        return cls(text=text, words=seen[:MAX_WORDS])

    @property
    def too_short(self):
        """True when there is nothing worth searching for (empty or one character)."""
        return len(self.text) < MIN_QUERY_LENGTH

    @property
    def searchable(self):
        """True when the query has words to match."""
        return not self.too_short and bool(self.words)

    def terms(self, language_code):
        """For each word, (word, root or None): the root widens the match to the word family.

        Endings are recognised with or without accents ("corrupcion" as "corrupción"), since
        both databases match words without their accents.
        """
        endings = DERIVATIONAL_ENDINGS.get(language_code.split("-")[0], ())
        result = []
        for word in self.words:
            root = None
            folded = fold_accents(word)
            for ending in map(fold_accents, endings):
                if folded.endswith(ending) and len(folded) - len(ending) >= MIN_ROOT_LENGTH:
                    root = folded[: -len(ending)]
                    break
            result.append((word, root))
        return result

    def replace_words(self, replacements):
        """The query text with some words replaced (for "Did you mean")."""
        return " ".join(replacements.get(word, word) for word in self.words)
