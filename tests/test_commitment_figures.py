"""Figures that add up: the home page and the directory count members, countries, action plans
and commitments by status from the records; similar reforms say why they are suggested."""

import re

import pytest

from stories.models import MemberProfilePage
from tests import factories

pytestmark = pytest.mark.django_db


def member_with(site_tree, title, country, statuses, plans=1):
    """A live member in `country` with `plans` plans and one commitment per status given."""
    member = factories.MemberProfilePageFactory(
        parent=site_tree["members"], title=title, country=country
    )
    plan = None
    for n in range(plans):
        plan = factories.ActionPlanFactory(page=member, title=f"{title} plan {n}")
    for n, status in enumerate(statuses):
        factories.CommitmentFactory(
            page=member, action_plan=plan, code=f"{title[:3].upper()}{n:04d}", status=status
        )
    return member


@pytest.fixture
def partnership(site_tree):
    """Three members in two countries and regions: two plans and six commitments in all."""
    spain = factories.CountryFactory(name="Spain", region="europe", iso_code="ES")
    kenya = factories.CountryFactory(name="Kenya", region="africa-middle-east", iso_code="KE")
    member_with(site_tree, "Madrid", spain, ["completed", "completed", "in_progress"])
    member_with(site_tree, "Bilbao", spain, ["withdrawn"], plans=0)
    member_with(site_tree, "Nairobi", kenya, ["not_started", "in_progress"])
    return site_tree


def figure_text(html, label):
    """The number shown after a figure's label (its <dd>), or an error when it is missing."""
    pattern = rf"<dt>\s*(?:<a [^>]*>)?{label}(?:</a>)?\s*</dt>\s*<dd>([^<]*)</dd>"
    return re.search(pattern, html).group(1).strip()


def test_home_figures_count_plans_and_commitments_by_status_from_the_records(client, partnership):
    figures = client.get("/en/").context["figures"]
    assert (figures["members"], figures["countries"], figures["action_plans"]) == (3, 2, 2)
    assert figures["commitments"] == 6
    assert figures["commitments_by_status"] == [
        ("not_started", "Not started", 1),
        ("in_progress", "In progress", 2),
        ("completed", "Completed", 2),
        ("withdrawn", "Withdrawn", 1),
    ]
    html = client.get("/en/").content.decode()
    assert figure_text(html, "Action plans") == "2"
    assert figure_text(html, "Commitments") == "6"


def test_home_figures_follow_a_commitment_and_a_plan_saved_on_their_own(client, partnership):
    # The figures are a shared fragment; plans and commitments saved outside their member's
    # publish (a script, an import) renew it as a page does.
    before = client.get("/en/").context["figures"]
    nairobi = MemberProfilePage.objects.get(title="Nairobi")
    plan = factories.ActionPlanFactory(page=nairobi, title="Nairobi plan 2")
    factories.CommitmentFactory(page=nairobi, action_plan=plan, code="NAI0099", status="completed")
    after = client.get("/en/").context["figures"]
    assert after["action_plans"] == before["action_plans"] + 1
    assert after["commitments"] == before["commitments"] + 1


def test_home_links_the_commitments_figure_to_the_explorer(client, partnership):
    factories.CommitmentIndexPageFactory(parent=partnership["home"])
    html = client.get("/en/").content.decode()
    assert '<a href="/en/commitments/">Commitments</a>' in html


def test_directory_figures_add_up_for_the_filtered_members(client, partnership):
    figures = client.get("/en/members/").context["figures"]
    assert (figures.members, figures.countries, figures.action_plans, figures.commitments) == (
        3,
        2,
        2,
        6,
    )
    figures = client.get("/en/members/?region=europe").context["figures"]
    assert (figures.members, figures.countries, figures.action_plans) == (2, 1, 1)
    assert {v: n for v, _label, n in figures.commitments_by_status} == {
        "not_started": 0,
        "in_progress": 1,
        "completed": 2,
        "withdrawn": 1,
    }


