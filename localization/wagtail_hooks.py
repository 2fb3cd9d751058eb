"""Admin integration: the dashboard and its menu item, the home panel, and language guards."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize import wagtail_hooks as localize_hooks
from wagtail_localize.views import edit_translation

from localization import guards, views
from localization.components import TranslationWorkPanel
from localization.status import target_locales
from localization.translators import translator_locale_ids, user_can_write_in


@hooks.register("register_admin_urls", order=-1)
def register_admin_urls():
    """The dashboard and review submission, and wagtail-localize's URLs routed through guards.

    Registered before wagtail-localize's own hook so that these patterns match first; the URL
    names wagtail-localize reverses resolve to the same paths.
    """
    own = [
        path("", views.TranslationStatusView.as_view(), name="translation_status"),
        path(
            "review/<int:translation_id>/",
            views.submit_translation_for_review,
            name="submit_for_review",
        ),
    ]
    checked = guards.translation_locale_checked
    localize = [
        path(
            "submit/page/<int:page_id>/",
            guards.LocaleCheckedSubmitPageTranslationView.as_view(),
            name="submit_page_translation",
        ),
        path(
            "submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            guards.LocaleCheckedSubmitSnippetTranslationView.as_view(),
            name="submit_snippet_translation",
        ),
        path(
            "update/<int:translation_source_id>/",
            guards.LocaleCheckedUpdateTranslationsView.as_view(),
            name="update_translations",
        ),
        path(
            "translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
            checked(edit_translation.edit_string_translation),
            name="edit_string_translation",
        ),
        path(
            "translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
            checked(edit_translation.edit_override),
            name="edit_override",
        ),
        path(
            "translate/<int:translation_id>/pofile/download/",
            checked(edit_translation.download_pofile),
            name="download_pofile",
        ),
        path(
            "translate/<int:translation_id>/pofile/upload/",
            checked(edit_translation.upload_pofile),
            name="upload_pofile",
        ),
        path(
            "translate/<int:translation_id>/machine_translate/",
            checked(edit_translation.machine_translate),
            name="machine_translate",
        ),
        path(
            "translate/<int:translation_id>/disable/",
            checked(edit_translation.stop_translation),
            name="stop_translation",
        ),
        path(
            "page/<int:page_id>/convert_to_alias/",
            guards.convert_to_alias_checked,
            name="convert_to_alias",
        ),
    ]
    return [
        path("translation-status/", include((own, "localization"), namespace="localization")),
        path(
            "localize/",
            include((localize, "localization_guards"), namespace="localization_guards"),
        ),
    ]


class TranslationStatusMenuItem(MenuItem):
    """Shown to translators, to those who send pages for translation, and to superusers."""

    def is_shown(self, request):
        """Whether the user may open the dashboard."""
        return views.user_can_see_translation_status(request.user)


@hooks.register("register_admin_menu_item")
def register_translation_status_menu_item():
    """The "Translation status" item in the admin menu."""
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("localization:translation_status"),
        name="translation-status",
        icon_name="wagtail-localize-language",
        order=350,
    )


@hooks.register("construct_homepage_panels")
def add_translation_work_panel(request, panels):
    """Translators see their languages' work; superusers and editors see every language."""
    user = request.user
    own = translator_locale_ids(user)
    if own:
        locales = target_locales(own)
    elif views.user_can_see_translation_status(user):
        locales = None
    else:
        return
    panels.append(TranslationWorkPanel(locales))


def _refuse_other_locale(request, locale_id):
    """A "permission denied" response if the user may not write in this locale, else None."""
    if not user_can_write_in(request.user, locale_id):
        return permission_denied(request)
    return None


@hooks.register("before_create_snippet", order=-1)
def refuse_snippet_creation_in_other_locale(request, model):
    """Translators create snippets only in their own languages (the default is the source)."""
    if not issubclass(model, TranslatableMixin):
        return None
    code = request.GET.get("locale")
    locale = Locale.objects.filter(language_code=code).first() if code else Locale.get_default()
    return _refuse_other_locale(request, locale.pk if locale else None)


@hooks.register("before_edit_snippet", order=-1)
def refuse_snippet_edit_in_other_locale(request, instance):
    """Translators edit (and translate) snippets only in their own languages."""
    if isinstance(instance, TranslatableMixin):
        return _refuse_other_locale(request, instance.locale_id)
    return None


@hooks.register("before_delete_snippet", order=-1)
def refuse_snippet_deletion_in_other_locale(request, instances):
    """Nobody limited to some languages deletes snippets of another language."""
    for instance in instances:
        if isinstance(instance, TranslatableMixin):
            response = _refuse_other_locale(request, instance.locale_id)
            if response is not None:
                return response
    return None


def _refuse_page_action(request, action, pages):
    """A "permission denied" response if any of `pages` is closed to `action`, else None."""
    for page in pages:
        if not guards.page_action_allowed(request.user, action, page):
            return permission_denied(request)
    return None


@hooks.register("before_delete_page", order=-1)
def refuse_page_deletion(request, page):
    """Translators never delete; editors delete only drafts (see guards.user_may_remove_page)."""
    return _refuse_page_action(request, "delete", [page])


@hooks.register("before_move_page", order=-1)
def refuse_page_move(request, page, destination):
    """Moving takes a page away from where it was, so it needs what deleting needs."""
    return _refuse_page_action(request, "move", [page])


@hooks.register("before_bulk_action", order=-1)
def refuse_bulk_page_action(request, action_type, objects, action_class_instance):
    """The bulk delete and move of pages go through the same check, page by page."""
    if action_type in guards.PAGE_ACTION_CHECKS and all(isinstance(o, Page) for o in objects):
        return _refuse_page_action(request, action_type, objects)
    return None


@hooks.register("construct_page_action_menu")
def hide_closed_page_actions(menu_items, request, context):
    """The edit screen offers no delete or convert-to-alias the user could not do."""
    page = context.get("page")
    if page is None or page.pk is None:
        return
    menu_items[:] = [
        item
        for item in menu_items
        if item.name not in guards.PAGE_ACTION_MENU_NAMES
        or guards.page_action_allowed(request.user, guards.PAGE_ACTION_MENU_NAMES[item.name], page)
    ]


@hooks.register("page_action_allowed")
def page_action_rules(user, action, page):
    """The language and review rules on deleting and moving pages (home.permissions asks this
    for Wagtail's header menu, listing buttons, bulk actions and views alike)."""
    return guards.page_action_allowed(user, action, page)


def translate_only_into_own_languages(page, user, view_name=None, next_url=None):
    """wagtail-localize's page buttons, without "Translate this page" once no locale the user
    may translate the page into is left (wagtail-localize asks only whether any locale is)."""
    source = page.alias_of or page
    translate_url = reverse("wagtail_localize:submit_page_translation", args=[source.pk])
    for button in localize_hooks.page_listing_more_buttons(
        page, user, view_name=view_name, next_url=next_url
    ):
        if button.url != translate_url or guards.untranslated_target_locale_ids(user, source):
            yield button


# Wagtail has no hook that removes another hook's page header or "more" buttons, so
# wagtail-localize's registration of its button hook is swapped for the wrapper above.
for _hook_name in ("register_page_header_buttons", "register_page_listing_more_buttons"):
    hooks._hooks[_hook_name] = [
        (
            translate_only_into_own_languages
            if fn is localize_hooks.page_listing_more_buttons
            else fn,
            order,
        )
        for fn, order in hooks._hooks.get(_hook_name, [])
    ]
