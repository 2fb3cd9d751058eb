"""The admin form every public page type uses."""

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import TranslatableMixin


class PageFormInItsLanguage(WagtailAdminPageForm):
    """A page form whose choices of translatable things are those of the page's own language.

    Terms and pages exist once per language; without this an English story's form would offer
    "Lobbying", "Cabildeo" and "Lobbying (fr)" side by side, and accept any of them.
    """

    def __init__(self, *args, **kwargs):
        """Limit each choice of translatable objects to the locale of the page being edited."""
        super().__init__(*args, **kwargs)
        # The tags a type requires (TaggedMixin.required_tags): the fields stay blank=True so
        # every type shares one declaration, and the editor's form asks for them.
        for name in getattr(self._meta.model, "required_tags", ()):
            if name in self.fields:
                self.fields[name].required = True
        locale_id = self.instance.locale_id
        if locale_id is None:
            return
        for field in self.fields.values():
            queryset = getattr(field, "queryset", None)
            if queryset is not None and issubclass(queryset.model, TranslatableMixin):
                field.queryset = queryset.filter(locale_id=locale_id)
