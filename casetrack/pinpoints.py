"""A pinpoint: the page and paragraph (or section) of a source a citation points at.

A pinpoint is stored bare ('12-14', '22'), less the word it was typed with ('pp.', '¶¶': see
drafts.pinpoint_page), but for a section, which is stored with its mark ('§ 35', typed '§ 35',
's. 35', 'sec. 35' or '§§ 35-37' as '§ 35-37') so that it is never said as a paragraph. It is
said by `pinpoint_text` alone, wherever casetrack writes a citation (show, timelines, the
exports and reports, the served timeline): a single page, paragraph or section as 'p. 12',
'¶ 22' and '§ 35', a range or list as 'pp. 12-14', '¶¶ 22-24' and '§§ 35-37', as a brief
cites them (a range with an en dash).
"""

from __future__ import annotations

import re

from casetrack.errors import CasetrackError
from casetrack.text import name_key

# The words a pinpoint may be typed with ('pp. 3-5', 'page 12', '¶ 4', 'para. 4'), which every
# citation casetrack writes adds itself.
PAGE_WORD = re.compile(r"(?:pages?\b|pp?\.|pgs?\.)\s*", re.IGNORECASE)
PARAGRAPH_WORD = re.compile(r"(?:paragraphs?\b|paras?\b\.?|¶¶?)\s*", re.IGNORECASE)
# A section's words, as a paragraph is typed ('§ 35', '§§ 35-37', 's. 35', 'ss. 35-37',
# 'sec. 35', 'section 35'; '§ 35' too as the Strasbourg court numbers its paragraphs), and its
# mark, by which a section is stored and said. A page typed with the mark ('§ 35') is said as
# a section too; not with a word, as 'S. 35' is a page in German.
SECTION_WORD = re.compile(r"(?:sections?\b|sec(?:t|s)?\b\.?|ss?\.|§§?)\s*", re.IGNORECASE)
SECTION_MARK = re.compile(r"§§?\s*")
# The words a page or a paragraph is typed with, spelled out, by language: casetrack's users
# write in English, French and Spanish. One that is not English's ('paragraphe 4', 'alinéa 2',
# 'art. 5', 'página 3') is kept and said as typed, without a mark of its own; typed without its
# accents ('alinea 2', 'seccion 2') it is kept too. A leading word that is a slip for one
# ('sectoin 35', 'paragrpahe 4', 'párafo 3') is refused naming it (so the word of its own
# language), not kept as free text that a citation would say as '¶ sectoin 35'; other words
# ('Annex 3', 'parts 3') are kept. 'p.', 'pp.', '¶' and '§' are their marks in all three.
PAGE_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("page", "pages"),
    "fr": ("page", "pages"),
    "es": ("página", "páginas"),
}
PARAGRAPH_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("paragraph", "paragraphs", "para", "paras", "section", "sections"),
    "fr": (
        "paragraphe", "paragraphes", "alinéa", "alinéas", "al.", "article", "articles", "art.",
        "section", "sections", "considérant", "considérants", "consid.", "point", "points",
        "annexe", "annexes",
    ),
    "es": ("párrafo", "párrafos", "sección", "secciones", "artículo", "artículos"),
}  # fmt: skip
_LEADING_WORD = re.compile(r"([^\W\d_]+)\.?\s*(?=\d|[ivxlc]+\b)", re.IGNORECASE)

# A range typed with a hyphen between two numbers ('12-14', '3.1-3.4') or two roman numerals of
# one case ('iv-vi'): written with an en dash. A hyphen in a label ('A-12') is kept.
_NUMBER = r"\d+(?:\.\d+)*"
_HYPHENED = re.compile(
    rf"(?<![\w.-])({_NUMBER}|[ivxlc]+|[IVXLC]+)\s*-\s*({_NUMBER}|[ivxlc]+|[IVXLC]+)(?![\w-]|\.\d)"
)
# What makes a pinpoint more than one page or paragraph: a range (with an en or em dash,
# '12 to 14') or a list ('12, 15', '12 & 15', '12 and 15', '12 et 15'); a thousands comma
# ('p. 1,234') does not.
_SEVERAL = re.compile(r"[\u2013\u2014]|,(?!\d{3}(?!\d))|&|\b(?:and|et|to)\b", re.IGNORECASE)


