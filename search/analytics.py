"""Search analytics: what visitors look for in each language, and what they do not find."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.search.utils import normalise_query_string

from search.models import SearchQueryDay


def record_search(query_text, locale, result_count):
    """Count one search for `query_text` in `locale` today, noting whether it found nothing."""
    query_string = normalise_query_string(query_text)[:255]
    if not query_string:
        return
    no_result = 1 if result_count == 0 else 0
    today = timezone.localdate()
    lookup = {"locale": locale, "query_string": query_string, "date": today}
    increment = {"hits": F("hits") + 1, "no_result_hits": F("no_result_hits") + no_result}
    if SearchQueryDay.objects.filter(**lookup).update(**increment):
        return
    try:
        with transaction.atomic():
            SearchQueryDay.objects.create(**lookup, hits=1, no_result_hits=no_result)
    except IntegrityError:
        # Another request created today's row first; count on it.
        SearchQueryDay.objects.filter(**lookup).update(**increment)
