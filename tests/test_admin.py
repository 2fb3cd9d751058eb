"""The editors' admin: Taxonomy menu, snippet listings, summary counter, explorer, checker."""

import json

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.urls import reverse
from modelcluster.fields import ParentalKey
from wagtail.models import Page

from knowledge.models import KnowledgeProductPage
from stories.models import ReformStoryPage
from tests import factories

CONTENT_APPS = ("home", "stories", "knowledge")


def sidebar_menu(response):
    """The admin sidebar's main menu items as (name, label, submenu labels)."""
    html = response.content.decode()
    start = html.index('id="wagtail-sidebar-props"')
    props = html[html.index(">", start) + 1 : html.index("</script>", start)]
    modules = json.loads(props)["modules"]
    menu = next(m for m in modules if m["_type"] == "wagtail.sidebar.MainMenuModule")
    items = {}
    for item in menu["_args"][0]:
        attrs = item["_args"][0]
        children = item["_args"][1] if item["_type"].endswith("SubMenuItem") else []
        items[attrs["name"]] = [child["_args"][0]["label"] for child in children]
    return items


@pytest.mark.django_db
def test_taxonomy_snippets_share_one_menu(admin_client, site_tree):
    items = sidebar_menu(admin_client.get(reverse("wagtailadmin_home")))
    assert items["taxonomy"] == ["Policy areas", "Sustainable Development Goals", "Countries"]


@pytest.mark.django_db
def test_country_listing_searches_and_filters_by_region_and_locale(admin_client, locales):
    spain = factories.CountryFactory(name="Spain", slug="spain", region="europe")
    factories.CountryFactory(name="Kenya", slug="kenya", iso_code="KE", region="africa-middle-east")
    spain.copy_for_translation(locales["es"]).save()
    url = reverse("wagtailsnippets_home_country:list")

    response = admin_client.get(url, {"region": "europe", "locale": "en"})
    assert response.status_code == 200
    assert list(response.context["object_list"]) == [spain]

    response = admin_client.get(url, {"locale": "es"})
    assert [c.locale.language_code for c in response.context["object_list"]] == ["es"]

    response = admin_client.get(url, {"q": "Keny", "locale": "en"})
    assert [c.name for c in response.context["object_list"]] == ["Kenya"]


@pytest.mark.django_db
def test_goals_are_listed_in_un_order_and_export_as_csv(admin_client, locales):
    for number in (10, 2, 1):
        factories.SDGFactory(number=number)
    url = reverse("wagtailsnippets_home_sustainabledevelopmentgoal:list")

    response = admin_client.get(url, {"locale": "en"})
    assert [g.number for g in response.context["object_list"]] == [1, 2, 10]

    response = admin_client.get(url, {"locale": "en", "export": "csv"})
    assert response.status_code == 200
    rows = b"".join(response.streaming_content).decode().splitlines()
    assert rows[0].split(",")[:2] == ["Number", "Name"]
    assert len(rows) == 4


@pytest.mark.django_db
def test_policy_area_listing_exports_names_and_slugs(admin_client, locales):
    factories.PolicyAreaFactory(name="Lobbying", slug="lobbying")
    url = reverse("wagtailsnippets_home_policyarea:list")
    response = admin_client.get(url, {"export": "csv"})
    content = b"".join(response.streaming_content).decode()
    assert "Lobbying,lobbying" in content


@pytest.mark.django_db
def test_page_editor_loads_the_summary_character_counter(admin_client, site_tree):
    url = reverse("wagtailadmin_pages:add", args=("home", "standardpage", site_tree["home"].pk))
    response = admin_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/js/admin/summary-counter.js" in html
    assert 'name="summary"' in html and 'maxlength="300"' in html


