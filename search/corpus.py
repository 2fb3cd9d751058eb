"""A synthetic but realistic corpus for the search benchmark, in the site's seven languages.

Documents are written straight into the search tables (no Wagtail pages): the benchmark measures
the search page's work on the search tables, and building 10,000 full pages would only slow the
setup. Text mixes each language's function words, open-government vocabulary and a long tail of
rarer words with a Zipf distribution, 300 to 800 words per body, so posting lists, vocabulary
size and text length are close to those of real content.
"""

import datetime
import json
import random
import uuid
from collections import Counter
from itertools import accumulate

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from home.models import Country, PolicyArea, SustainableDevelopmentGoal
from knowledge.models import Audience, KnowledgeKind
from search.indexing import rebuild_vocabulary
from search.models import PageType, SearchDocument, text_search_config
from search.registry import slug_list

LANGUAGE_SHARES = {"en": 40, "es": 15, "fr": 12, "pt": 10, "id": 8, "ar": 8, "uk": 7}
TYPE_SHARES = {
    PageType.STORY: 40,
    PageType.KNOWLEDGE: 25,
    PageType.MEMBER: 15,
    PageType.TRAINING: 10,
    PageType.PAGE: 10,
}
TRANSLATED_SHARE = 0.5
LONG_TAIL_WORDS = 6000
# Domain words are scattered over the first DOMAIN_RANKS ranks of the Zipf distribution; each
# document also returns to TOPIC_WORDS of them for TOPIC_SHARE of its content words.
DOMAIN_RANKS = 1500
TOPIC_WORDS = 6
TOPIC_SHARE = 0.15
BATCH = 500


def _words(text):
    """The words of a whitespace-separated list."""
    return text.split()


FUNCTION_WORDS = {
    "en": _words(
        "the of and to in a is for that with on by as are from this it at be an or was their its "
        "which has have more than all can will who not also into but"
    ),
    "es": _words(
        "de la que el en y a los del se las por un para con no una su al lo como más pero sus le "
        "ya o este sí porque esta entre cuando muy sin sobre también"
    ),
    "fr": _words(
        "de la le et les des à en du un une est pour que qui dans par sur au avec plus ne pas ce "
        "il sont ses leur aux cette mais ou comme tout entre aussi"
    ),
    "pt": _words(
        "de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao "
        "ele das tem à seu sua ou ser quando muito nos já está"
    ),
    "id": _words(
        "yang dan di dari untuk dengan dalam ini itu pada tidak akan oleh ke juga ada sebagai atau "
        "telah karena bisa lebih mereka kami kota warga serta para"
    ),
    "ar": _words(
        "في من على إلى أن عن مع هذا هذه التي الذي كان قد لا ما هو هي كما بين كل عند بعد حتى أو ثم "
        "ذلك تلك لكن أي منذ"
    ),
    "uk": _words(
        "і в на з що до не як за про від та це його її їх для але по вже ще також або коли який "
        "яка які між після через під над усі"
    ),
}

