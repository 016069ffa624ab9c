"""A party shown with its other names reads the same wherever casetrack shows it: 'Anne
Morel (aka Judge Morel, A. Morel)', built by one function (parties.known_as)."""

from __future__ import annotations

from casetrack.parties import known_as
from tests.conftest import Cli


def test_known_as_pins_the_wording() -> None:
    assert known_as("Anne Morel", []) == "Anne Morel"
    assert known_as("Anne Morel", ["Judge Morel"]) == "Anne Morel (aka Judge Morel)"
    assert known_as("Anne Morel", ["Judge Morel", "A. Morel"]) == (
        "Anne Morel (aka Judge Morel, A. Morel)"
    )
    # An alias with a comma in it is not read as two.
    assert known_as("Anne Morel", ["Morel, Anne", "A. M"]) == "Anne Morel (aka Morel, Anne; A. M)"
    assert (
        known_as("Anne Morel", ["Morel, Anne"], quoted=True) == "'Anne Morel' (aka 'Morel, Anne')"
    )
    assert known_as("Anne Morel", [], without="no aliases left") == "Anne Morel (no aliases left)"


def test_every_command_that_shows_aliases_says_them_alike(cli: Cli) -> None:
    said = cli("party", "add", "Anne Morel", "--alias", "Morel, Anne", "--alias", "AM").stderr
    assert said == "added party Anne Morel (aka Morel, Anne; AM)\n"
    said = cli("party", "alias", "AM", "Judge Morel").stderr
    assert said == "added 1 alias to Anne Morel (aka Morel, Anne; AM; Judge Morel)\n"
    refused = cli("party", "alias", "rm", "Anne Morel", "Morel", code=1).stderr
    assert refused.endswith(
        ": the party is 'Anne Morel' (aka 'Morel, Anne', 'AM', 'Judge Morel')\n"
    ), refused
    said = cli("party", "alias", "rm", "Anne Morel", "AM").stderr
    assert said == "removed 1 alias of Anne Morel (aka Morel, Anne; Judge Morel)\n"
    said = cli("party", "rename", "Judge Morel", "Anne Morel-Roy").stderr
    assert said == (
        "renamed party 'Anne Morel' (named by its alias 'Judge Morel') to 'Anne Morel-Roy'"
        " (aka 'Morel, Anne', 'Judge Morel', 'Anne Morel')\n"
    )
    cli("party", "add", "A. Morel-Roy", "--kind", "person")
    said = cli("party", "merge", "Anne Morel-Roy", "A. Morel-Roy").stderr
    assert said == (
        "merged 'A. Morel-Roy' (linked to 0 milestones) into Anne Morel-Roy (aka Morel, Anne;"
        " Judge Morel; Anne Morel; A. Morel-Roy)\n"
    )
    cli("case", "add", "c", "--title", "C")
    refused = cli("add", "c", "2003", "x", "--party", "Anne Morel Roy:judge", code=1).stderr
    assert "'Anne Morel-Roy' (aka " in refused
    asked = cli("purge", "--party", "Anne Morel-Roy", input="n\n", code=1).stderr
    assert asked.startswith(
        "erase 1 party ('Anne Morel-Roy' (aka 'Morel, Anne', 'Judge Morel', 'Anne Morel',"
        " 'A. Morel-Roy'); linked to 0 milestones) for good?"
    )
    assert cli.query("SELECT count(*) FROM party_aliases") == [(4,)]
