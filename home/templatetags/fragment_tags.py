"""`{% page_fragment "name" %}…{% endpage_fragment %}`: a piece of a page's HTML rendered once
per version of the content (see `pagecache.fragments`) instead of on every uncached request.

Keyed by everything such a piece depends on: its name, the host, the page and its last
publication, the interface language and the normalised query string. Off with
PAGE_FRAGMENTS=false (and in tests, but theirs). Previews, admin addresses
and visitors with a session cookie (signed in, a page password passed, a message waiting)
always get it rendered afresh and never fill it. Only for HTML that shows no user, form token
or message.
"""

import hashlib
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe
from wagtail.models import Page

from home.localization import active_language_code
from pagecache.fragments import fragment
from pagecache.headers import has_session_cookie, is_admin_path

register = template.Library()


def _key(name, request, page):
    """Everything the piece depends on, digested."""
    query = urlencode(sorted((k, v) for k, values in request.GET.lists() for v in values))
    published = page.last_published_at.isoformat() if page and page.last_published_at else ""
    parts = (name, request.get_host(), page.pk if page else "", published)
    raw = "|".join(str(part) for part in (*parts, active_language_code(), request.path, query))
    return "page-fragment:" + hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()


def _personal(request):
    return (
        getattr(request, "is_preview", False)
        or has_session_cookie(request)
        or is_admin_path(request)
    )


class PageFragmentNode(template.Node):
    """Renders its contents through `fragment()` for anonymous visitors of a public page."""

    def __init__(self, name, nodelist):
        self.name, self.nodelist = name, nodelist

    def render(self, context):
        request = context.get("request")
        page = context.get("page")
        page = page if isinstance(page, Page) else None
        if not settings.PAGE_FRAGMENTS or request is None or _personal(request):
            return self.nodelist.render(context)
        name = self.name.resolve(context)
        return mark_safe(fragment(_key(name, request, page), lambda: self.nodelist.render(context)))


@register.tag
def page_fragment(parser, token):
    """`{% page_fragment "name" %}…{% endpage_fragment %}` (see the module's docstring)."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("page_fragment takes one argument, its name")
    nodelist = parser.parse(("endpage_fragment",))
    parser.delete_first_token()
    return PageFragmentNode(parser.compile_filter(bits[1]), nodelist)