def pinpoint_text(page: str | None, paragraph: str | None, *, label: bool = False) -> str:
    """A pinpoint as every citation says it: 'p. 3', 'pp. 12-14', '¶ 4', '¶¶ 22-24', '§ 35',
    '§§ 35-37', the page first ('p. 1, ¶ 2'); '' for none. A range or list is plural, its
    hyphen between numbers an en dash; the rest is kept as typed. `label`: the page is a
    registered document's printed page label (one page, said as it is printed: 'p. A-1')."""
    said = []
    if page:
        said.append(
            f"p. {page}"
            if label
            else _said(page, PAGE_WORD, PAGE_WORDS, SECTION_MARK, ("p.", "pp."))
        )
    if paragraph:
        said.append(_said(paragraph, PARAGRAPH_WORD, PARAGRAPH_WORDS, SECTION_WORD, ("¶", "¶¶")))
    return ", ".join(said)


def refuse_misspelt_word(text: str, words: dict[str, tuple[str, ...]], what: str) -> None:
    """Refuse a page or paragraph (`what`) whose leading word is a slip for one of `words`
    (by language), in one line naming the closest: one with the accents typed before one
    without ('artícolo' is 'artículo')."""
    found = _LEADING_WORD.match(text)
    if not found or _known_word(found, words):
        return
    typed = found.group(1).casefold()
    spelled = [w.rstrip(".") for said in words.values() for w in said]
    slips = [w for w in spelled if _one_slip(name_key(typed), name_key(w))]
    if slips:
        meant = min(slips, key=lambda w: not _one_slip(typed, w))
        number = text[found.end() :]
        raise CasetrackError(
            f"{what} {text!r}: {found.group(1)!r} is no pinpoint word (did you mean"
            f" {meant!r}?): write '{meant} {number}', or {number!r} alone"
        )


def _known_word(found: re.Match[str], words: dict[str, tuple[str, ...]]) -> bool:
    """Whether a leading word is one of `words` (of any language, its accents left out or
    not; an abbreviation with its full stop)."""
    typed = name_key(found.group().rstrip())
    return any(
        typed == name_key(w) or (typed.rstrip(".") == name_key(w) and not w.endswith("."))
        for said in words.values()
        for w in said
    )


def _one_slip(typed: str, word: str) -> bool:
    """Whether `typed` is `word` with two letters swapped, or, in a word of six letters or
    more, one letter changed, left out or added: a slip, not another word ('parts', 'pars')."""
    if len(typed) == len(word):
        at = [i for i, (a, b) in enumerate(zip(typed, word, strict=True)) if a != b]
        swapped = len(at) == 2 and at[1] == at[0] + 1 and typed[at[0]] == word[at[1]]
        return (swapped and typed[at[1]] == word[at[0]] and len(typed) >= 4) or (
            len(at) == 1 and len(typed) >= 6
        )
    short, long = sorted((typed, word), key=len)
    return (
        len(typed) >= 6
        and len(long) == len(short) + 1
        and any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
    )


def section_number(text: str, section: re.Pattern[str] = SECTION_WORD) -> str | None:
    """What follows a section's word or mark ('35-37' of '§§ 35-37', 's. 35-37'); None if
    `text` is no section."""
    found = section.match(text)
    return text[found.end() :] if found and found.end() < len(text) else None


def _said(
    text: str,
    word: re.Pattern[str],
    words: dict[str, tuple[str, ...]],
    section: re.Pattern[str],
    marks: tuple[str, str],
) -> str:
    """A page or paragraph after its word, singular or plural, or a section after its mark;
    a word stored with it (by an older casetrack) said once; one of another language
    ('alinéa 2', 'página 3') said as typed."""
    one, several = marks
    number = section_number(text, section)
    if number is not None:
        text, one, several = number, "§", "§§"
    elif (found := word.match(text)) and found.end() < len(text):
        text = text[found.end() :]
    elif (leading := _LEADING_WORD.match(text)) and _known_word(leading, words):
        return _HYPHENED.sub(_en_dash, text)
    text = _HYPHENED.sub(_en_dash, text)
    return f"{several if _SEVERAL.search(text) else one} {text}"


def _en_dash(found: re.Match[str]) -> str:
    first, last = found.groups()
    if first[0].isdigit() != last[0].isdigit() or first.isupper() != last.isupper():
        return found.group()  # '12-iv', 'iv-VI': no range
    return f"{first}\u2013{last}"  # an en dash