DOMAIN_WORDS = {
    "en": _words(
        "transparency corruption participatory budget budgeting lobby registry register "
        "procurement contracts open data accountability citizens residents council city mayor "
        "officials public services access justice integrity declarations assets beneficial "
        "ownership civic space participation consultation digital platform portal reform "
        "commitment action plan policy government local municipality province region meeting "
        "agenda monitoring evaluation gender inclusion climate environment health education youth "
        "women information freedom request complaint feedback audit spending revenue tax "
        "infrastructure housing water transport training learning guide toolkit research report "
        "evidence indicators results community neighbourhood district cooperation partnership "
        "network innovation technology dataset standard oversight ombudsman whistleblower "
        "protection ethics conflict interest disclosure election campaign finance assembly "
        "deliberation co-creation stakeholders civil society"
    ),
    "es": _words(
        "transparencia corrupción participativo participativos presupuesto presupuestos lobby "
        "registro contratación contratos datos abiertos rendición cuentas ciudadanía vecinos "
        "concejo ciudad alcaldía funcionarios servicios públicos acceso justicia integridad "
        "declaraciones patrimonio espacio cívico participación consulta plataforma digital portal "
        "reforma compromiso plan acción política gobierno local municipio provincia región reunión "
        "agenda seguimiento evaluación género inclusión clima ambiente salud educación juventud "
        "mujeres información libertad solicitud queja auditoría gasto ingresos impuestos vivienda "
        "agua transporte formación guía investigación informe evidencia indicadores resultados "
        "comunidad barrio distrito cooperación alianza red innovación tecnología conjunto norma "
        "supervisión defensoría denunciantes protección ética conflicto intereses divulgación "
        "elecciones campaña"
    ),
    "fr": _words(
        "transparence corruption participatif participative budget lobby registre marchés publics "
        "contrats données ouvertes redevabilité citoyens habitants conseil ville maire élus "
        "services accès justice intégrité déclarations patrimoine espace civique participation "
        "consultation plateforme numérique portail réforme engagement plan action politique "
        "gouvernement local commune province région réunion agenda suivi évaluation genre "
        "inclusion climat environnement santé éducation jeunesse femmes information liberté "
        "demande plainte audit dépenses recettes impôts logement eau transport formation guide "
        "recherche rapport preuves indicateurs résultats communauté quartier arrondissement "
        "coopération partenariat réseau innovation technologie norme contrôle médiateur lanceurs "
        "alerte éthique conflit intérêts"
    ),
    "pt": _words(
        "transparência corrupção participativo orçamento orçamentos lobby registro compras "
        "públicas contratos dados abertos prestação contas cidadãos moradores câmara cidade "
        "prefeito servidores serviços acesso justiça integridade declarações patrimônio espaço "
        "cívico participação consulta plataforma digital portal reforma compromisso plano ação "
        "política governo local município província região reunião agenda monitoramento avaliação "
        "gênero inclusão clima ambiente saúde educação juventude mulheres informação liberdade "
        "pedido reclamação auditoria gastos receitas impostos habitação água transporte formação "
        "guia pesquisa relatório evidências indicadores resultados comunidade bairro distrito "
        "cooperação parceria rede inovação tecnologia norma fiscalização ouvidoria denunciantes "
        "proteção ética conflito"
    ),
    "id": _words(
        "transparansi korupsi partisipatif anggaran lobi pendaftaran pengadaan kontrak data "
        "terbuka akuntabilitas masyarakat penduduk dewan kota walikota pejabat layanan publik "
        "akses keadilan integritas deklarasi aset ruang sipil partisipasi konsultasi platform "
        "digital portal reformasi komitmen rencana aksi kebijakan pemerintah daerah kabupaten "
        "provinsi wilayah rapat agenda pemantauan evaluasi gender inklusi iklim lingkungan "
        "kesehatan pendidikan pemuda perempuan informasi kebebasan permintaan pengaduan audit "
        "belanja pendapatan pajak perumahan air transportasi pelatihan panduan penelitian laporan "
        "bukti indikator hasil komunitas kelurahan kecamatan kerja sama kemitraan jaringan inovasi "
        "teknologi standar pengawasan ombudsman"
    ),
    "ar": _words(
        "الشفافية الفساد التشاركية الميزانية الضغط السجل المشتريات العقود البيانات المفتوحة "
        "المساءلة المواطنين السكان المجلس المدينة العمدة المسؤولين الخدمات العامة الوصول العدالة "
        "النزاهة الإقرارات الأصول الفضاء المدني المشاركة التشاور المنصة الرقمية البوابة الإصلاح "
        "الالتزام خطة العمل السياسة الحكومة المحلية البلدية المحافظة المنطقة الاجتماع جدول "
        "المتابعة التقييم النوع الإدماج المناخ البيئة الصحة التعليم الشباب النساء المعلومات الحرية "
        "الطلب الشكوى التدقيق الإنفاق الإيرادات الضرائب السكن المياه النقل التدريب الدليل البحث "
        "التقرير الأدلة المؤشرات النتائج"
    ),
    "uk": _words(
        "прозорість корупція партисипативний бюджет лобіювання реєстр закупівлі договори відкриті "
        "дані підзвітність громадяни мешканці рада місто мер посадовці послуги публічні доступ "
        "правосуддя доброчесність декларації активи громадський простір участь консультації "
        "платформа цифрова портал реформа зобов'язання план дій політика уряд місцевий громада "
        "область регіон засідання порядок моніторинг оцінка гендер інклюзія клімат довкілля "
        "здоров'я освіта молодь жінки інформація свобода запит скарга аудит видатки доходи податки "
        "житло вода транспорт навчання посібник дослідження звіт докази показники результати "
        "спільнота район співпраця"
    ),
}

