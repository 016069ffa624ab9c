"""Text as people type it: cleaned of stray spaces and control characters, and names
matched in any case and accents, with the closest ones suggested for a slip."""

from __future__ import annotations

import difflib
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

from casetrack.errors import CasetrackError

# C0 and C1 controls and DEL, except tab, newline and carriage return (blanked in text read
# from files: see blank_controls).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# What user text may not hold: the same and the carriage return, once CRLF line breaks (a
# note pasted or a sheet saved on Windows) are LF.
_REFUSED = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Halves of UTF-16 surrogate pairs: not characters, and SQLite cannot store them. JSON can
# spell one ("\ud800"), and Python makes one of each byte of an argument that is not UTF-8.
_SURROGATE = re.compile(r"[\ud800-\udfff]")


# Letters that are not a Latin letter plus an accent to Unicode, so dropping accents keeps
# them, but that a keyboard without them writes with the plain letter, as ICU's Latin-ASCII
# transliteration does: Turkish dotless i is i, Łódź Lodz, Søren Soren. Keys are casefolded
# first, so the small letters are enough (schema.m020 applies the same to stored keys).
FOLDED_LETTERS = {
    "\u0131": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t",
    "æ": "ae", "œ": "oe", "þ": "th",
}  # fmt: skip
_FOLD = str.maketrans(FOLDED_LETTERS)


def check_file_name(name: object) -> None:
    """Refuse a file name holding a NUL, which the system would refuse with a traceback:
    one line for every command that reads or writes a file named on its command line."""
    if "\x00" in str(name):
        raise CasetrackError("a file name cannot contain a NUL character")


def name_key(text: str) -> str:
    """The form names are compared in: accents dropped, case folded, spaces collapsed."""
    if text.isascii():  # no accents to drop, and folding is lower-casing: 4 times quicker
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().translate(_FOLD).split())


# What bare_key drops of a name: punctuation, and the modifier symbols typed for an
# apostrophe or an accent (` ^); of ASCII, all of string.punctuation but $ + < = > | ~.
_BARE_ASCII = str.maketrans("", "", "!\"#%&'()*,-./:;?@[\\]^_`{}")


def bare_key(text: str) -> str:
    """A name as it is matched when no name or alias has its name_key: that key with its
    punctuation dropped and its spaces collapsed, so 'acme widgets inc' is 'Acme Widgets,
    Inc.', 'AB Smith' 'A.B. Smith'. Letters, digits and the spaces between words stay:
    'Smyth' is not 'Smith', nor 'Morel Roy' 'Morel-Roy' ('morelroy'). '' for a name of
    punctuation only, which matches nothing. Stored beside each party's name and alias
    (parties.bare_key, party_aliases.bare_key), indexed; schema.m032 spells out how it made
    the first ones."""
    key = name_key(text)
    if key.isascii():
        return " ".join(key.translate(_BARE_ASCII).split())
    kept = "".join(ch for ch in key if not _punctuation(ch))
    return " ".join(kept.split())


def _punctuation(ch: str) -> bool:
    """Whether bare_key drops a character: Unicode punctuation (P*), or a modifier symbol."""
    category = unicodedata.category(ch)
    return category[0] == "P" or category == "Sk"


def clean_text(text: str) -> str:
    """User text as stored: NFC, surrounding space removed.

    Control characters other than tab and newline are refused: a NUL truncates text in
    SQLite's functions and escape sequences would act on the terminal that shows them. A
    CRLF line break is stored as LF; any other carriage return is refused (it would make a
    terminal write over the start of the line).
    """
    if text.isascii() and text.isprintable():  # nothing to refuse or normalise
        return text.strip()
    text = text.replace("\r\n", "\n")
    bad = _REFUSED.search(text)
    if bad:
        raise CasetrackError(
            f"text contains the control character U+{ord(bad.group()):04X}: remove it"
        )
    half = _SURROGATE.search(text)
    if half:
        raise CasetrackError(
            f"text contains U+{ord(half.group()):04X}, half of a UTF-16 surrogate pair and not "
            "a character: save the text as UTF-8"
        )
    return unicodedata.normalize("NFC", text).strip()


# Words spelled with a vowel but said with a consonant (a union, a one-off), and with a
# consonant but said with a vowel (an hour): the article goes by the sound.
_SAID_WITH_A_CONSONANT = re.compile(r"(?:uni|use|usu|uti|eu|one\b|once\b|ur[aei])", re.I)
_SAID_WITH_A_VOWEL = re.compile(r"(?:hour|honest|honou?r|heir)", re.I)


def article(word: str) -> str:
    """'an indictment', 'a ruling': a word (a kind, a field) with its indefinite article.
    Every message that puts 'a' before a word it does not know in advance says it here."""
    vowel = word[:1].lower() in "aeiou" and not _SAID_WITH_A_CONSONANT.match(word)
    return f"{'an' if vowel or _SAID_WITH_A_VOWEL.match(word) else 'a'} {word}"


def plural(count: object, word: str, many: str | None = None) -> str:
    """'1 page', '3 pages': a count said with its noun; `many` is the plural of a noun that
    does not take an s ('party', 'parties')."""
    return f"{count} {noun(count, word, many)}"


def noun(count: object, word: str, many: str | None = None) -> str:
    """The noun for a count, without it: 'deadline 4', 'deadlines 4, 7'."""
    return word if count == 1 else many or word + "s"


def shortened(text: str, size: int) -> str:
    """`text` as a one-line message or a narrow cell names it: whole when it has at most
    `size` characters, else cut to that many, the last an ellipsis."""
    return text if len(text) <= size else text[: size - 1].rstrip() + "\u2026"


