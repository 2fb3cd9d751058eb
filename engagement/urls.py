"""Addresses of the join and contact forms (under the language prefix)."""

from django.urls import path

from engagement import views
from engagement.models import SubmissionKind

app_name = "engagement"

urlpatterns = [
    path("join-us/", views.submission_form, {"kind": SubmissionKind.JOIN}, name="join"),
    path("join-us/thanks/", views.thanks, {"kind": SubmissionKind.JOIN}, name="join_thanks"),
    path("write-to-us/", views.submission_form, {"kind": SubmissionKind.CONTACT}, name="contact"),
    path(
        "write-to-us/thanks/",
        views.thanks,
        {"kind": SubmissionKind.CONTACT},
        name="contact_thanks",
    ),
]
