"""Keeping translators to their language where Wagtail and wagtail-localize do not.

Wagtail limits pages by tree, but wagtail-localize lets anyone with "submit translation" create a
translation in any locale (the page is created in that locale's tree without a permission check),
sync and publish every translation of a source at once, and edit any locale's snippet strings.
The views here wrap wagtail-localize's so that the target locale and the target page are checked
against the user's own permissions; `wagtail_hooks` routes wagtail-localize's URLs to them.
"""

from contextlib import suppress
from functools import wraps

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import Translation
from wagtail_localize.views import convert
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView

from localization.translators import user_can_write_in, writable_locale_ids


def page_target_locale_ids(user, page):
    """The locales into which `user` may translate `page` (the ones whose tree lets them add it).

    The translation is created under the nearest ancestor already translated into that locale
    (wagtail-localize copies any missing parents below it), so that is where "add" is checked.
    """
    ancestors = list(page.get_ancestors().order_by("-depth"))
    keys = [ancestor.translation_key for ancestor in ancestors if not ancestor.is_root()]
    translated = {
        (candidate.translation_key, candidate.locale_id): candidate
        for candidate in Page.objects.filter(translation_key__in=keys, alias_of__isnull=True)
    }
    allowed = set()
    for locale in Locale.objects.exclude(pk=page.locale_id):
        if not user_can_write_in(user, locale.pk):
            continue
        parent = next(
            (
                translated[(a.translation_key, locale.pk)]
                for a in ancestors
                if (a.translation_key, locale.pk) in translated
            ),
            ancestors[-1] if ancestors else None,
        )
        if parent is not None and parent.permissions_for_user(user).can_add_subpage():
            allowed.add(locale.pk)
    return allowed


def untranslated_target_locale_ids(user, page):
    """The locales `user` may translate `page` into that have no translation yet (an alias,
    which wagtail-localize converts on translating, is none)."""
    translated = (
        page.get_translations(inclusive=True)
        .filter(alias_of__isnull=True)
        .values_list("locale_id", flat=True)
    )
    return page_target_locale_ids(user, page) - set(translated)


def user_can_edit_target(user, instance):
    """Whether `user` may edit this translated page or snippet."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    return user_can_write_in(user, instance.locale_id) and user.has_perm(
        get_permission_name("change", type(instance))
    )


def user_can_publish_target(user, instance):
    """Whether `user` may make this translated page or snippet live."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    action = "publish" if isinstance(instance, DraftStateMixin) else "change"
    return user_can_write_in(user, instance.locale_id) and (
        user.is_superuser or user.has_perm(get_permission_name(action, type(instance)))
    )


class LocaleCheckedSubmitPageTranslationView(SubmitPageTranslationView):
    """wagtail-localize's "Translate this page", offering only locales the user may add it in."""

    def dispatch(self, request, *args, **kwargs):
        """Send the user back, saying why, when none of their languages is left for the page."""
        page = get_object_or_404(Page, pk=kwargs["page_id"])
        if (
            not page.is_root()
            and request.user.has_perm("wagtail_localize.submit_translation")
            and not untranslated_target_locale_ids(request.user, page)
        ):
            messages.error(
                request,
                _("“%(title)s” has no language left that you may translate it into.")
                % {"title": page.get_admin_display_title()},
            )
            return redirect("wagtailadmin_home")
        return super().dispatch(request, *args, **kwargs)

    def get_form(self):
        """The form, with the locales limited to the trees the user may add pages to."""
        form = super().get_form()
        allowed = page_target_locale_ids(self.request.user, self.object)
        form.fields["locales"].queryset = form.fields["locales"].queryset.filter(pk__in=allowed)
        return form


