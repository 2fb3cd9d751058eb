"""Search URLs, mounted under each language prefix (/<lang>/search/)."""

from django.urls import path

from search import views

app_name = "search"

urlpatterns = [
    path("", views.search, name="search"),
    path("autocomplete/", views.search_autocomplete, name="autocomplete"),
    path("export/csv/", views.search_export, {"export_format": "csv"}, name="export_csv"),
    path("export/json/", views.search_export, {"export_format": "json"}, name="export_json"),
]
