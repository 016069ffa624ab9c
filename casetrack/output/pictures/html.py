"""Render milestones as ONE self-contained HTML report: timeline picture plus sourced table.

Everything is inline (CSS, SVG) and nothing is fetched, so the file can be mailed, archived
or printed to PDF and still show the same thing years later.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TextIO
from urllib.parse import urlsplit

from casetrack.models import Case, Milestone, SourceLink
from casetrack.output.pictures.common import describe_date, esc, kind_keys
from casetrack.output.pictures.svg import Listed, Marks, Survey, survey, write_svg

_CSS = """
:root { color: #222; font-family: sans-serif; font-size: 15px; line-height: 1.45; }
body { margin: 0 auto; max-width: 1240px; padding: 24px; }
h1 { font-size: 1.7rem; margin: 0 0 4px; }
h2 { font-size: 1.25rem; margin: 32px 0 6px; border-bottom: 2px solid #ddd; }
.meta { color: #555; margin: 0 0 8px; }
.summary { margin: 0 0 12px; }
figure.timeline { margin: 16px 0 24px; overflow-x: auto; }
figure.timeline svg { display: block; max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
th, td { border-bottom: 1px solid #ddd; padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
td.date, td.kind { white-space: nowrap; }
.swatch { display: inline-block; width: 11px; height: 11px; margin-right: 6px;
  vertical-align: -1px; }
.swatch.circle { border-radius: 50%; }
.swatch.square { width: 9px; height: 9px; margin: 0 7px 0 1px; }
.swatch.triangle { clip-path: polygon(50% 0, 100% 100%, 0 100%); }
.swatch.down { clip-path: polygon(0 0, 100% 0, 50% 100%); }
.swatch.diamond { clip-path: polygon(50% 0, 100% 50%, 50% 100%, 0 50%); }
.note, .where { color: #555; margin: 2px 0 0; }
.badge { background: #fde9c7; border-radius: 3px; font-size: 0.8em; padding: 0 4px; }
ul { margin: 0; padding-left: 1.1em; }
blockquote { border-left: 3px solid #ccc; color: #444; margin: 2px 0 4px; padding-left: 8px; }
.unlinked, .warning { color: #a33; }
cite { font-style: normal; }
footer { color: #777; font-size: 0.8rem; margin-top: 24px; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  :root { font-size: 10pt; }
  body { max-width: none; padding: 0; }
  figure.timeline { overflow: visible; break-inside: avoid; }
  figure.timeline svg { width: 100%; max-width: 100%; height: auto; }
  thead { display: table-header-group; }
  tr, blockquote { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
  a { color: #222; }
  a[href]::after { content: " <" attr(href) ">"; color: #555; font-size: 8pt;
    word-break: break-all; }
  th { background: none; }
}
"""


# Schemes a link may run code or open local files with; "ECLI:FR:..." stays a citation.
_SCRIPT_SCHEMES = ("javascript", "vbscript", "data", "file")


def safe_href(url: str) -> str | None:
    """The URL if it is safe to make clickable (http, https or plain relative), else None.

    Anything else (javascript:, data:, file:, //host, backslashes, control characters) is shown
    as text, so a hostile or mistyped source URL can never run code or leave the page silently.
    """
    url = url.strip()
    if not url or any(char.isspace() or ord(char) < 32 or char == "\\" for char in url):
        return None
    parts = urlsplit(url)
    if parts.scheme.lower() in ("http", "https"):
        return url if parts.netloc else None
    first_segment = re.split(r"[/?#]", url, maxsplit=1)[0]
    return url if not url.startswith("//") and ":" not in first_segment else None


def _citation(link: SourceLink) -> str:
    """A source that is not a safe link: a citation ("Order of 16 Sept 2014, p. 2") is plain
    text; a refused URL (javascript:, file:) is flagged, so it never looks clickable."""
    label = esc(link.title or link.url)
    if link.title and link.title != link.url:
        label += f" ({esc(link.url)})"
    url = link.url.strip()
    if "//" in url or urlsplit(url).scheme.lower() in _SCRIPT_SCHEMES:
        return f'<span class="unlinked" title="not a web link">{label}</span>'
    return f"<cite>{label}</cite>"


def _source(link: SourceLink) -> str:
    href = safe_href(link.url)
    anchor = (
        f'<a href="{esc(href)}" rel="noopener noreferrer">{esc(link.title or link.url)}</a>'
        if href
        else _citation(link)
    )
    pinpoint = link.pinpoint
    quote = f"<blockquote>“{esc(link.quote)}”</blockquote>" if link.quote else ""
    if link.quote and link.quote_warning:  # casetrack looked, and it is not on the page cited
        quote += f'<strong class="warning">{esc(link.quote_warning)}</strong>'
    return f"<li>{anchor}{f' ({esc(pinpoint)})' if pinpoint else ''}{quote}</li>"


def _row(milestone: Milestone, key: tuple[str, str]) -> str:
    """One table row: everything a reader needs to check the milestone against its sources."""
    badges = "".join(
        f' <span class="badge">{esc(text)}</span>'
        for text in (["key"] if milestone.key else [])
        + ([milestone.status] if milestone.status != "undisputed" else [])
        + ([milestone.met] if milestone.met is not None else [])
    )
    details = "".join(
        f'<p class="{cls}">{esc(text)}</p>'
        for cls, text in (("where", milestone.location), ("note", milestone.note))
        if text
    )
    parties = "".join(
        f"<li>{esc(p.name)}{f' — {esc(p.role)}' if p.role else ''}</li>" for p in milestone.parties
    )
    sources = "".join(_source(link) for link in milestone.sources)
    return (
        f'<tr data-id="{esc(str(milestone.id))}"><td class="date">'
        f"{esc(describe_date(milestone.date))}</td>"
        f'<td class="kind"><span class="swatch {key[1]}" style="background:{key[0]}"></span>'
        f"{esc(milestone.kind)}</td>"
        f"<td><strong>{esc(milestone.title)}</strong>{badges}{details}</td>"
        f"<td>{f'<ul>{parties}</ul>' if parties else ''}</td>"
        f"<td>{f'<ul>{sources}</ul>' if sources else ''}</td></tr>"
    )


def _case_header(case: Case | None, slug: str, heading: bool) -> str:
    """The case's name (as a section heading when several cases share the report) and facts."""
    parts = [f"<h2>{esc(case.title if case else slug)}</h2>"] if heading else []
    if case:
        facts = [
            f"{label}: {value}"
            for label, value in (
                ("Jurisdiction", case.jurisdiction),
                ("Court", case.court),
                ("Docket", case.docket),
                ("Status", case.status),
            )
            if value
        ]
        if facts:
            parts.append(f'<p class="meta">{esc(" · ".join(facts))}</p>')
        if case.summary:
            parts.append(f'<p class="summary">{esc(case.summary)}</p>')
    return "".join(parts)


def render_html(milestones: Sequence[Milestone], *, title: str, cases: Sequence[Case] = ()) -> str:
    """Render a complete, self-contained HTML document for the given milestones."""
    import io

    marks = Listed(milestones)
    found = survey(marks, {case.slug: case.title for case in cases})
    out = io.StringIO()
    write_html(found, marks, out, title=title, cases=cases, rows=lambda slug: marks.groups[slug])
    return out.getvalue()


def write_html(
    found: Survey,
    marks: Marks,
    out: TextIO,
    *,
    title: str,
    cases: Sequence[Case],
    rows: Callable[[str], Iterable[Milestone]],
) -> None:
    """render_html written to `out` as it is made: the picture from `found` (surveyed with
    the "auto" layout) and `marks`, then each case's table from `rows(slug)`, the case's
    milestones in timeline order, a row at a time."""
    known: Mapping[str, Case] = {case.slug: case for case in cases}
    keys = kind_keys(found.kinds)
    header = (
        "<thead><tr><th>Date</th><th>Kind</th><th>Milestone</th><th>Parties</th>"
        "<th>Sources</th></tr></thead>"
    )
    several = len(found.lanes) > 1
    # One case: its facts go under the page title; several: each section names its case.
    intro = "" if several else _case_header(known.get(next(iter(found.lanes), "")), "", False)
    out.write(
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{_CSS}</style></head><body>"
        f"<header><h1>{esc(title)}</h1>{intro}"
        '</header><figure class="timeline">'
    )
    names = {slug: case.title for slug, case in known.items()}
    write_svg(found, marks, out, title="Timeline", case_titles=names)
    out.write("</figure>")
    for slug in found.lanes:
        out.write(f"<section>{_case_header(known.get(slug), slug, several)}<table>{header}<tbody>")
        for milestone in rows(slug):
            out.write(_row(milestone, keys[milestone.kind]))
        out.write("</tbody></table></section>")
    out.write(
        "<footer>Generated by casetrack. Dates are shown at the precision the sources give."
        "</footer>"
        "</body></html>\n"
    )