class LocaleCheckedSubmitSnippetTranslationView(SubmitSnippetTranslationView):
    """wagtail-localize's "Translate" for snippets, offering only the user's own languages."""

    def get_form(self):
        """The form, with the locales limited to the user's languages."""
        form = super().get_form()
        allowed = writable_locale_ids(self.request.user)
        if allowed is not None:
            form.fields["locales"].queryset = form.fields["locales"].queryset.filter(pk__in=allowed)
        return form


class LocaleCheckedUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", publishing only what the user may publish.

    Syncing refreshes the source for every language and, if asked, publishes every translation
    or machine-translates every language; a user who may not publish (or edit) all of them can
    still sync, and their translators then publish through the review workflow.
    """

    def get_form(self):
        """The form, with "publish" and "machine translate" switched off where not allowed."""
        form = super().get_form()
        targets = []
        for translation in self.object.translations.filter(enabled=True).select_related(
            "target_locale"
        ):
            # A translation whose target was deleted has nothing to publish.
            with suppress(ObjectDoesNotExist):
                targets.append(translation.get_target_instance())
        user = self.request.user
        restrictions = {
            "publish_translations": (
                user_can_publish_target,
                _("Only someone who may publish every translation of this page can do this."),
            ),
            "use_machine_translation": (
                user_can_edit_target,
                _("Only someone who may edit every translation of this page can do this."),
            ),
        }
        for name, (allowed, reason) in restrictions.items():
            if name in form.fields and not all(allowed(user, target) for target in targets):
                form.fields[name].disabled = True
                form.fields[name].help_text = reason
        return form


def translation_locale_checked(view):
    """Wrap a wagtail-localize view taking `translation_id`: refuse a locale the user can't write.

    wagtail-localize checks pages against the page tree but snippets only by model; this adds
    the language check for both.
    """

    @wraps(view)
    def wrapped(request, translation_id, *args, **kwargs):
        translation = get_object_or_404(Translation, pk=translation_id)
        if not user_can_write_in(request.user, translation.target_locale_id):
            raise PermissionDenied
        return view(request, translation_id, *args, **kwargs)

    return wrapped


def is_translator(user):
    """Whether the user is limited to some languages (every group a translators' group)."""
    return user.is_authenticated and writable_locale_ids(user) is not None


def user_may_remove_page(user, page):
    """Delete or move: never translators; without publish rights, only drafts the user may edit.

    Wagtail lets anyone who may add pages delete their own drafts, and lets editors delete any
    unpublished subtree; here nobody but a publisher takes away a page (or subtree) once live.
    """
    if is_translator(user):
        return False
    permissions = page.permissions_for_user(user)
    if permissions.can_publish():
        return True
    return (
        permissions.can_edit()
        and not page.get_descendants(inclusive=True).filter(live=True).exists()
    )


def user_may_convert_to_alias(user, page):
    """Converting a translation to an alias puts the source's content live at once, so only
    someone who may publish that translation does it (never a translator)."""
    if is_translator(user) or not user_can_write_in(user, page.locale_id):
        return False
    return page.permissions_for_user(user).can_publish()


# What each Wagtail or wagtail-localize page action needs on top of Wagtail's own permissions.
PAGE_ACTION_CHECKS = {
    "delete": user_may_remove_page,
    "move": user_may_remove_page,
    "convert_to_alias": user_may_convert_to_alias,
}
# wagtail-localize's edit-screen menu items for those actions (Wagtail's own delete and move
# buttons ask the page's permission tester, home.permissions).
PAGE_ACTION_MENU_NAMES = {"localize-convert-to-alias": "convert_to_alias"}


def page_action_allowed(user, action, page):
    """The one check of a page action beyond Wagtail's permissions (True for other actions)."""
    check = PAGE_ACTION_CHECKS.get(action)
    return check is None or check(user, page)


def convert_to_alias_checked(request, page_id):
    """wagtail-localize's "Convert to alias page", opened only by someone allowed to do it."""
    page = get_object_or_404(Page, pk=page_id)
    if not page_action_allowed(request.user, "convert_to_alias", page):
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)
