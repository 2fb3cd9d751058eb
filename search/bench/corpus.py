"""A synthetic but realistic corpus for the search benchmark, in the site's seven languages.

Documents are written straight into the search tables (no Wagtail pages): the benchmark measures
the search page's work on the search tables, and building 10,000 full pages would only slow the
setup. Text mixes each language's function words, open-government vocabulary and a long tail of
rarer words with a Zipf distribution, 300 to 800 words per body, so posting lists, vocabulary
size and text length are close to those of real content. The word lists are data
(search/bench/words.json); this package is only used by the benchmark commands.
"""

import datetime
import json
import random
import uuid
from collections import Counter
from itertools import accumulate
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from home.models import Country, PolicyArea, SustainableDevelopmentGoal
from search.indexing import rebuild_vocabulary
from search.models import SearchDocument, text_search_config
from search.registry import indexed_models, own_facet_values, slug_list

LANGUAGE_SHARES = {"en": 40, "es": 15, "fr": 12, "pt": 10, "id": 8, "ar": 8, "uk": 7}
# The demo site's mix of page types (their `search_type`), which the corpus imitates; which of
# them carry the shared facets, below. Their own facets come from their `search_filters()`.
TYPE_SHARES = {"story": 40, "knowledge": 25, "member": 15, "training": 10, "page": 10}
TAGGED_TYPES = ("story", "knowledge")
PLACED_TYPES = ("story", "member")
TRANSLATED_SHARE = 0.5
LONG_TAIL_WORDS = 6000
# Domain words are scattered over the first DOMAIN_RANKS ranks of the Zipf distribution; each
# document also returns to TOPIC_WORDS of them for TOPIC_SHARE of its content words.
DOMAIN_RANKS = 1500
TOPIC_WORDS = 6
TOPIC_SHARE = 0.15
BATCH = 500
# Words of taxonomy labels per language on a document (names and synonyms of a few terms).
LABEL_WORDS = 20

# Per language: function words, open-government words, syllables of the long tail and title
# templates; and city names shared by every language.
WORDS = json.loads((Path(__file__).parent / "words.json").read_text(encoding="utf-8"))
FUNCTION_WORDS = WORDS["function_words"]
DOMAIN_WORDS = WORDS["domain_words"]
SYLLABLES = WORDS["syllables"]
CITIES = WORDS["cities"]
TITLE_TEMPLATES = WORDS["title_templates"]


def _capitalized(text):
    return text[:1].upper() + text[1:]


