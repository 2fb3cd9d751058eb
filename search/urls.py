"""Search URLs, mounted under each language prefix (/<lang>/search/)."""

from django.urls import path

from search import views

app_name = "search"

urlpatterns = [
    path("", views.search, name="search"),
    path("autocomplete/", views.search_autocomplete, name="autocomplete"),
]
