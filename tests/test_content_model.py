"""Content model: where each page type may live, and what editors cannot get wrong."""

import datetime

import pytest
import wagtail_factories
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.hooks import search_for_hooks
from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html

from demo.loading import blocks
from home.blocks import ImageBlock
from home.models import HomePage, StandardPage
from knowledge.models import (
    KnowledgeIndexPage,
    KnowledgeProductPage,
    TrainingIndexPage,
    TrainingModulePage,
)
from stories.models import MemberIndexPage, MemberProfilePage, ReformStoryPage, StoryIndexPage
from tests import factories

# Wagtail registers snippets (home/wagtail_hooks.py) when it first looks for hooks, which a
# request does; block validation below runs without one, so load them here.
search_for_hooks()

INDEX_TYPES = {StoryIndexPage, MemberIndexPage, KnowledgeIndexPage, TrainingIndexPage}
DETAIL_TYPES = {ReformStoryPage, MemberProfilePage, KnowledgeProductPage, TrainingModulePage}
INDEX_CHILD = {
    StoryIndexPage: ReformStoryPage,
    MemberIndexPage: MemberProfilePage,
    KnowledgeIndexPage: KnowledgeProductPage,
    TrainingIndexPage: TrainingModulePage,
}


# Allowed parent and child page types


def test_home_page_sits_at_the_root_of_a_language_tree():
    assert HomePage.allowed_parent_page_models() == [Page]


def test_home_page_offers_the_four_listings_and_standard_pages_but_no_detail_pages():
    allowed = set(HomePage.allowed_subpage_models())
    assert INDEX_TYPES | {StandardPage} <= allowed
    assert not allowed & DETAIL_TYPES


@pytest.mark.parametrize(("index", "child"), INDEX_CHILD.items())
def test_each_listing_holds_only_its_own_detail_pages(index, child):
    assert index.allowed_parent_page_models() == [HomePage]
    assert index.allowed_subpage_models() == [child]
    assert child.allowed_parent_page_models() == [index]
    assert child.allowed_subpage_models() == []


def test_standard_pages_nest_under_home_and_each_other_only():
    assert set(StandardPage.allowed_parent_page_models()) == {HomePage, StandardPage}
    assert StandardPage.allowed_subpage_models() == [StandardPage]


@pytest.mark.django_db
def test_detail_pages_can_be_created_only_under_their_listing(site_tree):
    for index_name, child in (
        ("stories", ReformStoryPage),
        ("members", MemberProfilePage),
        ("knowledge", KnowledgeProductPage),
        ("training", TrainingModulePage),
    ):
        assert child.can_create_at(site_tree[index_name])
        assert not child.can_create_at(site_tree["home"])
        others = {"stories", "members", "knowledge", "training"} - {index_name}
        for other in others:
            assert not child.can_create_at(site_tree[other])


@pytest.mark.django_db
def test_each_language_tree_has_at_most_one_of_each_listing(site_tree):
    home = site_tree["home"]
    for index in INDEX_TYPES:
        assert not index.can_create_at(home)
    assert StandardPage.can_create_at(home)
    assert not HomePage.can_create_at(home)


@pytest.mark.django_db
def test_admin_offers_editors_only_allowed_types_under_a_listing(admin_client, site_tree):
    url = reverse("wagtailadmin_pages:add_subpage", args=(site_tree["stories"].pk,))
    response = admin_client.get(url)
    # A listing with one allowed child type goes straight to that type's form.
    assert response.status_code == 302
    assert "/add/stories/reformstorypage/" in response["Location"]


# Validation


def knowledge_product(**fields):
    """An unsaved knowledge product with the required fields filled in."""
    values = {
        "title": "Open contracting guide",
        "slug": "open-contracting-guide",
        "kind": "guide",
        "summary": "How to publish contracts openly.",
        "publication_date": datetime.date(2024, 5, 1),
    }
    values.update(fields)
    return KnowledgeProductPage(**values)


@pytest.mark.django_db
def test_knowledge_product_without_file_or_link_is_rejected(site_tree):
    product = knowledge_product()
    with pytest.raises(ValidationError) as error:
        product.full_clean()
    assert "external_url" in error.value.message_dict


