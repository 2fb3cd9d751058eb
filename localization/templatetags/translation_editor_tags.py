"""The review bar of wagtail-localize's translation editor (its template is extended in
templates/wagtail_localize/admin/edit_translation.html)."""

from django import template

from localization.review import editor_review_actions

register = template.Library()


@register.inclusion_tag("localization/includes/editor_review.html", takes_context=True)
def translation_review_bar(context):
    """Submit for review, or approve / request changes, for the page being translated."""
    request = context["request"]
    translation, page = context.get("translation"), context.get("instance")
    actions = editor_review_actions(request.user, translation, page) if translation else {}
    return {**actions, "next_url": request.get_full_path(), "csrf_token": context["csrf_token"]}
