"""Cite this: a citation line and BibTeX and RIS downloads for stories and knowledge products.

`CitableMixin` goes first in a page model's bases; it adds the routes cite/bibtex/ and cite/ris/,
`citation()` and `get_citation()`. By default a page is cited as a web page of the site from its
title and publication dates; a type with more to say (authors, publisher, a report's entry type)
overrides `get_citation()`, as knowledge products do.
"""

from dataclasses import dataclass, field

from django.http import HttpResponse
from django.utils import timezone
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Site

from home.localization import named_in

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
    bibtex_type: str = "misc"
    ris_type: str = "ELEC"
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


def web_page_citation(page, request=None):
    """The citation facts of any page in its own language, as a web page of the site."""
    publisher = site_name(page, request)
    date = (page.first_published_at or page.last_published_at or timezone.now()).date()
    areas = getattr(page, "policy_areas", None)
    keywords = named_in(areas.all(), page.locale) if areas else []
    return Citation(
        key=f"opencities{page.pk}-{date.year}",
        title=page.title,
        authors=[publisher],
        publisher=publisher,
        date=date,
        url=page.get_full_url(request),
        language=page.locale.language_code,
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
    cited = page.get_citation(request)
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
    cited = page.get_citation(request)
    entry_type = cited.bibtex_type
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
    cited = page.get_citation(request)
    lines = [("TY", cited.ris_type)]
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

    def get_citation(self, request=None):
        """What a reference manager needs to know about this page (override to say more)."""
        return web_page_citation(self, request)

    def citation(self, request=None):
        """A one-line citation of this page."""
        return citation_text(self, request)

    def get_cached_paths(self):
        """The page and its citation downloads, which change with it."""
        return [*super().get_cached_paths(), "cite/bibtex/", "cite/ris/"]

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