@pytest.mark.django_db
def test_page_explorer_filters_by_page_type(admin_client, site_tree):
    member = factories.MemberProfilePageFactory(parent=site_tree["members"], title="Madrid")
    factories.ReformStoryPageFactory(
        parent=site_tree["stories"], member=member, title="Lobby register"
    )
    story_type = ContentType.objects.get_for_model(ReformStoryPage)
    url = reverse("wagtailadmin_explore", args=(site_tree["home"].pk,))
    response = admin_client.get(url, {"content_type": story_type.pk})
    assert response.status_code == 200
    shown = {page.title for page in response.context["object_list"]}
    assert shown == {"Lobby register"}


@pytest.mark.django_db
def test_accessibility_checker_is_in_the_userbar_for_editors(admin_client, site_tree):
    response = admin_client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "w-userbar" in html
    assert 'id="checker-axe-configuration"' in html


@pytest.mark.django_db
def test_every_editable_field_of_our_models_has_help_text():
    page_fields = {field.name for field in Page._meta.get_fields()}
    missing = []
    for app_label in CONTENT_APPS:
        for model in apps.get_app_config(app_label).get_models():
            for field in model._meta.get_fields():
                if not (getattr(field, "concrete", False) or field.many_to_many):
                    continue
                if field.auto_created or not field.editable or field.name in page_fields:
                    continue
                if isinstance(field, ParentalKey) or field.name.endswith("_ptr"):
                    continue
                if not field.help_text:
                    missing.append(f"{model.__name__}.{field.name}")
    assert missing == []


@pytest.mark.django_db
def test_story_form_offers_only_terms_and_members_in_the_storys_language(
    admin_user, site_tree, locales
):
    lobbying = factories.PolicyAreaFactory(name="Lobbying", slug="lobbying")
    lobbying_es = lobbying.copy_for_translation(locales["es"])
    lobbying_es.name = "Cabildeo"
    lobbying_es.save()
    madrid = factories.MemberProfilePageFactory(parent=site_tree["members"], title="Madrid")
    madrid_es = madrid.copy_for_translation(locales["es"], copy_parents=True)
    story = factories.ReformStoryPageFactory(parent=site_tree["stories"], member=madrid)
    form_class = ReformStoryPage.get_edit_handler().get_form_class()

    form = form_class(instance=story, for_user=admin_user)
    assert list(form.fields["policy_areas"].queryset) == [lobbying]
    assert madrid in form.fields["member"].queryset
    assert madrid_es not in form.fields["member"].queryset

    # Submitting another language's term or member is refused as an invalid choice.
    with pytest.raises(ValidationError):
        form.fields["policy_areas"].clean([lobbying_es.pk])
    with pytest.raises(ValidationError):
        form.fields["member"].clean(madrid_es.pk)
    assert form.fields["policy_areas"].clean([lobbying.pk]).get() == lobbying


@pytest.mark.django_db
def test_member_form_offers_only_countries_in_the_members_language(admin_user, site_tree, locales):
    spain = factories.CountryFactory(name="Spain", slug="spain")
    spain_es = spain.copy_for_translation(locales["es"])
    spain_es.name = "España"
    spain_es.save()
    madrid = factories.MemberProfilePageFactory(
        parent=site_tree["members"], title="Madrid", country=spain
    )
    form_class = madrid.get_edit_handler().get_form_class()
    form = form_class(instance=madrid, for_user=admin_user)
    assert list(form.fields["country"].queryset) == [spain]


@pytest.mark.django_db
def test_a_story_needs_a_policy_area_in_the_editor_and_a_product_does_not(admin_user, site_tree):
    story = factories.ReformStoryPageFactory(parent=site_tree["stories"])
    product = factories.KnowledgeProductPageFactory(parent=site_tree["knowledge"])
    story_form = ReformStoryPage.get_edit_handler().get_form_class()(
        instance=story, for_user=admin_user
    )
    product_form = KnowledgeProductPage.get_edit_handler().get_form_class()(
        instance=product, for_user=admin_user
    )
    with pytest.raises(ValidationError, match="required"):
        story_form.fields["policy_areas"].clean([])
    assert not story_form.fields["sdgs"].required
    assert list(product_form.fields["policy_areas"].clean([])) == []
