"""The platform: pages in the visitor's language, clear errors, safe settings read from the
environment, and security headers."""

import gettext
import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from cms.settings.security import require_secret_key

BASE_DIR = Path(__file__).resolve().parent.parent
# How cms/settings read the environment: os.environ.get("X"), os.environ["X"], env_bool("X")...
ENVIRONMENT_READ = re.compile(
    r"(?:os\.environ\.get|os\.environ\[|env_bool|env_list|env_int)\(?\s*[\"']([A-Z][A-Z0-9_]+)[\"']"
)
# Variables that would change what the settings subprocesses see.
SETTINGS_VARIABLES = (
    "DATABASE_URL",
    "SECRET_KEY",
    "REDIS_URL",
    "SEARCH_URL",
    "DEBUG",
    "MEDIA_S3_BUCKET",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
)


def run_manage(settings_module, *args, **env):
    """Run `manage.py args` under the given settings in a clean environment."""
    environ = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARIABLES}
    environ.update(DJANGO_SETTINGS_MODULE=settings_module, **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


def read_settings(expressions, settings_module="cms.settings.base", **env):
    """Evaluate `{name: expression}` on the settings module `s`, imported in a clean environment
    (without setting Django up, so optional backends need not be installed)."""
    environ = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARIABLES}
    environ.update(SECRET_KEY=secrets.token_urlsafe(64), **env)
    body = ", ".join(f"{name!r}: {expression}" for name, expression in expressions.items())
    code = f"import importlib, json; s = importlib.import_module({settings_module!r}); "
    code += f"print(json.dumps({{{body}}}, default=str))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=environ, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def settings_summary(**env):
    """Database engine and name, cache and search backends the settings choose."""
    return read_settings(
        {
            "db": "s.DATABASES['default']['ENGINE']",
            "name": "str(s.DATABASES['default']['NAME'])",
            "cache": "s.CACHES['default']['BACKEND']",
            "search": "s.WAGTAILSEARCH_BACKENDS['default']['BACKEND']",
        },
        **env,
    )


# Pages and errors


@pytest.mark.django_db
def test_home_page_answers_with_language_and_direction(client, site_tree):
    response = client.get("/en/")
    assert response.status_code == 200
    assert b'<html lang="en" dir="ltr">' in response.content


@pytest.mark.django_db
def test_health_check_reports_ok(client):
    response = client.get("/healthz/")
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_unknown_page_is_a_404_page(client, site_tree):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert b"Page not found" in response.content


# Security headers


@pytest.mark.django_db
def test_public_pages_send_a_strict_content_security_policy(client, site_tree):
    response = client.get("/en/")
    policy = response["Content-Security-Policy"]
    directives = {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}
    assert "'unsafe-inline'" not in policy
    assert "'unsafe-eval'" not in policy
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]


