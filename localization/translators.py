"""Translators' groups: one per target language, limited to that language's tree and snippets.

A translator may add and edit pages under their language's home page and add and edit the
taxonomy snippets of their language; they cannot publish (their work goes through the review
workflow) and cannot delete. Wagtail's snippet permissions are per model, not per locale, so the
language limit for snippets is enforced by this app's hooks (see `localization.guards`).
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import get_language_info
from wagtail.models import GroupPagePermission, Locale, Site

from localization.models import TranslatorGroup

GROUP_NAME = "Translators: {language}"
PAGE_PERMISSIONS = ("add_page", "change_page")
TAXONOMY_MODELS = ("policyarea", "sustainabledevelopmentgoal", "country")
MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtail_localize", "submit_translation"),
    *[("home", f"{action}_{model}") for model in TAXONOMY_MODELS for action in ("add", "change")],
]


def translator_group_name(language_code):
    """The group's name, with the language's English name ("Translators: Spanish")."""
    return GROUP_NAME.format(language=get_language_info(language_code)["name"])


def locale_home(locale):
    """The translation of the default site's home page in `locale`, or None if not translated."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return None
    return site.root_page.get_translation_or_none(locale)


@transaction.atomic
def setup_translator_groups():
    """Create or update one translators' group per non-source language in settings.LANGUAGES.

    Returns a list of (group, home page or None): a language whose home page is not translated
    yet gets its group without page permissions; run again once the home page exists.
    """
    default_code = Locale.get_default().language_code
    permissions = [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in MODEL_PERMISSIONS
    ]
    page_permissions = list(
        Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS
        )
    )
    results = []
    for code, _name in settings.LANGUAGES:
        if code == default_code:
            continue
        locale, _created = Locale.objects.get_or_create(language_code=code)
        group, _created = Group.objects.get_or_create(name=translator_group_name(code))
        TranslatorGroup.objects.update_or_create(group=group, defaults={"locale": locale})
        group.permissions.add(*permissions)
        home = locale_home(locale)
        # The group's page permissions are exactly these: anything else (publish, delete, other
        # trees) is removed so re-running the command repairs a group edited by hand.
        granted = GroupPagePermission.objects.filter(group=group)
        if home is None:
            granted.delete()
        else:
            granted.exclude(page=home, permission__in=page_permissions).delete()
            for permission in page_permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=home, permission=permission
                )
        results.append((group, home))
    return results


def _user_group_locales(user):
    """The locale id of each of the user's groups (None for a group that is not translators')."""
    cached = getattr(user, "_localization_group_locales", None)
    if cached is None:
        cached = list(user.groups.values_list("translator_locale__locale_id", flat=True))
        user._localization_group_locales = cached
    return cached


def translator_locale_ids(user):
    """The locales of the user's translators' groups (empty for anyone else)."""
    if not user.is_authenticated:
        return set()
    return {locale_id for locale_id in _user_group_locales(user) if locale_id is not None}


def writable_locale_ids(user):
    """The locales the user may write in, or None when the user is not limited to languages.

    Only users whose every group is a translators' group are limited; superusers and members of
    any other group (editors, moderators) keep the permissions those groups give them.
    """
    if not user.is_authenticated:
        return set()
    if user.is_superuser:
        return None
    locales = _user_group_locales(user)
    if not locales or None in locales:
        return None
    return set(locales)


def user_can_write_in(user, locale_id):
    """Whether the user may create or edit content in the given locale."""
    allowed = writable_locale_ids(user)
    return allowed is None or locale_id in allowed
