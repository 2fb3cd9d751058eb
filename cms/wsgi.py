"""WSGI entry point; production servers (gunicorn) load `application` from here.

Stored pages are answered by the page store's front before Django's handler (pagecache/front.py).
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()

from pagecache.front import PageStoreFront  # noqa: E402 (needs the settings configured above)

application = PageStoreFront(application)
