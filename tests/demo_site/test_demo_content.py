"""The demo site: `load_demo_content` builds a complete, translated site, and running it again
changes nothing.

The demo is loaded once for the package (conftest.py); the idempotence test loads it a second
time inside its own savepoint. Pages are requested in one test so that the image renditions made
for one page are reused by the next instead of being generated again.
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Locale, Page, Site
from wagtail_localize.models import Translation, TranslationSource

from demo.canvas import ILLUSTRATION_SIZE
from demo.loading.loader import load_demo_content
from home.models import Country, HomePage, PolicyArea, StandardPage, SustainableDevelopmentGoal
from knowledge.models import KnowledgeProductPage, TrainingModulePage
from localization.status import stale_source_page
from localization.translators import translator_group_name
from stories.models import ActionPlan, Commitment, MemberProfilePage, ReformStoryPage
from tests.demo_site.conftest import DEMO_GROUP, TEST_IMAGE_SCALE, content_counts

TRANSLATED_LANGUAGES = ["es", "fr", "pt", "ar", "id", "uk"]

pytestmark = [pytest.mark.django_db, DEMO_GROUP]


@pytest.fixture
def english(demo):
    """The source-language locale."""
    return Locale.objects.get(language_code="en")


def live_in(model, code):
    """Live pages of `model` in the language `code`."""
    return model.objects.live().filter(locale__language_code=code)


def test_loading_twice_gives_the_same_counts(demo):
    assert load_demo_content() == demo["summary"]
    assert content_counts() == demo["counts"]


def test_demo_has_the_brochure_content_in_english(english):
    assert live_in(MemberProfilePage, "en").count() >= 90
    assert live_in(ReformStoryPage, "en").count() == 14
    assert live_in(TrainingModulePage, "en").count() >= 4
    assert live_in(KnowledgeProductPage, "en").count() >= 6
    assert {page.slug for page in live_in(StandardPage, "en")} >= {"about", "join", "contact"}


def test_every_locale_exists_and_the_site_root_is_the_english_home(english, settings):
    assert {locale.language_code for locale in Locale.objects.all()} == {
        code for code, _name in settings.LANGUAGES
    }
    site = Site.objects.get(is_default_site=True)
    assert site.site_name == "Open Cities"
    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.locale_id == english.pk
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()


def test_menus_show_the_listings_and_standard_pages(english):
    home = Site.objects.get(is_default_site=True).root_page
    in_menu = {page.slug for page in home.get_children().live().in_menu()}
    assert in_menu == {"stories", "members", "knowledge", "training", "events", "about"}


def test_every_live_page_in_every_language_answers_200(client, english):
    pages = Page.objects.live().filter(depth__gt=1).specific()
    urls = [page.url for page in pages] + [f"/{code}/" for code in TRANSLATED_LANGUAGES]
    failures = [(url, status) for url in urls if (status := client.get(url).status_code) != 200]
    assert failures == []
    assert pages.filter(locale=english).count() > 130


def test_every_training_lesson_answers_200(client, english):
    for module in live_in(TrainingModulePage, "en"):
        for number in range(1, len(module.lessons) + 1):
            assert client.get(f"{module.url}lessons/{number}/").status_code == 200


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_home_listings_and_taxonomy_are_translated_into_every_language(english, code):
    locale = Locale.objects.get(language_code=code)
    home = HomePage.objects.get(locale=english)
    assert home.get_translation(locale).live
    for child in home.get_children().filter(
        slug__in=["stories", "members", "knowledge", "training"]
    ):
        assert child.get_translation(locale).live
    for model in (PolicyArea, SustainableDevelopmentGoal, Country):
        assert (
            model.objects.filter(locale=locale).count()
            == model.objects.filter(locale=english).count()
        )


def test_translated_terms_keep_the_english_slug(english):
    spanish = PolicyArea.objects.filter(locale__language_code="es")
    assert sorted(spanish.values_list("slug", flat=True)) == sorted(
        PolicyArea.objects.filter(locale=english).values_list("slug", flat=True)
    )
    assert set(spanish.values_list("name", flat=True)).isdisjoint(
        PolicyArea.objects.filter(locale=english).values_list("name", flat=True)
    )


@pytest.mark.parametrize(("code", "minimum"), [("es", 5), ("fr", 5), ("ar", 3), ("pt", 2)])
def test_enough_stories_are_live_in_each_language(english, code, minimum):
    assert live_in(ReformStoryPage, code).count() >= minimum


def test_spanish_madrid_story_is_live_and_stale(english):
    madrid = ReformStoryPage.objects.get(locale=english, slug="madrid-lobby-registry")
    spanish = madrid.get_translation(Locale.objects.get(language_code="es"))
    source = TranslationSource.objects.get(object_id=madrid.translation_key, locale=english)
    assert spanish.live
    assert spanish.title != madrid.title
    assert madrid.last_published_at > source.last_updated_at
    assert madrid.last_published_at > spanish.last_published_at
    assert stale_source_page(spanish).pk == madrid.pk


def test_french_scotland_story_is_in_progress(english):
    scotland = ReformStoryPage.objects.get(
        locale=english, slug="scotland-climate-stakeholder-network"
    )
    french = Locale.objects.get(language_code="fr")
    translated = scotland.get_translation(french)
    assert not translated.live
    translation = Translation.objects.get(
        source__object_id=scotland.translation_key, target_locale=french
    )
    total, done = translation.get_progress()
    assert 0 < done < total


def test_home_page_features_stories_and_links_to_join(english):
    home = HomePage.objects.get(locale=english)
    featured = [item.story.specific for item in home.featured_stories.all()]
    assert featured
    assert all(isinstance(story, ReformStoryPage) for story in featured)
    assert home.join_page.slug == "join"


def test_stories_have_generated_images_with_alt_text(english):
    for story in live_in(ReformStoryPage, "en").select_related("image__collection"):
        assert story.image is not None, story.slug
        assert story.image.collection.name == "Demo"
        # Generated at ILLUSTRATION_SIZE, stored shrunk for the tests (conftest.py).
        expected = tuple(side // TEST_IMAGE_SCALE for side in ILLUSTRATION_SIZE)
        assert (story.image.width, story.image.height) == expected
        assert story.image_alt.strip()
        images = [block.value for block in story.body if block.block_type == "image"]
        assert images and all(value["alt_text"] and value["caption"] for value in images)


def test_members_with_stories_have_action_plans_and_commitments(english):
    madrid = MemberProfilePage.objects.get(locale=english, slug="madrid")
    assert madrid.logo is not None
    assert madrid.country.iso_code == "ES"
    assert [c.code for c in madrid.commitments.all()] == ["MAD0001"]
    assert [p.title for p in madrid.action_plans.all()] == ["Madrid action plan 2017-2019"]
    (commitment,) = madrid.commitments.all()
    assert commitment.action_plan.title == "Madrid action plan 2017-2019"
    assert (commitment.start_date.year, commitment.end_date.year) == (2017, 2019)
    assert [c.code for c in madrid.get_latest_revision_as_object().commitments.all()] == ["MAD0001"]


def test_the_demo_has_fourteen_illustrative_plans_and_fifteen_commitments(english):
    assert ActionPlan.objects.filter(locale=english).count() == 14
    assert Commitment.objects.filter(locale=english).count() == 15
    bogota = MemberProfilePage.objects.get(locale=english, slug="bogota")
    assert [c.code for c in bogota.commitments.all()] == ["BOG0001", "BOG0002"]
    assert {c.action_plan.title for c in bogota.commitments.all()} == {
        "Bogotá action plan 2021-2023"
    }


def test_knowledge_products_have_pdf_files_or_a_link(english):
    for product in live_in(KnowledgeProductPage, "en"):
        assert len(product.files) or product.external_url, product.slug
        for block in product.files:
            document = block.value["document"]
            with document.file.open("rb") as handle:
                assert handle.read(5) == b"%PDF-"


def test_training_lessons_hold_questions_with_one_correct_answer(english):
    modules = list(live_in(TrainingModulePage, "en"))
    assert {module.audience for module in modules} >= {"civil_servants", "stakeholders"}
    questions = [
        block.value["question"]
        for module in modules
        for block in module.lessons
        if block.value["question"]["prompt"]
    ]
    assert questions
    for question in questions:
        assert sum(1 for choice in question["choices"] if choice["correct"]) == 1


def test_ensure_admin_creates_one_superuser_who_can_log_in(client, monkeypatch, settings):
    settings.ENSURE_ADMIN_ALLOWS_DEFAULT_PASSWORD = True  # as under cms.settings.dev
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    call_command("ensure_admin", stdout=io.StringIO())
    output = io.StringIO()
    call_command("ensure_admin", stdout=output)
    assert get_user_model().objects.filter(username="admin", is_superuser=True).count() == 1
    assert "http://127.0.0.1:8000/admin/" in output.getvalue()
    response = client.post("/admin/login/", {"username": "admin", "password": "opencities-admin"})
    assert response.status_code == 302


def test_each_translated_language_has_a_translators_group_on_its_home_page(english):
    for code in TRANSLATED_LANGUAGES:
        group = Group.objects.get(name=translator_group_name(code))
        home = HomePage.objects.get(locale__language_code=code)
        granted = GroupPagePermission.objects.filter(group=group)
        assert {(p.page_id, p.permission.codename) for p in granted} == {
            (home.pk, "add_page"),
            (home.pk, "change_page"),
        }, code
