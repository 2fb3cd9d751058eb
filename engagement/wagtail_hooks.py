"""Submissions in the admin for moderators: listed, searched by e-mail, exported, deleted."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.viewsets.model import ModelViewSet

from engagement.models import Submission


class SubmissionViewSet(ModelViewSet):
    """Read, filter, export (CSV/XLSX) and delete submissions; searching an e-mail address and
    exporting or deleting the results is how one person's data is handed over or erased."""

    model = Submission
    icon = "mail"
    menu_label = _("Form submissions")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["name", "organisation", "kind", "email", "created_at", BooleanColumn("sent")]
    list_filter = ["kind", "sent", "language"]
    list_export = [
        "kind", "name", "email", "organisation", "answers", "language", "consent",
        "consent_text", "created_at", "sent",
    ]  # fmt: skip
    export_filename = "submissions"
    search_fields = ["name", "email", "organisation"]
    search_backend_name = None
    form_fields = ["sent"]
    inspect_view_enabled = True


@hooks.register("register_admin_viewset")
def register_submissions():
    """The submissions' admin pages."""
    return SubmissionViewSet("submissions")
