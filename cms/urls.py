"""URL configuration: admin and API outside the language prefix, public pages under /<lang>/."""

import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from cms import media, sign_in
from cms.api import api_router
from home import sitemaps
from home import views as home_views
from localization import views as localization_views

urlpatterns = [
    path("django-admin/", admin.site.urls),
    # Before Wagtail's own: the same address and name, with e-mails limited per address.
    path(
        "admin/password_reset/",
        sign_in.ThrottledPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz/", home_views.health, name="health"),
    path("", localization_views.root_redirect, name="root_redirect"),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemaps.sitemap, name="sitemap"),
    path("robots.txt", sitemaps.robots_txt, name="robots_txt"),
    path("share-image.png", home_views.share_image, name="share_image"),
]

# Local media (one server): served by the app with cache headers; on S3 the bucket serves it.
if not settings.MEDIA_S3_BUCKET and settings.MEDIA_URL.startswith("/"):
    media_prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    urlpatterns.append(re_path(rf"^{media_prefix}(?P<path>.*)$", media.serve_media))

urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("share/mastodon/", home_views.share_mastodon, name="share_mastodon"),
    path("", include("engagement.urls")),
    # Wagtail's page view behind our routing (home.routing); same name, so reverse() is unchanged.
    re_path(serve_pattern, home_views.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
