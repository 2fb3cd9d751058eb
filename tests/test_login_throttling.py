"""Password guessing: failed sign-ins lock out the user name and the client address until the
lockout ends (even with the right password), password reset e-mails are limited, passwords are
long, and the demo administrator gets no weak password outside development."""

import io
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import RequestFactory

from cms.sign_in import client_ip_address

pytestmark = pytest.mark.django_db
PASSWORD = "a long right password"
LOGIN_PAGES = ["/admin/login/", "/django-admin/login/"]


@pytest.fixture(autouse=True)
def empty_cache():
    """Password reset counters live in the cache: each test starts without any."""
    cache.clear()


@pytest.fixture
def editor(django_user_model):
    """A staff user who may sign in to both admins."""
    return django_user_model.objects.create_user(
        "editor", "editor@example.org", PASSWORD, is_staff=True, is_superuser=True
    )


def sign_in(client, username, password, address="/admin/login/", **headers):
    """Post the login form once; the response."""
    return client.post(address, {"username": username, "password": password}, **headers)


def let_lockout_end(settings):
    """Move every recorded failure back past the lockout time, as if that time had passed."""
    past = settings.AXES_COOLOFF_TIME + timedelta(seconds=1)
    for attempt in AccessAttempt.objects.all():
        AccessAttempt.objects.filter(pk=attempt.pk).update(attempt_time=attempt.attempt_time - past)


@pytest.mark.parametrize("address", LOGIN_PAGES)
def test_sixty_wrong_passwords_lock_the_right_one_out_until_the_lockout_ends(
    client, editor, settings, address
):
    answers = [sign_in(client, "editor", f"guess {n}", address).status_code for n in range(60)]
    limit = settings.AXES_FAILURE_LIMIT
    assert answers[: limit - 1] == [200] * (limit - 1)
    assert set(answers[limit:]) == {429}
    refused = sign_in(client, "editor", PASSWORD, address)
    assert refused.status_code == 429
    assert "Too many failed sign-in attempts" in refused.content.decode()
    assert "_auth_user_id" not in client.session
    let_lockout_end(settings)
    assert sign_in(client, "editor", PASSWORD, address).status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_the_lockout_message_is_in_the_visitors_language(client, editor, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "editor", f"guess {n}")
    refused = sign_in(client, "editor", PASSWORD, HTTP_ACCEPT_LANGUAGE="es")
    assert refused.status_code == 429
    assert "Demasiados intentos fallidos" in refused.content.decode()


def test_one_client_guessing_many_user_names_is_locked_out_for_all(client, editor, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"someone{n}", "guess")
    assert sign_in(client, "editor", PASSWORD).status_code == 429


def test_guesses_at_one_user_name_from_many_clients_lock_that_user_out(client, editor, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "editor", "guess", REMOTE_ADDR=f"198.51.100.{n + 1}")
    assert sign_in(client, "editor", PASSWORD, REMOTE_ADDR="203.0.113.9").status_code == 429
    assert sign_in(client, "someone-else", "guess", REMOTE_ADDR="203.0.113.9").status_code == 200


def test_a_forged_forwarded_address_does_not_escape_the_lockout(client, editor, settings):
    assert settings.TRUSTED_PROXY_COUNT == 0
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"someone{n}", "guess", HTTP_X_FORWARDED_FOR=f"192.0.2.{n + 1}")
    assert sign_in(client, "x", "y", HTTP_X_FORWARDED_FOR="192.0.2.200").status_code == 429


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "192.0.2.7", "10.0.0.1"),
        (1, "192.0.2.7", "192.0.2.7"),
        (1, "203.0.113.66, 192.0.2.7", "192.0.2.7"),
        (2, "203.0.113.66, 192.0.2.7, 10.0.0.2", "192.0.2.7"),
        (2, "192.0.2.7", "10.0.0.1"),
        (1, "not-an-address", "10.0.0.1"),
    ],
)
def test_client_address_comes_from_forwarded_for_only_behind_trusted_proxies(
    settings, proxies, forwarded, expected
):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip_address(request) == expected


def test_an_administrator_unlocks_a_user_with_axes_reset_username(client, editor, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "editor", f"guess {n}", REMOTE_ADDR=f"198.51.100.{n + 1}")
    assert sign_in(client, "editor", PASSWORD).status_code == 429
    call_command("axes_reset_username", "editor", stdout=io.StringIO())
    assert sign_in(client, "editor", PASSWORD).status_code == 302


def test_password_reset_sends_a_few_emails_per_address_then_refuses(client, editor):
    answers = [
        client.post("/admin/password_reset/", {"email": "Editor@example.org"}).status_code
        for _ in range(4)
    ]
    assert answers == [302, 302, 302, 429]
    assert len(mail.outbox) == 3


def test_password_reset_counts_are_shared_by_processes_sharing_the_cache(
    client, editor, settings, tmp_path
):
    # A file-based cache stands for any cache several processes share (Redis with REDIS_URL):
    # another process, with its own handle on it, sees the count and refuses the fourth e-mail.
    shared = {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache"}
    settings.CACHES = {**settings.CACHES, "default": {**shared, "LOCATION": str(tmp_path)}}
    for _ in range(3):
        assert client.post("/admin/password_reset/", {"email": editor.email}).status_code == 302
    assert list(tmp_path.glob("*.djcache")), "the counters are not in the configured cache"
    # Changing CACHES closes this process's handles: the next request opens new ones, as a
    # second worker process would.
    settings.CACHES = {**settings.CACHES, "default": {**shared, "LOCATION": str(tmp_path)}}
    assert client.post("/admin/password_reset/", {"email": editor.email}).status_code == 429
    assert len(mail.outbox) == 3


def test_password_reset_requests_from_one_client_are_limited(client, editor):
    answers = [
        client.post("/admin/password_reset/", {"email": f"n{n}@example.org"}).status_code
        for n in range(10)
    ]
    assert answers == [302] * 10
    refused = client.post("/admin/password_reset/", {"email": "editor@example.org"})
    assert refused.status_code == 429
    assert "Too many password reset requests" in refused.content.decode()
    assert mail.outbox == []


def test_staff_passwords_need_twelve_characters():
    with pytest.raises(ValidationError, match="at least 12 characters"):
        validate_password("Xq7#pLm2!vR")
    validate_password("Xq7#pLm2!vRt")


@pytest.mark.parametrize(
    "weak", [None, "opencities-admin", "short", "123456789012345", "password1234"]
)
def test_ensure_admin_refuses_a_missing_or_weak_password_outside_dev(
    monkeypatch, django_user_model, weak
):
    if weak is None:
        monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    else:
        monkeypatch.setenv("ADMIN_PASSWORD", weak)
    with pytest.raises(CommandError, match="ADMIN_PASSWORD"):
        call_command("ensure_admin", stdout=io.StringIO())
    assert not django_user_model.objects.filter(username="admin").exists()


def test_ensure_admin_accepts_a_strong_password_outside_dev(client, monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "Grey-heron-76-over-the-delta")
    call_command("ensure_admin", stdout=io.StringIO())
    response = sign_in(client, "admin", "Grey-heron-76-over-the-delta")
    assert response.status_code == 302
