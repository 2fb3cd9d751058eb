"""A one-view Django application: the ceiling any Django page can reach on this machine.

Served beside the site by `make bench-pages` (gunicorn bench.hello:application).
"""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="bench-only-" + "h" * 50,
        ALLOWED_HOSTS=["*"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=[],
    )


def hello(request):
    """Hello, world."""
    return HttpResponse(b"Hello, world")


urlpatterns = [path("", hello)]
application = get_wsgi_application()
