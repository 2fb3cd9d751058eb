""" "Did you mean": the closest words of the indexed vocabulary of the visitor's language."""

from search.labels import taxonomy_words
from search.text import fold_accents

MIN_WORD_LENGTH = 4


def edit_distance(a, b, limit=3):
    """Optimal string alignment distance (insertions, deletions, substitutions, swaps).

    Stops early and returns `limit + 1` once the distance must exceed `limit`.
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous_previous = None
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if (
                previous_previous is not None
                and i > 1
                and j > 1
                and char_a == b[j - 2]
                and a[i - 2] == char_b
            ):
                current[j] = min(current[j], previous_previous[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous_previous, previous = previous, current
    return previous[-1]


def allowed_distance(word):
    """How many edits a word may be from its correction: one for short words, two otherwise."""
    return 1 if len(word) <= 5 else 2


def suggestible_words(query):
    """The query's words that may be corrected: long enough, letters only."""
    return [word for word in query.words if len(word) >= MIN_WORD_LENGTH and word.isalpha()]


def suggest(query, locale, backend, known):
    """The query with its unknown words replaced by the closest known ones, or None.

    `known` are the query words the vocabulary has (see SearchBackend.facet_counts). A word is
    unknown when no text the visitor can be shown contains it, with or without its accents
    ("corrupcion" is known when "corrupción" is), and no taxonomy term of the visitor's language
    names it; candidates come from the backend (pg_trgm or a bounded list) and the closest, then
    most frequent, wins, written as the texts write it ("Bogotá").
    """
    known = {fold_accents(word) for word in known} | taxonomy_words(locale.language_code)
    replacements = {}
    for word in suggestible_words(query):
        folded = fold_accents(word)
        if folded in known:
            continue
        limit = allowed_distance(word)
        best = None
        for term, spelling, frequency in backend.suggestion_candidates(word, locale):
            if fold_accents(term) == folded:
                best = None
                break
            distance = edit_distance(folded, fold_accents(term), limit)
            if distance <= limit and (best is None or (distance, -frequency) < best[0]):
                best = ((distance, -frequency), spelling or term)
        if best:
            replacements[word] = best[1]
    return query.replace_words(replacements) if replacements else None
