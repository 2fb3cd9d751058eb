"""Production settings for tests/test_multiprocess_cache.py's servers: static files without a
manifest (the test runs no collectstatic); caches exactly as production chooses them."""

from cms.settings.production import *  # noqa: F403

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
