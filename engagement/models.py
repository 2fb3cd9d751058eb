"""What visitors send: stored first, e-mailed after, kept for a limited time."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SubmissionKind(models.TextChoices):
    """Which form a submission came from."""

    JOIN = "join", _("Expression of interest in joining")
    CONTACT = "contact", _("Contact message")


class Submission(models.Model):
    """One form submission with the visitor's consent, language and e-mail delivery state."""

    kind = models.CharField(_("form"), max_length=16, choices=SubmissionKind.choices)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), db_index=True)
    organisation = models.CharField(_("government or organisation"), max_length=200, blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    language = models.CharField(_("language"), max_length=8)
    consent = models.BooleanField(_("consent given"), default=False)
    consent_text = models.TextField(_("consent wording"), blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    sent = models.BooleanField(_("e-mailed"), default=False)
    send_attempts = models.PositiveSmallIntegerField(_("sending attempts"), default=0)
    last_error = models.CharField(_("last sending error"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.name} <{self.email}>"

    def answers_text(self):
        """The answers as "label: value" lines, for e-mails and exports."""
        return "\n".join(f"{label}: {value}" for label, value in self.answers.items())
