"""Error messages stay one line per problem, whatever user text they quote."""

import shlex

from hypothesis import given
from hypothesis import strategies as st

from casetrack.text import shell_word
from tests.conftest import Cli


def test_import_lists_every_bad_row_on_its_own_line(cli: Cli) -> None:
    cli("init")
    sheet = cli.db_path.parent / "sheet.csv"
    sheet.write_text(
        "case,date,title,kind\nc,2020-02-30,Hearing,hearing\nc,2020-06,Ruling,rulling\n",
        encoding="utf-8",
    )
    result = cli("import", str(sheet), code=1)
    lines = result.stderr.splitlines()
    assert lines[0] == "casetrack: import failed, nothing was written: 2 errors"
    assert lines[1].startswith(f"{sheet}:2: '2020-02-30' is not a real date")
    assert lines[2].startswith(f"{sheet}:3: unknown kind 'rulling' (did you mean 'ruling'")
    assert len(lines) == 3


def test_a_single_bad_row_is_counted_as_one_error(cli: Cli) -> None:
    sheet = cli.db_path.parent / "sheet.csv"
    sheet.write_text("case,date,title\nc,2020-06,Ruling\nc,2020-13,Ruling\n")
    lines = cli("import", str(sheet), code=1).stderr.splitlines()
    assert lines[0] == "casetrack: import failed, nothing was written: 1 error"
    assert len(lines) == 2


def test_newlines_in_quoted_user_text_do_not_break_the_line(cli: Cli) -> None:
    cli("init")
    result = cli("case", "show", "no\nsuch", code=1)
    assert result.stderr.count("\n") == 1 and "no\\nsuch" in result.stderr


def test_usage_errors_are_one_line_with_the_closest_name_and_the_help(demo: Cli) -> None:
    typo = demo("timline", "nec-2003", code=2).stderr
    assert typo == (
        "casetrack: No such command 'timline'. Did you mean 'timeline'? (see 'casetrack --help')\n"
    )
    bad_format = demo("timeline", "nec-2003", "-f", "yaml", code=2).stderr
    said = "casetrack: Invalid value for '--format' / '-f': unknown format 'yaml'"
    assert bad_format.startswith(said)
    assert bad_format.endswith(" (see 'casetrack timeline --help')\n")
    assert bad_format.count("\n") == 1
    sub = demo("case", "lst", code=2).stderr
    assert "Did you mean 'list'?" in sub and sub.count("\n") == 1


def test_a_group_without_a_command_shows_its_help(demo: Cli) -> None:
    result = demo("case", code=2)
    assert result.stderr.startswith("Usage: casetrack case [OPTIONS] COMMAND")
    assert "list" in result.stderr


def test_a_negative_id_is_said_to_be_no_id(demo: Cli) -> None:
    """Click took `show -1` for an unknown option; ids count from 1."""
    for command in (["show", "-1"], ["rm", "-2"]):
        result = demo(*command, code=2)
        assert result.stderr == (
            f"casetrack: {command[1]} is no option, nor an id: ids count from 1"
            f" (see 'casetrack {command[0]} --help')\n"
        )


def test_a_text_starting_with_a_minus_is_said_to_go_after_two_dashes(demo: Cli) -> None:
    """`add CASE DATE "-5 freed"`: Click took the title for an option; the refusal shows
    where `--` goes, and `--` there adds it."""
    before = demo.records()
    result = demo("add", "nec-2003", "2009", "-5 detainees freed", code=2)
    assert result.stderr == (
        "casetrack: -5 is no option: an argument starting with - goes after --, as in"
        " 'casetrack add [OPTIONS] -- {CASE} {DATE} {TITLE}' (see 'casetrack add --help')\n"
    )
    assert demo.records() == before
    demo("add", "nec-2003", "--", "2009", "-5 detainees freed")
    assert demo.query("SELECT count(*) FROM milestones WHERE title = '-5 detainees freed'") == [
        (1,)
    ]


def test_an_option_given_without_its_value_names_the_help_too(demo: Cli) -> None:
    """Click raises this one before the command's context exists: the help to read is found
    from the command line itself, through the groups (`deadline add`) and `--db`."""
    for command in (
        ["timeline", "nec-2003", "--party"],
        ["edit", "3", "--case"],
        ["deadline", "add", "nec-2003", "--rule"],
        ["--db", str(demo.db_path), "export", "-o"],
    ):
        result = demo(*command, code=2)
        path = " ".join(w for w in command[:-1] if w.isalpha())
        option = command[-1]
        assert result.stderr == (
            f"casetrack: Option '{option}' requires an argument (see 'casetrack {path} --help')\n"
        )