@pytest.mark.django_db
def test_knowledge_product_with_only_a_link_is_accepted(site_tree):
    product = knowledge_product(external_url="https://example.org/guide")
    site_tree["knowledge"].add_child(instance=product)
    product.full_clean()


@pytest.mark.django_db
def test_knowledge_product_with_only_a_file_is_accepted(site_tree):
    document = wagtail_factories.DocumentFactory(title="Guide")
    product = knowledge_product(
        files=blocks.files(
            "content-model/guide", [{"document": document, "language": "es", "label": "Guía (PDF)"}]
        )
    )
    site_tree["knowledge"].add_child(instance=product)
    product.full_clean()
    assert product.file_languages == "|es|"


@pytest.mark.django_db
def test_summary_over_300_characters_is_rejected_in_the_editor(admin_client, site_tree):
    url = reverse("wagtailadmin_pages:add", args=("home", "standardpage", site_tree["home"].pk))
    data = querydict_from_html(admin_client.get(url).content.decode(), form_id="page-edit-form")
    data.update({"title": "About", "slug": "about", "summary": "x" * 301, "body-count": "0"})
    response = admin_client.post(url, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "summary" in errors
    assert "300" in errors["summary"][0]
    assert not StandardPage.objects.filter(slug="about").exists()


@pytest.mark.django_db
def test_summary_of_exactly_300_characters_is_accepted_in_the_editor(admin_client, site_tree):
    url = reverse("wagtailadmin_pages:add", args=("home", "standardpage", site_tree["home"].pk))
    data = querydict_from_html(admin_client.get(url).content.decode(), form_id="page-edit-form")
    data.update({"title": "About", "slug": "about", "summary": "x" * 300, "body-count": "0"})
    response = admin_client.post(url, data)
    assert response.status_code == 302
    assert StandardPage.objects.get(slug="about").summary == "x" * 300


@pytest.mark.django_db
def test_story_without_summary_is_rejected(site_tree):
    member = factories.MemberProfilePageFactory(parent=site_tree["members"])
    story = ReformStoryPage(title="Story", slug="story", member=member, start_year=2020)
    with pytest.raises(ValidationError) as error:
        story.full_clean()
    assert "summary" in error.value.message_dict


@pytest.mark.django_db
def test_page_image_without_alt_text_is_rejected(site_tree):
    page = factories.StandardPageFactory(parent=site_tree["home"])
    page.image = factories.ImageFactory()
    page.image_alt = "   "
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "image_alt" in error.value.message_dict
    page.image_alt = "Council members at an open meeting"
    page.full_clean()


@pytest.mark.django_db
@pytest.mark.parametrize("alt_text", ["", "   ", "IMG_2031.jpg"])
def test_image_block_without_real_alt_text_is_rejected(alt_text):
    block = ImageBlock()
    image = factories.ImageFactory()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"image": image.pk, "alt_text": alt_text, "caption": ""}))
    assert "alt_text" in error.value.block_errors


@pytest.mark.django_db
def test_image_block_with_alt_text_is_accepted():
    block = ImageBlock()
    image = factories.ImageFactory()
    value = block.clean(
        block.to_python({"image": image.pk, "alt_text": "A town hall", "caption": ""})
    )
    assert value["alt_text"] == "A town hall"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("codes", "valid"),
    [
        ("MAD0001", True),
        ("MAD0001, MAD0002", True),
        ("MAD0001,MAD0002", True),
        ("MAD1", False),
        ("MAD0001; MAD0002", False),
        ("mad0001", False),
    ],
)
def test_story_related_commitment_codes_are_validated(site_tree, codes, valid):
    member = factories.MemberProfilePageFactory(parent=site_tree["members"])
    story = factories.ReformStoryPageFactory(parent=site_tree["stories"], member=member)
    story.commitment_codes = codes
    if valid:
        story.full_clean()
    else:
        with pytest.raises(ValidationError) as error:
            story.full_clean()
        assert "commitment_codes" in error.value.message_dict


@pytest.mark.django_db
def test_story_cannot_end_before_it_starts(site_tree):
    member = factories.MemberProfilePageFactory(parent=site_tree["members"])
    story = factories.ReformStoryPageFactory(parent=site_tree["stories"], member=member)
    story.start_year, story.end_year = 2022, 2020
    with pytest.raises(ValidationError) as error:
        story.full_clean()
    assert "end_year" in error.value.message_dict