class Language:
    """One language's word sampler.

    Every document has a topic (a handful of domain words it keeps returning to); the rest of
    its content words follow a Zipf distribution over the language's domain words, scattered
    among a long tail of rarer words, with a function word between content words.
    """

    def __init__(self, code, rng):
        self.code = code
        self.rng = rng
        tail = set()
        syllables = SYLLABLES[code]
        while len(tail) < LONG_TAIL_WORDS:
            tail.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
        words = sorted(tail)
        rng.shuffle(words)
        self.domain_words = DOMAIN_WORDS[code]
        for word in self.domain_words:
            words.insert(rng.randint(5, DOMAIN_RANKS), word)
        self.function_words = FUNCTION_WORDS[code]
        self.content_words = words
        self.cumulative_weights = list(
            accumulate(1 / (rank + 1) ** 1.07 for rank in range(len(words)))
        )

    def topic(self):
        """The domain words one document is about."""
        return self.rng.sample(self.domain_words, TOPIC_WORDS)

    def sentence(self, length, topic):
        """A sentence of about `length` words: every other word a function word."""
        content = self.rng.choices(
            self.content_words, cum_weights=self.cumulative_weights, k=length // 2 + 1
        )
        for index in range(len(content)):
            if self.rng.random() < TOPIC_SHARE:
                content[index] = self.rng.choice(topic)
        function = self.rng.choices(self.function_words, k=length // 2)
        words = [w for pair in zip(content, function, strict=False) for w in pair] + content[-1:]
        return _capitalized(" ".join(words)) + "."

    def text(self, words, topic):
        """Sentences adding up to about `words` words."""
        sentences = []
        count = 0
        while count < words:
            length = self.rng.randint(8, 22)
            sentences.append(self.sentence(length, topic))
            count += length
        return " ".join(sentences)

    def title(self, topic):
        """A title in the style of the site's stories, guides and modules."""
        template = self.rng.choice(TITLE_TEMPLATES[self.code])
        a, b = self.rng.sample(topic, 2)
        return _capitalized(template.format(city=self.rng.choice(CITIES), a=a, b=b))[:255]


def _taxonomy():
    """Policy areas, goals and countries: the demo data's, created in English if missing."""
    path = settings.BASE_DIR / "demo" / "data" / "taxonomy.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    english = Locale.objects.get_or_create(language_code="en")[0]
    areas = [area["slug"] for area in data["policy_areas"]]
    for area in data["policy_areas"]:
        PolicyArea.objects.get_or_create(
            locale=english, slug=area["slug"], defaults={"name": area["name"]}
        )
    goals = []
    for goal in data["sdgs"]:
        slug = f"sdg-{goal['number']}"
        goals.append(slug)
        SustainableDevelopmentGoal.objects.get_or_create(
            locale=english,
            slug=slug,
            defaults={"name": goal["name"], "number": goal["number"], "colour": goal["colour"]},
        )
    countries = []
    for country in data["countries"]:
        slug = country["name"].lower().replace(" ", "-")
        countries.append((slug, country["region"]))
        Country.objects.get_or_create(
            locale=english,
            slug=slug,
            defaults={
                "name": country["name"],
                "iso_code": country["iso2"],
                "region": country["region"],
            },
        )
    return areas, goals, countries


def _facets(page_type, rng, areas, goals, countries):
    facets = {}
    year = rng.randint(2014, 2025)
    if page_type in TAGGED_TYPES:
        facets["policy_area"] = rng.sample(areas, rng.randint(1, 3))
        facets["sdg"] = rng.sample(goals, rng.randint(0, 2))
    if page_type in PLACED_TYPES:
        country, region = rng.choice(countries)
        facets.update(country=country, region=region)
    for model in indexed_models():
        if model.search_type == page_type:
            for own in model.search_filters():
                facets[own.param] = rng.choice([value for value, _label in own.choices])
    facets["year"] = year
    return facets


def generate(documents, seed=1):
    """Write `documents` synthetic search documents and recount the vocabulary.

    Returns a Counter of documents per language.
    """
    rng = random.Random(seed)
    areas, goals, countries = _taxonomy()
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.LANGUAGES
        if code in LANGUAGE_SHARES
    }
    languages = {code: Language(code, random.Random(f"{seed}-{code}")) for code in locales}
    codes = list(LANGUAGE_SHARES)
    types = list(TYPE_SHARES)
    english_keys = []
    translated = set()
    made = Counter()
    now = timezone.now()
    with transaction.atomic():
        for start in range(0, documents, BATCH):
            batch = []
            for number in range(start, min(documents, start + BATCH)):
                # Round-robin the first documents so every language and type is present.
                if number < len(codes):
                    code = codes[number]
                else:
                    code = rng.choices(codes, [LANGUAGE_SHARES[c] for c in codes])[0]
                page_type = (
                    types[number % len(types)]
                    if number < len(types)
                    else rng.choices(types, [TYPE_SHARES[t] for t in types])[0]
                )
                language = languages[code]
                topic = language.topic()
                key = uuid.uuid4()
                if code != "en" and english_keys and rng.random() < TRANSLATED_SHARE:
                    source = rng.choice(english_keys)
                    if (code, source) not in translated:
                        translated.add((code, source))
                        key = source
                if code == "en":
                    english_keys.append(key)
                facet_values = _facets(page_type, rng, areas, goals, countries)
                # Labels as search/labels.py writes them: every language's on English
                # documents, which stand in for missing translations; a translation's own.
                labelled = list(languages) if code == "en" else [code]
                labels = {
                    text_search_config(c): languages[c].text(LABEL_WORDS, languages[c].topic())
                    for c in labelled
                }
                document = SearchDocument(
                    locale=locales[code],
                    language_code=code,
                    search_config=text_search_config(code),
                    translation_key=key,
                    page_type=page_type,
                    title=language.title(topic),
                    summary=language.text(rng.randint(20, 40), topic)[:300],
                    body=language.text(rng.randint(300, 800), topic),
                    url=f"/{code}/synthetic/{number}/",
                    policy_areas=slug_list(facet_values.get("policy_area")),
                    sdgs=slug_list(facet_values.get("sdg")),
                    region=facet_values.get("region", ""),
                    country=facet_values.get("country", ""),
                    facets=own_facet_values(facet_values),
                    year=facet_values["year"],
                    date=now - datetime.timedelta(days=rng.randint(0, 3650)),
                    labels=labels,
                )
                batch.append(document)
                made[code] += 1
            SearchDocument.objects.bulk_create(batch)
        rebuild_vocabulary()
    return made
