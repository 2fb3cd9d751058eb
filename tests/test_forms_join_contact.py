"""Join and contact forms: stored, then e-mailed; refused for robots; kept when e-mail fails."""

import datetime
import io

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from engagement.forms import signed_start
from engagement.models import Submission
from engagement.retention import delete_expired, submissions_of
from tests import factories

JOIN_URL = "/en/join-us/"
CONTACT_URL = "/en/write-to-us/"


class FailingBackend:
    """An e-mail backend whose server is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP server unreachable")


@pytest.fixture(autouse=True)
def fresh_limits(settings):
    """No rate limit carried over between tests; the fill time check off unless a test sets it."""
    cache.clear()
    settings.FORM_MIN_FILL_SECONDS = 0
    settings.ENGAGEMENT_EMAIL_TO = "partnership@example.org"
    yield
    cache.clear()


@pytest.fixture
def terms(site_tree):
    """A country and a policy area, in English and Spanish."""
    spain = factories.CountryFactory(name="Spain", slug="spain")
    area = factories.PolicyAreaFactory(name="Open data", slug="open-data")
    return {"spain": spain, "open-data": area}


def join_data(**changes):
    """A complete expression of interest, as a browser would send it."""
    data = {
        "organisation": "City of Curridabat",
        "government_kind": "city",
        "country": "spain",
        "name": "Ana Pérez",
        "role": "Head of open government",
        "email": "ana@curridabat.example",
        "civil_society_partner": "Costa Rica Íntegra",
        "policy_areas": ["open-data"],
        "consent": "on",
        "website": "",
        "started": signed_start(),
    }
    data.update(changes)
    return data


@pytest.mark.django_db
def test_an_expression_of_interest_is_stored_then_e_mailed_both_ways(client, terms):
    response = client.post(JOIN_URL, join_data())
    assert response.status_code == 302
    assert response["Location"] == "/en/join-us/thanks/"
    submission = Submission.objects.get()
    assert (submission.kind, submission.organisation, submission.sent) == (
        "join",
        "City of Curridabat",
        True,
    )
    assert submission.answers["policy_areas"] == ["open-data"]
    assert submission.consent is True
    assert "privacy notice" in submission.consent_text
    assert [message.to for message in mail.outbox] == [
        ["partnership@example.org"],
        ["ana@curridabat.example"],
    ]
    assert "City of Curridabat" in mail.outbox[0].subject
    assert "Costa Rica Íntegra" in mail.outbox[0].body
    assert "Thank you" in client.get(response["Location"]).content.decode()


@pytest.mark.django_db
def test_the_visitor_is_answered_in_their_language(client, terms):
    client.post("/es/join-us/", join_data())
    assert Submission.objects.get().language == "es"
    assert mail.outbox[1].subject.startswith("Hemos recibido su mensaje")


@pytest.mark.django_db
def test_the_contact_form_is_handled_the_same_way(client, site_tree):
    html = client.get(CONTACT_URL).content.decode()
    assert 'name="website"' in html and 'name="started"' in html
    data = {
        "name": "Li Wei",
        "email": "li@example.org",
        "subject": "Learning circles",
        "message": "When is the next one?",
        "consent": "on",
        "started": signed_start(),
    }
    assert client.post(CONTACT_URL, data).status_code == 302
    assert Submission.objects.get().kind == "contact"
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_a_filled_honeypot_is_refused_and_nothing_is_stored(client, terms):
    response = client.post(JOIN_URL, join_data(website="http://spam.example"))
    assert response.status_code == 400
    assert "looks automated" in response.content.decode()
    assert not Submission.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_form_sent_faster_than_a_person_can_fill_it_is_refused(client, terms, settings):
    settings.FORM_MIN_FILL_SECONDS = 60
    response = client.post(JOIN_URL, join_data())
    assert response.status_code == 400
    assert "very fast" in response.content.decode()
    assert not Submission.objects.exists()


@pytest.mark.django_db
def test_a_forged_timestamp_is_refused(client, terms):
    response = client.post(JOIN_URL, join_data(started="1700000000.0:forged"))
    assert response.status_code == 400
    assert not Submission.objects.exists()


@pytest.mark.django_db
def test_one_address_is_limited_to_a_few_submissions_an_hour(client, terms, settings):
    settings.FORM_RATE_LIMIT_PER_HOUR = 2
    for _ in range(2):
        assert client.post(JOIN_URL, join_data()).status_code == 302
    response = client.post(JOIN_URL, join_data())
    assert response.status_code == 429
    assert Submission.objects.count() == 2
    forged = client.post(JOIN_URL, join_data(), HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert forged.status_code == 429
    other = client.post(JOIN_URL, join_data(), REMOTE_ADDR="192.0.2.8")
    assert other.status_code == 302


@pytest.mark.django_db
def test_too_long_answers_and_too_big_bodies_are_refused(client, terms):
    response = client.post(JOIN_URL, join_data(role="x" * 201))
    assert response.status_code == 400
    response = client.post(JOIN_URL, join_data(message="x" * 30_000))
    assert response.status_code == 400
    assert "too long" in response.content.decode()
    assert not Submission.objects.exists()


@pytest.mark.django_db
def test_consent_is_required(client, terms):
    data = join_data()
    del data["consent"]
    assert client.post(JOIN_URL, data).status_code == 400
    assert not Submission.objects.exists()


@pytest.mark.django_db
def test_a_submission_is_kept_when_the_mail_server_is_down_and_resent_later(
    client, terms, settings
):
    settings.EMAIL_BACKEND = "tests.test_forms_join_contact.FailingBackend"
    assert client.post(JOIN_URL, join_data()).status_code == 302
    submission = Submission.objects.get()
    assert submission.sent is False
    assert "SMTP server unreachable" in submission.last_error
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    output = io.StringIO()
    call_command("resend_submissions", stdout=output)
    assert output.getvalue().strip() == "1 sent, 0 still unsent."
    submission.refresh_from_db()
    assert (submission.sent, submission.send_attempts, submission.last_error) == (True, 2, "")
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_retention_deletes_only_submissions_older_than_the_setting(settings):
    settings.SUBMISSION_RETENTION_DAYS = 30
    old = Submission.objects.create(
        kind="contact", name="Old", email="o@example.org", language="en"
    )
    new = Submission.objects.create(
        kind="contact", name="New", email="n@example.org", language="en"
    )
    Submission.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=31)
    )
    Submission.objects.filter(pk=new.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=29)
    )
    assert delete_expired() == 1
    assert list(Submission.objects.values_list("name", flat=True)) == ["New"]


@pytest.mark.django_db
def test_one_persons_submissions_are_found_by_e_mail_whatever_the_case():
    for email in ("Ana@Example.org", "ana@example.org", "bo@example.org"):
        Submission.objects.create(kind="contact", name="x", email=email, language="en")
    assert submissions_of(" ana@example.ORG ").count() == 2


@pytest.mark.django_db
def test_a_moderator_sees_exports_and_deletes_submissions(client, site_tree):
    Submission.objects.create(
        kind="join", name="Ana", email="ana@example.org", organisation="Curridabat", language="es"
    )
    moderator = factories.make_user("mod", "Moderators")
    client.force_login(moderator)
    listing = client.get("/admin/submissions/", {"q": "ana@example.org"})
    assert listing.status_code == 200
    assert "Curridabat" in listing.content.decode()
    export = client.get("/admin/submissions/", {"q": "ana@example.org", "export": "csv"})
    assert "ana@example.org" in b"".join(export.streaming_content).decode()
    submission = Submission.objects.get()
    deleted = client.post(f"/admin/submissions/delete/{submission.pk}/")
    assert deleted.status_code == 302
    assert not Submission.objects.exists()
