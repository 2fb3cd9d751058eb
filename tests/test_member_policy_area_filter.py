"""The member directory's policy-area filter: members through their commitments and stories."""

import csv
import io

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_directory_filters_members_by_their_commitments_and_stories_policy_areas(client, site_tree):
    lobbying = factories.PolicyAreaFactory(name="Lobbying", slug="lobbying")
    budgets = factories.PolicyAreaFactory(name="Participatory budgeting", slug="budgets")
    members = site_tree["members"]
    committed = factories.MemberProfilePageFactory(parent=members, title="Committed")
    storied = factories.MemberProfilePageFactory(parent=members, title="Storied")
    other = factories.MemberProfilePageFactory(parent=members, title="Other")
    factories.CommitmentFactory(page=committed, code="COM0001", policy_areas=[lobbying])
    factories.ReformStoryPageFactory(
        parent=site_tree["stories"], member=storied, policy_areas=[lobbying]
    )
    factories.ReformStoryPageFactory(
        parent=site_tree["stories"], member=other, policy_areas=[budgets]
    )

    response = client.get("/en/members/", {"policy_area": "lobbying"})
    listed = [m.title for m in response.context["listing"].queryset]
    assert sorted(listed) == ["Committed", "Storied"]
    area_filter = next(f for f in response.context["listing"].filters if f.param == "policy_area")
    assert {o.value: o.count for o in area_filter.options} == {"budgets": 1, "lobbying": 2}
    body = b"".join(client.get("/en/members/export/csv/?policy_area=lobbying").streaming_content)
    assert sorted(r["title"] for r in csv.DictReader(io.StringIO(body.decode()))) == sorted(listed)
