"""Cite this: a citation line and BibTeX and RIS downloads for stories and knowledge products.

`CitableMixin` goes first in a page model's bases; it adds the routes cite/bibtex/ and cite/ris/
and `citation()`. What a citation says is read from the page's fields, so any page with a title
and publication dates can be cited; knowledge products add their authors, publisher and kind.
"""

from dataclasses import dataclass, field

from django.http import HttpResponse
from django.utils import timezone
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Site

from home.localization import localize_term_list

# Knowledge kinds as BibTeX entry types and RIS reference types; anything else is a web page.
BIBTEX_TYPES = {
    "research_report": "techreport",
    "policy_brief": "techreport",
    "guide": "manual",
    "toolkit": "manual",
    "case_study_collection": "techreport",
}
RIS_TYPES = {
    "research_report": "RPRT",
    "policy_brief": "RPRT",
    "case_study_collection": "RPRT",
    "guide": "BOOK",
    "toolkit": "BOOK",
    "video": "VIDEO",
    "dataset": "DATA",
}
# Licences known by name, with the address a machine can follow.
LICENCE_URLS = {
    "CC BY 4.0": "https://creativecommons.org/licenses/by/4.0/",
    "CC BY-SA 4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "CC BY-NC 4.0": "https://creativecommons.org/licenses/by-nc/4.0/",
    "CC0 1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
}
BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


@dataclass
class Citation:
    """What a reference manager needs to know about a page."""

    key: str
    title: str
    authors: list
    publisher: str
    date: object
    url: str
    language: str
    kind: str = ""
    abstract: str = ""
    keywords: list = field(default_factory=list)
    accessed: object = None

    @property
    def year(self):
        """The year of publication."""
        return self.date.year


def split_authors(text):
    """Authors separated by semicolons; commas and "and" belong to names ("gender and ... team")."""
    return [part.strip() for part in (text or "").split(";") if part.strip()]


def site_name(page, request=None):
    """The name of the site the page belongs to."""
    site = Site.find_for_request(request) if request else page.get_site()
    return (site.site_name if site else "") or "Open Cities"


def citation_for(page, request=None):
    """The citation facts of a story or knowledge product (or any page) in its own language."""
    publisher = getattr(page, "publisher", "") or site_name(page, request)
    authors = split_authors(getattr(page, "authors", ""))
    date = (
        getattr(page, "publication_date", None)
        or (page.first_published_at or page.last_published_at or timezone.now()).date()
    )
    areas = getattr(page, "policy_areas", None)
    keywords = [term.name for term in localize_term_list(areas.all(), page.locale)] if areas else []
    return Citation(
        key=f"opencities{page.pk}-{date.year}",
        title=page.title,
        authors=authors or [publisher],
        publisher=publisher,
        date=date,
        url=page.get_full_url(request),
        language=page.locale.language_code,
        kind=getattr(page, "kind", ""),
        abstract=page.summary,
        keywords=keywords,
        accessed=timezone.localdate(),
    )


def sentence(text):
    """End `text` with a full stop unless it already ends with punctuation (a title's "?")."""
    text = text.rstrip()
    return text if text.endswith((".", "?", "!", "…")) else f"{text}."


def citation_text(page, request=None):
    """A one-line citation: authors (year). Title. Publisher. Address."""
    cited = citation_for(page, request)
    authors = ", ".join(cited.authors)
    parts = [f"{authors} ({cited.year}).", sentence(cited.title)]
    if cited.publisher not in cited.authors:
        parts.append(sentence(cited.publisher))
    parts.append(cited.url)
    return " ".join(parts)


def bibtex_escape(text):
    """Text safe inside a BibTeX field: LaTeX's special characters escaped."""
    return "".join(BIBTEX_SPECIAL.get(char, char) for char in str(text))


def bibtex(page, request=None):
    """The page as a BibTeX entry."""
    cited = citation_for(page, request)
    entry_type = BIBTEX_TYPES.get(cited.kind, "misc")
    # Braced names stay whole: a team called "gender and inclusion team" is one author.
    author = " and ".join("{" + bibtex_escape(name) + "}" for name in cited.authors)
    fields = [
        ("author", author),
        ("title", bibtex_escape(cited.title)),
        ("year", str(cited.year)),
        ("month", str(cited.date.month)),
        (
            "institution" if entry_type == "techreport" else "publisher",
            bibtex_escape(cited.publisher),
        ),
        ("url", cited.url),
        ("urldate", cited.accessed.isoformat()),
        ("language", cited.language),
    ]
    if cited.keywords:
        fields.append(("keywords", bibtex_escape(", ".join(cited.keywords))))
    if cited.abstract:
        fields.append(("abstract", bibtex_escape(cited.abstract)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{entry_type}{{{cited.key},\n{body}\n}}\n"


def ris_value(text):
    """A RIS value: one line (RIS is line-based)."""
    return " ".join(str(text).split())


def ris(page, request=None):
    """The page as a RIS record (CRLF line ends, as the format specifies)."""
    cited = citation_for(page, request)
    lines = [("TY", RIS_TYPES.get(cited.kind, "ELEC"))]
    lines += [("AU", name) for name in cited.authors]
    lines += [
        ("TI", cited.title),
        ("PY", str(cited.year)),
        ("DA", cited.date.strftime("%Y/%m/%d")),
        ("PB", cited.publisher),
        ("UR", cited.url),
        ("Y2", cited.accessed.strftime("%Y/%m/%d")),
        ("LA", cited.language),
    ]
    lines += [("KW", keyword) for keyword in cited.keywords]
    if cited.abstract:
        lines.append(("AB", cited.abstract))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {ris_value(value)}\r\n" for tag, value in lines)


def citation_download(page, request, text, extension, content_type):
    """A citation file as a download named after the page."""
    response = HttpResponse(text, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{page.slug}.{extension}"'
    return response


class CitableMixin(RoutablePageMixin):
    """Adds `citation()` and the cite/bibtex/ and cite/ris/ downloads to a page model."""

    def citation(self, request=None):
        """A one-line citation of this page."""
        return citation_text(self, request)

    @path("cite/bibtex/", name="cite_bibtex")
    def cite_bibtex(self, request):
        """The BibTeX entry, as a .bib download."""
        return citation_download(
            self, request, bibtex(self, request), "bib", "application/x-bibtex"
        )

    @path("cite/ris/", name="cite_ris")
    def cite_ris(self, request):
        """The RIS record, as a .ris download."""
        return citation_download(
            self, request, ris(self, request), "ris", "application/x-research-info-systems"
        )
