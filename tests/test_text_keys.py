"""name_key's quick path for ASCII names gives the key the full Unicode path gives."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from casetrack.text import FOLDED_LETTERS, name_key


def _full_key(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().translate(str.maketrans(FOLDED_LETTERS)).split())


@given(st.text(alphabet=st.characters(max_codepoint=0x7F)) | st.text())
def test_ascii_names_are_keyed_as_unicode_ones(text: str) -> None:
    assert name_key(text) == _full_key(text)


def test_the_quick_path_keeps_the_key_of_names_people_type() -> None:
    assert name_key("  Jane\tDOE \x1f ") == "jane doe"
    assert name_key("Ministère  Public") == "ministere public"
