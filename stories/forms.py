"""The member profile's admin form: a commitment's plan is one of its member's."""

from home.forms import PageFormInItsLanguage


def form_with_plans(form_class, plans, locale_id):
    """A subclass of a commitment's form offering `plans` and the terms of the page's language."""

    def __init__(self, *args, **kwargs):
        form_class.__init__(self, *args, **kwargs)
        self.fields["action_plan"].queryset = plans
        for name in ("policy_areas", "sdgs"):
            field = self.fields.get(name)
            if field is not None and locale_id is not None:
                field.queryset = field.queryset.filter(locale_id=locale_id)

    return type(form_class.__name__, (form_class,), {"__init__": __init__})


class MemberProfileForm(PageFormInItsLanguage):
    """A member's form where a commitment chooses among this member's own plans."""

    def __init__(self, *args, **kwargs):
        """Offer only the plans of the member being edited (saved ones)."""
        super().__init__(*args, **kwargs)
        formset = self.formsets.get("commitments")
        if formset is None:
            return
        plans = self.instance.action_plans.model.objects.none()
        if self.instance.pk:
            plans = plans.model.objects.filter(page_id=self.instance.pk)
        formset.form = form_with_plans(formset.form, plans, self.instance.locale_id)