@pytest.mark.django_db
def test_public_pages_send_security_headers(client, site_tree):
    response = client.get("/en/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.django_db
def test_admin_login_works_under_its_relaxed_policy(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert b'name="username"' in response.content
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_editor_can_sign_in_to_the_admin(client, django_user_model):
    django_user_model.objects.create_superuser("admin", "admin@example.org", "correct horse")
    response = client.post("/admin/login/", {"username": "admin", "password": "correct horse"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


# Settings read from the environment


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("cms.settings.production", "check")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize("weak_key", ["short", "django-insecure-" + "a1b2c3" * 10, "a" * 64])
def test_production_refuses_a_weak_secret_key(weak_key):
    result = run_manage("cms.settings.production", "check", SECRET_KEY=weak_key)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize(
    "repetitive_key",
    [
        "abcde" * 10,
        "abcdefghijklmnopq" * 3,
        "0123456789" * 6,
        "abcdefghijklmnopqrstuvwxyz" + "a" * 30,
        "correcthorsebatterystaple" * 2,
    ],
)
def test_secret_key_check_refuses_repeated_patterns(repetitive_key):
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY must be set"):
        require_secret_key(repetitive_key)


@pytest.mark.parametrize(
    "make_key",
    [
        lambda: secrets.token_urlsafe(38),
        lambda: secrets.token_urlsafe(64),
        lambda: secrets.token_hex(25),
    ],
    ids=["urlsafe-50", "urlsafe-86", "hex-50"],
)
def test_secret_key_check_accepts_random_keys_of_fifty_characters_or_more(make_key):
    for _attempt in range(20):
        key = make_key()
        assert require_secret_key(key) == key


def test_production_deploy_check_reports_nothing_with_a_real_secret_key():
    result = run_manage(
        "cms.settings.production",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=secrets.token_urlsafe(64),
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_embedded_default_is_a_sqlite_file_a_cache_all_workers_share_and_database_search():
    summary = settings_summary()
    assert summary["db"] == "django.db.backends.sqlite3"
    assert summary["name"] == str(BASE_DIR / "db.sqlite3")
    # Without REDIS_URL the workers of one server share a cache folder, so a purge sent by
    # the process that published reaches them all; only `make run` (one process) keeps memory.
    assert summary["cache"] == "django.core.cache.backends.filebased.FileBasedCache"
    dev = read_settings({"cache": "s.CACHES['default']['BACKEND']"}, "cms.settings.dev")
    assert dev["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    # Wagtail's database backend, behind the wrapper that hands it a query's words only.
    assert summary["search"] == "cms.wagtail_search"


def test_database_url_switches_to_postgresql():
    summary = settings_summary(DATABASE_URL="postgres://app@db.internal:5432/opencities")
    assert summary["db"] == "django.db.backends.postgresql"
    assert summary["name"] == "opencities"


def test_redis_url_and_search_url_switch_cache_and_search_backends():
    summary = settings_summary(
        REDIS_URL="redis://cache.internal:6379/0", SEARCH_URL="https://search.internal:9200"
    )
    assert summary["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert summary["search"] == "wagtail.search.backends.elasticsearch8"


def test_media_s3_bucket_moves_media_to_object_storage_that_the_policy_allows():
    summary = read_settings(
        {
            "storage": "s.STORAGES['default']",
            "img": "s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']",
        },
        MEDIA_S3_BUCKET="opencities-media",
        MEDIA_S3_CUSTOM_DOMAIN="media.opencities.example",
    )
    assert summary["storage"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert summary["storage"]["OPTIONS"]["bucket_name"] == "opencities-media"
    assert "https://media.opencities.example" in summary["img"]


def test_local_media_keeps_images_to_the_site_itself():
    summary = read_settings(
        {
            "storage": "s.STORAGES['default']['BACKEND']",
            "img": "s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']",
        }
    )
    assert summary["storage"] == "django.core.files.storage.FileSystemStorage"
    assert summary["img"] == ["'self'", "data:"]


def test_readme_documents_every_environment_variable_the_settings_read():
    names = set()
    for path in (BASE_DIR / "cms" / "settings").glob("*.py"):
        names |= set(ENVIRONMENT_READ.findall(path.read_text()))
    readme = (BASE_DIR / "README.md").read_text()
    assert names, "no environment variables found: has the way settings read them changed?"
    assert sorted(name for name in names if f"| `{name}` |" not in readme) == []


# Translations compile without GNU gettext


def test_catalogues_compile_to_mo_files_without_gettext(tmp_path, settings):
    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    catalogue.append(polib.POEntry(msgid="Reform stories", msgstr="Historias de reforma"))
    catalogue.append(polib.POEntry(msgid="Members", msgstr="Miembros", flags=["fuzzy"]))
    folder = tmp_path / "es" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    catalogue.save(str(folder / "django.po"))
    settings.LOCALE_PATHS = [tmp_path]

    call_command("compile_translations", verbosity=0)

    with (folder / "django.mo").open("rb") as compiled:
        translations = gettext.GNUTranslations(compiled)
    assert translations.gettext("Reform stories") == "Historias de reforma"
    assert translations.gettext("Members") == "Members"
