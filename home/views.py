"""Views of the site's frame: health check and error pages in the visitor's language."""

from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache


@never_cache
def health(request):
    """Liveness and database check for load balancers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


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