def test_unpublished_members_do_not_count(client, partnership):
    partnership["members"].get_children().get(title="Nairobi").unpublish()
    figures = client.get("/en/").context["figures"]
    assert (figures["members"], figures["action_plans"], figures["commitments"]) == (2, 1, 4)


def test_similar_reforms_use_commitments_and_say_why(client, site_tree):
    lobbying = factories.PolicyAreaFactory(name="Lobbying", slug="lobbying")
    contracting = factories.PolicyAreaFactory(name="Open contracting", slug="open-contracting")
    budgets = factories.PolicyAreaFactory(name="Participatory budgeting", slug="budgets")
    members = site_tree["members"]
    madrid = factories.MemberProfilePageFactory(parent=members, title="Madrid")
    committed = factories.MemberProfilePageFactory(parent=members, title="Committed")
    storied = factories.MemberProfilePageFactory(parent=members, title="Storied")
    unrelated = factories.MemberProfilePageFactory(parent=members, title="Unrelated")
    factories.CommitmentFactory(page=committed, code="COM0001", policy_areas=[contracting])
    story = factories.ReformStoryPageFactory(
        parent=site_tree["stories"],
        title="Madrid's register",
        member=madrid,
        policy_areas=[lobbying, contracting],
    )
    factories.ReformStoryPageFactory(
        parent=site_tree["stories"],
        title="Committed budgets",
        member=committed,
        policy_areas=[budgets],
    )
    factories.ReformStoryPageFactory(
        parent=site_tree["stories"],
        title="Storied lobbying",
        member=storied,
        policy_areas=[lobbying],
    )
    factories.ReformStoryPageFactory(
        parent=site_tree["stories"],
        title="Unrelated budgets",
        member=unrelated,
        policy_areas=[budgets],
    )
    similar = story.get_similar_stories()
    assert [(s.title, s.similar_reason) for s in similar] == [
        ("Committed budgets", "Also committed to Open contracting"),
        ("Storied lobbying", "Also about Lobbying"),
    ]
    html = client.get(story.url).content.decode()
    assert '<p class="card__reason">Also committed to Open contracting</p>' in html


def test_similar_reforms_are_in_one_order_with_their_reasons_terms_by_name(site_tree):
    # The commitments name the terms in the opposite order of their names, and two stories tie
    # on everything but their primary keys: the order shown is still one.
    lobbying = factories.PolicyAreaFactory(name="Lobbying", slug="lobbying")
    contracting = factories.PolicyAreaFactory(name="Open contracting", slug="open-contracting")
    members = site_tree["members"]
    madrid = factories.MemberProfilePageFactory(parent=members, title="Madrid")
    committed = factories.MemberProfilePageFactory(parent=members, title="Committed")
    twin = factories.MemberProfilePageFactory(parent=members, title="Twin")
    factories.CommitmentFactory(page=committed, code="COM0001", policy_areas=[contracting])
    factories.CommitmentFactory(page=committed, code="COM0002", policy_areas=[lobbying])
    stories = site_tree["stories"]
    story = factories.ReformStoryPageFactory(
        parent=stories, title="Register", member=madrid, policy_areas=[lobbying, contracting]
    )
    first = factories.ReformStoryPageFactory(
        parent=stories, title="Same title", slug="same-1", member=twin, policy_areas=[lobbying]
    )
    second = factories.ReformStoryPageFactory(
        parent=stories, title="Same title", slug="same-2", member=twin, policy_areas=[lobbying]
    )
    factories.ReformStoryPageFactory(
        parent=stories, title="Committed story", member=committed, policy_areas=[]
    )
    similar = story.get_similar_stories()
    assert [(s.title, s.pk, s.similar_reason) for s in similar] == [
        ("Committed story", similar[0].pk, "Also committed to Lobbying, Open contracting"),
        ("Same title", first.pk, "Also about Lobbying"),
        ("Same title", second.pk, "Also about Lobbying"),
    ]
