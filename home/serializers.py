"""API serializers: taxonomy as names and slugs, page references as id, title and address.

Pages keep the taxonomy and pages an editor chose (usually the English instances); the API shows
them in the language of the page being serialized, like the page itself does.
"""

from rest_framework.fields import Field, SkipField
from wagtail.api.v2.serializers import DetailUrlField

from home.addresses import absolute_url
from home.localization import localized_live_pages, vocabulary


class SiteDetailUrlField(DetailUrlField):
    """An API item's `detail_url` on the root of the Site record serving the request
    (home/addresses.py), as its `html_url` is: Wagtail's would take WAGTAILAPI_BASE_URL first."""

    def get_attribute(self, instance):
        """The item's endpoint address, absolute (left out where it has no endpoint)."""
        path = self.context["router"].get_object_detail_urlpath(type(instance), instance.pk)
        if not path:
            raise SkipField
        return absolute_url(path, self.context["request"])


class PageContextField(Field):
    """A read-only field that receives the whole page, so it can localize what it shows."""

    def __init__(self, attribute, **kwargs):
        """`attribute` names the page attribute (relation) this field presents."""
        self.attribute = attribute
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        """The page itself: `to_representation` needs its locale as well as the relation."""
        return instance


class TaxonomyField(PageContextField):
    """Taxonomy terms as `[{"name", "slug"}]` (or one object for a single term), localized."""

    def __init__(self, attribute, many=True, **kwargs):
        """`many` is False for a foreign key (a member's country)."""
        self.many_terms = many
        super().__init__(attribute, **kwargs)

    def to_representation(self, page):
        """The page's terms named in the page's language, in the editor's order."""
        if self.many_terms:
            terms = list(getattr(page, self.attribute).all())
        else:
            term = getattr(page, self.attribute)
            terms = [term] if term is not None else []
        if not terms:
            return [] if self.many_terms else None
        localized = vocabulary(type(terms[0]), page.locale)
        shown = [{"name": localized.get(t.translation_key, t).name, "slug": t.slug} for t in terms]
        return shown if self.many_terms else shown[0]


class PageLinkField(PageContextField):
    """Referenced pages as `{"id", "title", "url"}`, in the page's language where translated."""

    def __init__(self, attribute, many=False, **kwargs):
        """`many` is True for a many-to-many relation (a product's related stories)."""
        self.many_pages = many
        super().__init__(attribute, **kwargs)

    def to_representation(self, page):
        """Live translations of the referenced pages (or their sources); unpublished ones drop."""
        if self.many_pages:
            targets = list(getattr(page, self.attribute).all())
        else:
            target = getattr(page, self.attribute)
            targets = [target] if target is not None else []
        if not targets:
            return [] if self.many_pages else None
        request = self.context.get("request")
        localized = localized_live_pages(
            type(targets[0]), [t.translation_key for t in targets], page.locale
        )
        shown = [
            {"id": p.pk, "title": p.title, "url": p.get_full_url(request)}
            for p in localized
            if p is not None
        ]
        if self.many_pages:
            return shown
        return shown[0] if shown else None