def blank_controls(text: str) -> str:
    """Text read from a file, its control characters (form feeds of PDF text, escapes) made
    spaces, so what is taken from it can be stored."""
    return _CONTROL.sub(" ", text)


def closest(word: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """The valid names nearest to a mistyped one, best first."""
    by_key: dict[str, str] = {}
    for choice in choices:
        by_key.setdefault(name_key(choice), choice)
    target = name_key(word)
    keys = difflib.get_close_matches(target, list(by_key), n=n, cutoff=0.6)
    if not keys:
        keys = [k for k in by_key if target and (target in k or k in target)][:n]
    # The same letters in another order (cvs for csv) is the likeliest slip: it comes first,
    # where a mere score tie would put a name after it in the alphabet (ics) before it.
    keys.sort(key=lambda k: sorted(k) != sorted(target))
    return [by_key[k] for k in keys]


# Names of a folder read to find the one a missing file's name was meant to be: enough for any
# folder of exhibits, and a bound on a slip's cost in a folder of millions.
_FOLDER_NAMES_READ = 10_000


def unreadable_file(path: object, err: OSError) -> str:
    """Why a file named on the command line cannot be used, in the words a refusal says it
    (`No such file or directory`), with the name in its folder closest to a missing one:
    `rulng.pdf` is likely `ruling.pdf`."""
    from itertools import islice

    said = err.strerror or str(err)
    if not isinstance(err, FileNotFoundError):
        return said
    folder, name = os.path.split(str(path))
    try:
        with os.scandir(folder or ".") as entries:
            names = [e.name for e in islice(entries, _FOLDER_NAMES_READ) if _is_file(e)]
    except (OSError, ValueError):  # no such folder either, or a name the system refuses
        return said
    near = closest(name, names, n=1)
    return f"{said} (did you mean {os.path.join(folder, near[0])!r}?)" if near else said


def _is_file(entry: os.DirEntry[str]) -> bool:
    """Whether a folder's entry is a file, or a link to one; a link that goes nowhere or
    round in a loop is none, and does not stop the others being read."""
    try:
        return entry.is_file()
    except OSError:
        return False


def slug_for(text: str) -> str | None:
    """A case slug made from words: a caption a person would type ("Uganda v. Ssenyonjo" gives
    uganda-v-ssenyonjo), so a refusal can offer one, or a docket's court and number
    (txed-6-07-cv-00354); None when no Latin letter or digit is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:64].rstrip("-")
    return slug or None


def shell_word(text: str) -> str:
    """`text` as one word of a command a message tells the user to run. Refusals put such a
    command in single quotes ('casetrack party add "Maryam Rajavi"'), so a word that needs
    quoting gets double quotes when they are enough: shell quotes inside would read as
    'casetrack party add 'Maryam Rajavi'' and turn an apostrophe into '"'"'."""
    import shlex

    if re.fullmatch(r"[\w@%+=:,./-]+", text, re.ASCII):
        return text
    if not re.search(r'["$`\\!]', text):
        return f'"{text}"'
    return shlex.quote(text)


def did_you_mean(
    word: str, choices: Iterable[str], aliases: Mapping[str, str] | None = None
) -> str:
    """A ' (did you mean X?)' hint, or '' when nothing is close; a word close to an alias
    (another name for a choice) is pointed at the choice."""
    names = aliases or {}
    near = _unnegated(closest(word, [*choices, *names]))
    matches = _unnegated(list(dict.fromkeys(names.get(m, m) for m in near)))
    if not matches:
        return ""
    return " (did you mean " + " or ".join(repr(m) for m in matches) + "?)"


# What makes a word its opposite (undisputed, uncontested, non-party).
_NEGATION = re.compile(r"(?:un|non|not|in|dis)[ -]?")


def _unnegated(names: list[str]) -> list[str]:
    """Names best first, less those that are a closer one negated or un-negated: a slip for
    'contested' is not 'uncontested' too, nor one for 'undisputed' 'disputed'."""
    keys = [name_key(n) for n in names]

    def negated(a: str, b: str) -> bool:
        return a.endswith(b) and _NEGATION.fullmatch(a.removesuffix(b)) is not None

    return [
        name
        for i, name in enumerate(names)
        if not any(negated(keys[i], k) or negated(k, keys[i]) for k in keys[:i])
    ]


def check_choice(
    value: str, choices: Sequence[str], what: str, aliases: Mapping[str, str] | None = None
) -> str:
    """The one of `choices` that `value` names, in any case and spacing (as kinds and names
    are matched), or through `aliases` (another spelling: organisation); else a refusal
    naming the closest and all choices."""
    if value in choices:
        return value
    key = name_key(value)
    for choice in choices:
        if name_key(choice) == key:
            return choice
    if aliases and key in aliases:
        return aliases[key]
    hint = did_you_mean(value, choices, aliases)
    raise CasetrackError(f"unknown {what} {value!r}{hint}: use one of {', '.join(choices)}")


def citation_key(text: str) -> str | None:
    """What a citation is matched by: its words (letters and digits, accents dropped, case
    folded, as name_key folds them) joined by a space, so that two citations have the same
    words, in any case and punctuation, when they have the same key; '' for text without a
    word; None for a URL (never close to another). Each source stores its URL's key
    (sources.citation_key, indexed; sources.py finds close citations by it); schema.m022
    spells out how it made the first ones."""
    if "://" in text:
        return None
    return words_key(name_key(text))


def words_key(folded: str) -> str:
    """The words of text name_key folded, joined by a space (citation_key)."""
    return " ".join(re.findall(r"\w+", folded))