SYLLABLES = {
    "en": _words(
        "ac al an ar ber bo cal can con de dis el en er for gen in ist lan ler men mo ner or pa "
        "per pro quo ran re sen ster ta ter tion ver vi"
    ),
    "es": _words(
        "ca co da de do en es ga la le lo ma me mi na no pa pe que ra re ri sa se ta te to ve vi "
        "ción dad mien"
    ),
    "fr": _words(
        "ai an au ce ché de é en eu in la le ment mi on ou pa pe que ré sé si te té ti tion tre vé"
    ),
    "pt": _words(
        "ca ção co da de do em es gu la lha ma me mi na nho pa pe qua ra re sa se ta te to ve vi"
    ),
    "id": _words("ba be ka ke la lu ma me na ng pa pe ra ri sa se ta te tu wa ya an kan nya"),
    "ar": _words("ال ب ت ث ج ح خ د ر ز س ش ص ع ف ق ك ل م ن ه و ي ة ا"),
    "uk": _words("ва ві да до за ка ко ла ли ма мі на ні но па по ра ро ри са сі та ти ть ння ці"),
}

CITIES = _words(
    "Madrid Bogotá Nairobi Tbilisi Seoul Paris Lisboa Kigali Austin Quito Makueni Jakarta Bandung "
    "Surabaya Kharkiv Lviv Kyiv Tunis Agadir Beirut Amman Manila Elgeyo Ternopil Recife Curitiba "
    "Montevideo Mendoza Córdoba Rosario Toronto Detroit Lagos Accra Kaduna Sekondi Tangerang "
    "Semarang Sidoarjo Buenos Aires Mexico Jalisco Nariño Antioquia"
)

TITLE_TEMPLATES = {
    "en": [
        "{city} opens its {a} {b}",
        "How {city} made {a} {b} work",
        "{a} and {b} in {city}",
        "A guide to {a} {b}",
        "{city}: {a} for {b}",
    ],
    "es": [
        "{city} abre su {a} de {b}",
        "Cómo {city} logró {a} y {b}",
        "{a} y {b} en {city}",
        "Guía de {a} y {b}",
        "{city}: {a} para {b}",
    ],
    "fr": [
        "{city} ouvre son {a} de {b}",
        "Comment {city} a réussi {a} et {b}",
        "{a} et {b} à {city}",
        "Guide de {a} et {b}",
        "{city} : {a} pour {b}",
    ],
    "pt": [
        "{city} abre seu {a} de {b}",
        "Como {city} fez {a} e {b}",
        "{a} e {b} em {city}",
        "Guia de {a} e {b}",
        "{city}: {a} para {b}",
    ],
    "id": [
        "{city} membuka {a} {b}",
        "Bagaimana {city} mewujudkan {a} {b}",
        "{a} dan {b} di {city}",
        "Panduan {a} dan {b}",
        "{city}: {a} untuk {b}",
    ],
    "ar": [
        "{city} تفتح {a} {b}",
        "كيف حققت {city} {a} و{b}",
        "{a} و{b} في {city}",
        "دليل {a} و{b}",
        "{city}: {a} من أجل {b}",
    ],
    "uk": [
        "{city} відкриває {a} {b}",
        "Як {city} досягло {a} і {b}",
        "{a} і {b} у {city}",
        "Посібник: {a} і {b}",
        "{city}: {a} для {b}",
    ],
}


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
    if page_type in (PageType.STORY, PageType.KNOWLEDGE):
        facets["policy_area"] = rng.sample(areas, rng.randint(1, 3))
        facets["sdg"] = rng.sample(goals, rng.randint(0, 2))
    if page_type in (PageType.STORY, PageType.MEMBER):
        country, region = rng.choice(countries)
        facets.update(country=country, region=region)
    if page_type == PageType.KNOWLEDGE:
        facets["kind"] = rng.choice(KnowledgeKind.values)
    if page_type == PageType.TRAINING:
        facets["audience"] = rng.choice(Audience.values)
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
                    kind=facet_values.get("kind", ""),
                    audience=facet_values.get("audience", ""),
                    year=facet_values["year"],
                    date=now - datetime.timedelta(days=rng.randint(0, 3650)),
                )
                batch.append(document)
                made[code] += 1
            SearchDocument.objects.bulk_create(batch)
        rebuild_vocabulary()
    return made