def test_an_argument_given_as_an_option_says_where_it_goes(demo: Cli) -> None:
    """`add --case nec-2003 ...`: Click would list the options closest to --case (--cite,
    --page); the case is add's first argument, and the line says so."""
    result = demo("add", "--case", "nec-2003", "2021", "Raid", code=2)
    assert result.stderr == (
        "casetrack: --case is not an option: the case is an argument, as in"
        " 'casetrack add [OPTIONS] {CASE} {DATE} {TITLE}' (see 'casetrack add --help')\n"
    )
    result = demo("deadline", "add", "--case", "nec-2003", "--rule", "fr-cpc-538", code=2)
    assert "as in 'casetrack deadline add [OPTIONS] {CASE}'" in result.stderr
    assert (
        "Possible options" in demo("add", "--cas", "nec-2003", code=2).stderr
    )  # a typo: as before


def test_a_json_document_cut_short_is_said_on_the_line_it_ends(demo: Cli) -> None:
    """The newline that ends the last line once counted as a line of its own: a one-line
    document cut short was said to be wrong on line 2, which it does not have."""
    before = demo.records()
    head = '{"format": "casetrack/1", '
    for text, line in (
        (head + '"cases": [\n', 1),
        (head + '"cases": [{"slug": "x"\n', 1),
        (head + '"cases": [{"slug": "x"}\n\n\n', 1),
        (head + '\n"cases": [{"slug": "x"}\n', 2),
        (head + '\n"cases": [{"slug": \n\n"x" "y"}]}\n', 4),  # not at the end: where it is
        ("\n" + head + '"cases": [{"slug": "x"}]\n\n', 2),
    ):
        stderr = demo("import", "-", input=text, code=1).stderr
        assert stderr.startswith(f"casetrack: <stdin>:{line}: not valid JSON: "), text
        assert stderr.count("\n") == 1
    assert demo.records() == before


@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1))
def test_a_word_of_a_suggested_command_reads_back_as_itself_in_a_shell(word: str) -> None:
    """Whatever a refusal quotes for the user to retype (a citation with an apostrophe, a
    quote or a dollar), the shell gives back exactly that word, and no single quote is used
    when double quotes are enough (the message puts the command in single quotes)."""
    quoted = shell_word(word)
    assert shlex.split(quoted) == [word]
    if not any(c in word for c in "\"$`\\!'") and " " in word:
        assert quoted == f'"{word}"'


def test_a_word_starting_with_a_minus_is_said_to_go_after_two_dashes(demo: Cli) -> None:
    """`add c 2021 "-Stipulation ..."` and `search -dismiss`: Click reads the word as the
    short option -S or -d; the refusal names the word and where `--` goes."""
    before = demo.records()
    result = demo("add", "nec-2003", "2021-09-01", "-Stipulation of dismissal", code=2)
    assert result.stderr == (
        "casetrack: '-Stipulation of dismissal' is no option: an argument starting with - goes"
        " after --, as in 'casetrack add [OPTIONS] -- {CASE} {DATE} {TITLE}'"
        " (see 'casetrack add --help')\n"
    )
    assert demo("search", "-dismiss", code=2).stderr == (
        "casetrack: '-dismiss' is no option: an argument starting with - goes after --, as in"
        " 'casetrack search [OPTIONS] -- [text]...' (see 'casetrack search --help')\n"
    )
    assert demo.records() == before
    assert "No such option: -x" in demo("show", "-x", code=2).stderr  # an option, as typed
    demo("add", "nec-2003", "2021-09-01", "--", "-Stipulation of dismissal")


def test_a_kind_close_to_none_is_refused_with_the_command_that_adds_it(cli: Cli) -> None:
    """`add`, and the import of a sheet another store exported, naming a kind the store lacks
    and close to none it has, name the very `kind add` to run; nothing is written until then."""
    cli("case", "add", "c", "--title", "C")
    cli("kind", "add", "mise en examen")
    cli("add", "c", "2021-03-05", "Mis en examen", "--kind", "mise en examen")
    sheet = cli.db_path.parent / "c.csv"
    cli("export", "c", "-o", str(sheet))
    other = Cli(cli.db_path.parent / "other.db")
    other("init")
    said = (
        "unknown kind 'mise en examen': see 'casetrack kind list' or add it with"
        " 'casetrack kind add \"mise en examen\"'"
    )
    refused = other("add", "c", "2021-03-05", "x", "--kind", "Mise en examen", code=1)
    assert refused.stderr == f"casetrack: {said}\n"
    lines = other("import", str(sheet), code=1).stderr.splitlines()
    assert lines[1:] == [f"{sheet}:2: {said}"]
    assert other.query("SELECT count(*) FROM milestones") == [(0,)]
    other("kind", "add", "mise en examen")
    other("import", str(sheet))
    assert other.query("SELECT kind FROM milestones") == [("mise en examen",)]
    close = other("add", "c", "2021-03-06", "x", "--kind", "mise en exam", code=1).stderr
    assert "(did you mean 'mise en examen'?)" in close and "kind add NAME" in close
