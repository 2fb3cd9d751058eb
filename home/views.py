"""Views of the site's frame: pages, health check, errors in the visitor's language, sharing."""

from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import cache_control, never_cache
from wagtail import views as wagtail_views

from home import routing
from home.sharing import default_share_image, mastodon_share_url


@never_cache
def health(request):
    """Liveness and database check for load balancers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def serve(request, path):
    """Wagtail's page view, routed by `home.routing` in two queries instead of two per level."""
    routing.route(request, path)
    return wagtail_views.serve(request, path)


def page_not_found(request, exception=None):
    """The 404 page, in the visitor's language, with the reason when there is one to tell."""
    message = ""
    if exception is not None and exception.args and isinstance(exception.args[0], str):
        message = exception.args[0]
    template = loader.get_template("404.html")
    return HttpResponse(template.render({"message": message}, request), status=404)


def server_error(request):
    """The 500 page; rendered without the database in case the database is what failed."""
    template = loader.get_template("500.html")
    return HttpResponse(template.render({}, request), status=500)


# The image changes only with a deploy; a day in caches is plenty.
SHARE_IMAGE_MAX_AGE = 24 * 60 * 60


@cache_control(public=True, max_age=SHARE_IMAGE_MAX_AGE)
def share_image(request):
    """The site's default share image (og:image of pages without an image of their own)."""
    return HttpResponse(default_share_image(), content_type="image/png")


@never_cache
def share_mastodon(request):
    """The visitor's Mastodon server's share page for the text, as a link (the content policy
    lets forms reach only this site); a wrong server name is asked again with a 400."""
    server = request.GET.get("server", "")[:300]
    text = request.GET.get("text", "")[:1000]
    address = mastodon_share_url(server, text)
    context = {"server": server.strip(), "text": text, "share_address": address}
    return render(request, "home/share_mastodon.html", context, status=200 if address else 400)
