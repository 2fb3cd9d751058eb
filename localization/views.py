"""The language redirect at /, the translation status dashboard and submitting for review."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation as translation_utils
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_supported_language_variant, gettext_lazy
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import Translation

from localization.forms import TranslationStatusFilterForm
from localization.review import may_submit_for_review
from localization.status import target_locales, translation_status
from localization.translators import user_can_write_in

STATUS_PAGE_SIZE = 50


def preferred_language(accept_language):
    """The best of settings.LANGUAGES for an Accept-Language header (settings.LANGUAGE_CODE if
    none of the visitor's languages is offered)."""
    for code, quality in parse_accept_lang_header(accept_language or ""):
        if code == "*":
            break
        if quality <= 0:
            continue
        try:
            return get_supported_language_variant(code)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


def root_redirect(request):
    """Send a visitor arriving at / to the home page in their best language (302)."""
    code = preferred_language(request.headers.get("Accept-Language"))
    with translation_utils.override(code):
        url = reverse("wagtail_serve", args=[""])
    if request.GET:
        url = f"{url}?{request.GET.urlencode()}"
    response = HttpResponseRedirect(url)
    patch_vary_headers(response, ["Accept-Language"])
    return response


def user_can_see_translation_status(user):
    """Translators, the editors who send pages for translation, and superusers."""
    return user.is_superuser or user.has_perm("wagtail_localize.submit_translation")


def translation_status_url(**filters):
    """The dashboard's URL with the given filters (language, section, state) applied."""
    url = reverse("localization:translation_status")
    query = {key: value for key, value in filters.items() if value}
    return f"{url}?{urlencode(query)}" if query else url


class TranslationStatusView(WagtailAdminTemplateMixin, TemplateView):
    """Every live source page by language: missing, in progress (with percent), live or stale."""

    page_title = gettext_lazy("Translation status")
    header_icon = "wagtail-localize-language"
    template_name = "localization/translation_status.html"

    def dispatch(self, request, *args, **kwargs):
        """Only for those who take part in translation."""
        if not user_can_see_translation_status(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        """Home > Translation status."""
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        """The filter form, the totals for the languages shown and one page of rows."""
        context = super().get_context_data(**kwargs)
        targets = target_locales()
        form = TranslationStatusFilterForm(self.request.GET or None, locales=targets)
        filters = form.cleaned_data if form.is_valid() else {}
        language = filters.get("language")
        locales = [locale for locale in targets if not language or locale.language_code == language]
        status = translation_status(locales=locales, section=filters.get("section") or None)
        rows = status.rows
        if state := filters.get("state"):
            rows = [row for row in rows if any(cell.state == state for cell in row.cells)]
        paginator = Paginator(rows, STATUS_PAGE_SIZE)
        page = paginator.get_page(self.request.GET.get("p"))
        query = self.request.GET.copy()
        query.pop("p", None)
        context.update(
            {
                "form": form,
                "status": status,
                "totals": [(locale, status.totals_for(locale)) for locale in status.locales],
                "rows": page,
                "paginator": paginator,
                "filter_query": query.urlencode(),
                "row_count": len(rows),
                "next_url": self.request.get_full_path(),
            }
        )
        return context


def save_translation_draft(translation, page, user):
    """Save the translated segments as a new draft revision of the translated `page`.

    `Translation.save_target(publish=False)` also writes the page's own row, which for a live
    page would change what visitors see before review; a live page therefore gets only a revision.
    """
    if not page.live:
        translation.save_target(user=user, publish=False)
        return
    draft = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    draft.save_revision(user=user)


def submit_translation_for_review(request, translation_id):
    """Save a page translation as a draft from its translated segments and start its workflow.

    wagtail-localize's editor only offers "Publish" (to those allowed to publish); translators
    use this instead, so that their work goes through the same review as any other page.
    """
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"), pk=translation_id
    )
    try:
        page = translation.get_target_instance()
    except ObjectDoesNotExist as error:
        raise Http404(_("This translation has no page yet.")) from error
    if not isinstance(page, Page):
        raise Http404(_("Only page translations go through the review workflow."))
    permissions = page.permissions_for_user(request.user)
    if not permissions.can_edit() or not user_can_write_in(request.user, page.locale_id):
        return permission_denied(request)

    next_url = get_valid_next_url_from_request(request) or reverse(
        "localization:translation_status"
    )
    workflow = page.get_workflow()
    workflow_state = page.current_workflow_state
    needs_changes = (
        workflow_state is not None and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    )
    total, done = translation.get_progress()
    context = {
        "translation": translation,
        "page": page,
        "workflow": workflow,
        "in_review": page.workflow_in_progress and not needs_changes,
        "total_segments": total,
        "translated_segments": done,
        "next_url": next_url,
        "page_title": _("Submit translation for review"),
    }
    if request.method != "POST":
        return TemplateResponse(request, "localization/submit_for_review.html", context)

    if workflow is None:
        messages.error(request, _("No review workflow applies to this page; ask an administrator."))
        return redirect(next_url)
    if not may_submit_for_review(request.user, page):
        messages.error(request, _("This translation is already in review or is locked."))
        return redirect(next_url)
    try:
        save_translation_draft(translation, page, request.user)
    except ValidationError:
        messages.error(
            request,
            _("The translation could not be saved; open it in the editor to fix the errors shown."),
        )
        return redirect(next_url)
    page = translation.get_target_instance()
    if needs_changes:
        workflow_state.resume(request.user)
    else:
        workflow.start(page, request.user)
    messages.success(
        request,
        _("“%(title)s” in %(language)s has been submitted for review.")
        % {"title": page.get_admin_display_title(), "language": page.locale.get_display_name()},
    )
    return redirect(next_url)
