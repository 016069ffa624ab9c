"""Mistakes people make on their first days get a line saying what to type instead."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner, Result

from casetrack.cli import app
from tests.conftest import Cli


def run(*args: str, code: int = 0) -> Result:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == code, (result.stdout, result.stderr, result.exception)
    return result


def test_an_unquoted_title_says_to_quote_it(demo: Cli) -> None:
    before = demo.records()
    result = demo("add", "nec-2003", "2003-06-17", "Raid", "on", "the", "offices", code=2)
    assert result.stderr == (
        "casetrack: TITLE is one argument: quote it when it has spaces, e.g."
        " casetrack add nec-2003 2003-06-17 'Raid on the offices'\n"
    )
    assert demo.records() == before
    # A date typed unquoted too: the hint quotes the date, not the date's tail with the title.
    result = demo("add", "nec-2003", "17", "June", "2003", "Raid", "on", "offices", code=2)
    assert result.stderr == (
        "casetrack: DATE and TITLE are one argument each: quote them when they have spaces,"
        " e.g. casetrack add nec-2003 '17 June 2003' 'Raid on offices'\n"
    )
    assert demo("add", "nec-2003", "June", "2003", "Raid", code=2).stderr.endswith(
        " casetrack add nec-2003 'June 2003' Raid\n"
    )
    assert demo.records() == before
    name = demo("party", "add", "Maryam", "Rajavi", "--kind", "person", code=2).stderr
    assert name.endswith(" e.g. casetrack party add 'Maryam Rajavi'\n")
    # Extra words after a number are not a title: Click's own line stays.
    assert "unexpected extra argument" in demo("show", "3", "4", code=2).stderr


def test_a_shell_pattern_giving_several_files_to_import_says_to_run_it_per_file(
    demo: Cli, tmp_path: Path
) -> None:
    files = [tmp_path / "a.json", tmp_path / "b.json"]
    for file in files:
        file.write_text("[]")
    before = demo.records()
    result = demo("import", *map(str, files), "--dry-run", code=2)
    assert result.stderr == (
        f"casetrack: casetrack import takes one FILE: run it once per file, e.g. for f in"
        f' {files[0]} {files[1]}; do casetrack import "$f"; done\n'
    )
    assert demo.records() == before


def test_the_store_option_after_the_command_is_taken(demo: Cli, tmp_path: Path) -> None:
    store = str(demo.db_path)
    assert run("timeline", "nec-2003", "--db", store).stdout == demo("timeline", "nec-2003").stdout
    run("add", "nec-2003", "2015", "Second raid", f"--db={store}", "-k", "raid")
    assert "Second raid" in demo("timeline", "nec-2003").stdout
    assert not (tmp_path / "db").exists()
    # After `--` it is a plain word, and two different stores are one too many.
    assert "no case '--db'" in run("--db", store, "case", "show", "--", "--db", code=1).stderr
    twice = run("--db", store, "timeline", "--db", "other.db", code=2).stderr
    assert twice == f"casetrack: --db is given twice ({store}, other.db): give one store\n"


def test_help_command_works_like_the_help_option(demo: Cli) -> None:
    assert run("help").stdout == run("--help").stdout
    assert run("help", "add").stdout == run("add", "--help").stdout
    assert run("help", "party", "merge").stdout == run("party", "merge", "--help").stdout
    assert run("help", "timline", code=2).stderr == (
        "casetrack: no command 'casetrack timline' (did you mean 'timeline'?)"
        " (see 'casetrack help --help')\n"
    )
    assert "has no sub-commands" in run("help", "add", "x", code=2).stderr


def test_a_carriage_return_is_refused_and_a_crlf_line_break_is_stored_as_lf(
    demo: Cli, tmp_path: Path
) -> None:
    """One rule for every text field, whatever brought it: the command line, JSON or CSV."""
    refused = demo("add", "nec-2003", "2003", "Raid\rOverwritten", code=1)
    assert refused.stderr == "casetrack: text contains the control character U+000D: remove it\n"
    demo("add", "nec-2003", "2003", "Raid", "--note", "first line\r\nsecond line")
    assert demo.query("SELECT note FROM milestones WHERE title = 'Raid'") == [
        ("first line\nsecond line",)
    ]
    sheet = tmp_path / "sheet.csv"
    sheet.write_bytes(b'case,date,title,note\r\nnec-2003,2004,Sheet,"a\r\nb"\r\n')
    demo("import", str(sheet))
    assert demo.query("SELECT note FROM milestones WHERE title = 'Sheet'") == [("a\nb",)]
    sheet.write_bytes(b'case,date,title\r\nnec-2003,2004,"Bad\rtitle"\r\n')
    assert "U+000D" in demo("import", str(sheet), code=1).stderr
    (count,) = demo.query("SELECT count(*) FROM milestones WHERE title LIKE '%' || char(13) || '%'")
    assert count == (0,)


def test_names_are_taken_in_any_case_and_formats_and_kinds_by_their_other_names(
    demo: Cli,
) -> None:
    demo("edit", "3", "--status", "Disputed")
    assert "Police raid" in demo("timeline", "--status", "DISPUTED").stdout
    demo("case", "add", "old", "--title", "Old", "--status", "Closed")
    demo("party", "add", "Amnesty", "--kind", "organisation")
    demo("party", "add", "Greenpeace", "--kind", "Organization")
    assert demo.query("SELECT status FROM cases WHERE slug = 'old'") == [("closed",)]
    assert demo.query("SELECT DISTINCT kind FROM parties WHERE name IN ('Amnesty', 'Greenpeace')"
                      ) == [("organization",)]  # fmt: skip
    assert demo("export", "-f", "md").stdout.startswith("# Investigation into")
    assert demo("timeline", "-f", "MD").stdout.startswith("| id")
    typo = demo("export", "-f", "mdd", code=2).stderr
    assert "unknown format 'mdd' (did you mean 'markdown'?)" in typo
    swapped = demo("export", "-f", "cvs", code=2).stderr
    assert "unknown format 'cvs' (did you mean 'csv' or 'ics'?)" in swapped
    refused = demo("party", "add", "X", "--kind", "organisaton", code=1).stderr
    assert "(did you mean 'organization'?)" in refused


def test_restore_of_a_word_points_to_case_and_help_shows_no_type_placeholders(demo: Cli) -> None:
    refused = demo("restore", "news-test", code=2).stderr
    assert "'news-test' is not a milestone ID: to restore a case, casetrack restore --case" \
        " news-test" in refused  # fmt: skip
    assert "is below 1" in demo("timeline", "-n", "0", code=2).stderr
    assert "larger than any id" in demo("show", "9" * 25, code=2).stderr
    for command in (["edit"], ["purge"], ["search"], ["deadline", "add"], ["rule", "add"]):
        shown = demo(*command, "--help").stdout
        assert "9223372036854775807" not in shown, command
        options = shown.partition("Options:")[2]  # (Typer shows every argument's type)
        for placeholder in ("<list[str]>", "<int range>"):
            assert placeholder not in options, (command, placeholder)


def test_a_format_named_by_its_standard_or_program_is_that_format(
    demo: Cli, tmp_path: Path
) -> None:
    """'ical' and 'icalendar' are ics, 'word' is docx: asked for by those names, the export
    is written instead of refused with no suggestion."""
    assert demo("export", "-f", "iCal").stdout.startswith("BEGIN:VCALENDAR")
    assert demo("export", "-f", "icalendar").stdout.startswith("BEGIN:VCALENDAR")
    demo("export", "-f", "Word", "-o", str(tmp_path / "nec.docx"))
    assert (tmp_path / "nec.docx").read_bytes().startswith(b"PK")
    assert "unknown format 'ical'" in demo("timeline", "-f", "ical", code=2).stderr  # no ics


def test_excel_asked_for_by_name_or_extension_points_to_csv(demo: Cli, tmp_path: Path) -> None:
    """casetrack writes no workbook: `-f excel` and `-o sheet.xlsx` say that Excel opens CSV
    (and how to keep its accents), naming the formats, and write nothing."""
    refused = demo("export", "-f", "excel", code=2).stderr
    assert "unknown format 'excel': casetrack writes no Excel file; Excel opens csv" in refused
    assert "(export's --excel keeps accents): use json, jsonl, csv," in refused
    refused = demo("timeline", "-f", "XLSX", code=2).stderr
    assert "Excel opens csv" in refused and "use table, markdown, csv, json, jsonl" in refused
    sheet = tmp_path / "sheet.xlsx"
    refused = demo("export", "-o", str(sheet), code=1).stderr
    assert refused == (
        f"casetrack: cannot write {sheet}: casetrack writes no Excel file; Excel opens csv"
        " (export's --excel keeps accents): name it sheet.csv\n"
    )
    assert not sheet.exists()
    assert "Excel" not in demo("timeline", "-f", "xml", code=2).stderr  # no workbook asked for


def test_deadline_list_says_what_lists_deadlines(cli: Cli) -> None:
    """There is no `deadline list`: `upcoming` lists what falls due, and the refusal says so."""
    refused = cli("deadline", "list", code=2).stderr
    assert refused == (
        "casetrack: No such command 'list': 'casetrack upcoming' lists the open deadlines,"
        " 'casetrack timeline --kind deadline' all of a case's (see 'casetrack deadline --help')\n"
    )


def test_from_and_to_name_the_options_a_period_is_given_with(demo: Cli, tmp_path: Path) -> None:
    """`--from`/`--to` (as in `deadline add --from`) point at --since/--until, or --as-of,
    where Click would offer --format and --role; the refusal writes no file."""
    said = demo("timeline", "nec-2003", "--from", "2003", code=2).stderr
    assert said == (
        "casetrack: No such option: --from (did you mean --since?)"
        " (see 'casetrack timeline --help')\n"
    )
    out = tmp_path / "out.csv"
    said = demo("export", "--to", "2004", "-o", str(out), code=2).stderr
    assert "No such option: --to (did you mean --until?)" in said and not out.exists()
    assert "(did you mean --as-of?)" in demo("upcoming", "--from", "2024", code=2).stderr
    assert "Possible options" in demo("timeline", "--frm", "2003", code=2).stderr


def test_an_output_file_asked_of_a_listing_says_to_redirect_it(demo: Cli, tmp_path: Path) -> None:
    """`upcoming -f ics -o due.ics`, as export takes -o: a listing prints to stdout, and the
    refusal says how to send it to a file instead of naming no option; it writes no file."""
    out = tmp_path / "due.ics"
    said = demo("upcoming", "-f", "ics", "-o", str(out), code=2).stderr
    assert said == (
        "casetrack: No such option: -o: 'casetrack upcoming' prints to stdout: send it to a file"
        f" with '>', as in 'casetrack upcoming -f ics > {out}' (see 'casetrack upcoming"
        " --help')\n"
    )
    assert not out.exists()
    said = demo("timeline", "nec-2003", "--output", "t.csv", code=2).stderr
    assert "'casetrack timeline' prints to stdout: send it to a file with '>'" in said


def test_an_output_file_asked_of_a_listing_takes_its_format_from_the_extension(
    demo: Cli, tmp_path: Path
) -> None:
    """The command line shown writes what the file's name says (as export -o does): the
    calendar for due.ics, not the table; a format the listing cannot write points to export."""
    out = tmp_path / "due.ics"
    said = demo("upcoming", "-o", str(out), code=2).stderr
    assert f"as in 'casetrack upcoming -f ics > {out}'" in said
    said = demo("search", "Nec", "--output", "found.md", code=2).stderr
    assert "as in 'casetrack search Nec -f markdown > found.md'" in said
    said = demo("timeline", "nec-2003", "-o", "t.pdf", code=2).stderr
    assert said == (
        "casetrack: No such option: -o: 'casetrack timeline' prints to stdout and does not"
        " write .pdf files: 'casetrack export' does (see 'casetrack export --help')\n"
    )
    assert not out.exists() and not Path("t.pdf").exists()


def test_ids_written_as_in_prose_are_refused_saying_how_to_give_them(demo: Cli) -> None:
    """`rm 4,5`, `show #4` and `show 4,5`: one line saying how the command takes ids (several
    separated by spaces where it takes several), and nothing is changed."""
    before = demo.records()
    assert demo("rm", "4,5", code=2).stderr == (
        "casetrack: give the ids separated by spaces, as in 'casetrack rm 4 5'"
        " (see 'casetrack rm --help')\n"
    )
    assert "give the id as a number, as in 'casetrack show 4'" in demo("show", "#4", code=2).stderr
    said = demo("show", "4,5", code=2).stderr
    assert "give one id, not '4,5': run casetrack show once per id" in said
    assert "is not a valid integer" in demo("show", "abc", code=2).stderr
    said = demo("upcoming", "--days", "4,5", code=2).stderr  # an option's number is no id
    assert "Invalid value for '--days': '4,5' is not a valid integer" in said
    assert demo.records() == before


def test_words_left_over_after_an_option_value_are_quoted_with_it(demo: Cli) -> None:
    """`--party Eleanor Hartley-Brooks:executor` typed unquoted: the hint quotes the party's
    words together, rather than gluing the surname and role onto the title."""
    before = demo.records()
    result = demo(
        "add", "nec-2003", "2021-08-10", "Deposition", "--party", "Eleanor",
        "Hartley-Brooks:executor", code=2,
    )  # fmt: skip
    assert result.stderr == (
        "casetrack: --party takes one NAME[:ROLE]: quote it when it has spaces, e.g. casetrack"
        " add nec-2003 2021-08-10 Deposition --party 'Eleanor Hartley-Brooks:executor'\n"
    )
    # With the title unquoted too, and a short option or --party=NAME: each gets its words.
    said = demo(
        "add", "nec-2003", "2021", "Deposition", "of", "Jane", "-p", "Eleanor", "Hartley",
        "--key", code=2,
    ).stderr  # fmt: skip
    assert said.endswith(
        " casetrack add nec-2003 2021 'Deposition of Jane' -p 'Eleanor Hartley' --key\n"
    )
    said = demo("add", "nec-2003", "2021", "Raid", "--party=Jane", "Roe", code=2).stderr
    assert said.endswith(" casetrack add nec-2003 2021 Raid --party 'Jane Roe'\n")
    # The words an argument left over, before it: they are the argument's, not the option's.
    said = demo("party", "add", "--kind", "person", "Maryam", "Rajavi", code=2).stderr
    assert said.endswith(" e.g. casetrack party add 'Maryam Rajavi'\n")
    assert demo.records() == before


def test_a_mistyped_status_suggests_the_closest_not_its_opposite_too(demo: Cli) -> None:
    """'contestd' is close to 'contested' (disputed) and to 'uncontested' (undisputed): only
    the closer is suggested, as a word and its negation are never both meant."""
    before = demo.records()
    result = demo("add", "nec-2003", "2021", "Raid", "--status", "contestd", code=1)
    assert result.stderr == (
        "casetrack: unknown status 'contestd' (did you mean 'disputed'?): use one of"
        " undisputed, disputed, unsure\n"
    )
    said = demo("add", "nec-2003", "2021", "Raid", "--status", "undisptd", code=1).stderr
    assert "(did you mean 'undisputed'?)" in said
    assert demo.records() == before


def test_the_british_spelling_of_a_kind_is_the_kind(demo: Cli) -> None:
    """`--kind judgement` is the kind judgment, as `organisation` is the party kind
    organization (one table of spellings, models.KIND_SPELLINGS)."""
    new = demo("add", "nec-2003", "2021", "Judgment entered", "--kind", "Judgement").stdout
    assert demo.query("SELECT kind FROM milestones WHERE id = ?", (int(new),)) == [("judgment",)]
    assert "Judgment entered" in demo("timeline", "--kind", "judgement").stdout
    before = demo.records()
    assert demo("kind", "add", "judgement", code=1).stderr == (
        "casetrack: kind 'judgement' is the kind 'judgment' already: give it as you like, or"
        " rename it with 'casetrack kind rename'\n"
    )
    assert demo.records() == before


def test_a_span_marked_uncertain_is_refused_saying_what_to_write(demo: Cli) -> None:
    """'early 2018?' was said to be unreadable at 'early 2018', which reads: the `?` is what
    EDTF cannot store on some day of a span, and the refusal says so."""
    before = demo.records()
    result = demo("add", "nec-2003", "early 2018?", "Deposition", code=1)
    assert result.stderr == (
        "casetrack: cannot read the date 'early 2018?': 'early 2018' is some day in a span, not"
        " known which, and cannot be marked uncertain (EDTF has no such date): write"
        " 'early 2018' and say the doubt in a note\n"
    )
    said = demo("add", "nec-2003", "c. between 2003 and 2005", "Raid", code=1).stderr
    assert "cannot be marked approximate (EDTF has no such date)" in said
    assert demo.records() == before


def test_a_span_the_wrong_way_round_is_refused_with_its_ends_swapped(demo: Cli) -> None:
    before = demo.records()
    result = demo("add", "nec-2003", "2021-2019", "Deposition", code=1)
    assert result.stderr == (
        "casetrack: the date '2021-2019' ends before it starts: write '2019-2021'"
        " (2019 \u2013 2021)\n"
    )
    said = demo("add", "nec-2003", "between June 2005 and 2003", "Raid", code=1).stderr
    assert said.endswith(": write 'between 2003 and June 2005' (between Jan 2003 and Jun 2005)\n")
    assert demo.records() == before


def test_a_third_of_a_month_joined_to_its_year_by_a_hyphen_is_read(demo: Cli) -> None:
    """mid-Apr-2021, as 17-Jun-2003 is read."""
    new = demo("add", "nec-2003", "mid-Apr-2021", "Deposition").stdout
    rows = demo.query("SELECT date FROM milestones WHERE id = ?", (int(new),))
    assert rows == [("[2021-04-11..2021-04-20]",)]


def test_a_bad_year_or_month_is_named(demo: Cli) -> None:
    """A five-digit year and a 13th month are named, not answered with the accepted forms."""
    before = demo.records()
    assert demo("add", "nec-2003", "3 may 20202", "Deposition", code=1).stderr == (
        "casetrack: cannot read '20202' in the date '3 may 20202': a year has four digits"
        " ('20202' has 5)\n"
    )
    assert demo("add", "nec-2003", "2020-13-01", "Deposition", code=1).stderr == (
        "casetrack: '2020-13-01' is not a real date: there is no month 13: write 2020-01-13 if"
        " you mean 13 Jan 2020 (year, month, day)\n"
    )
    assert demo("add", "nec-2003", "2020-13", "Deposition", code=1).stderr == (
        "casetrack: '2020-13' is not a real date: there is no month 13: a month is 01 to 12\n"
    )
    assert demo.records() == before


def test_arguments_in_another_order_are_refused_with_the_order_meant(demo: Cli) -> None:
    """`add DATE CASE TITLE` (a first argument that reads as a date and is no case) says the
    case comes first, naming the case closest to the word typed; a title and a date
    swapped are given back the right way round, quoted for the shell. Nothing is written."""
    before = demo.records()
    result = demo("add", "2021-08-10", "nec-2003", "Deposition", code=1)
    assert result.stderr == (
        "casetrack: '2021-08-10' is a date, not a case: the case comes first, as in"
        " 'casetrack add nec-2003 2021-08-10 Deposition'\n"
    )
    said = demo("add", "2021-08-10", "nec-203", "Deposition of Jane", code=1).stderr
    assert said.endswith(" as in 'casetrack add nec-2003 2021-08-10 \"Deposition of Jane\"'\n")
    said = demo("add", "17 June 2003", "other", "Raid", code=1).stderr
    assert said == (
        "casetrack: '17 June 2003' is a date, not a case: the case comes first, as in"
        " 'casetrack add CASE DATE TITLE'\n"
    )
    result = demo("add", "nec-2003", "Deposition of Jane Smith", "2021-08-10", code=1)
    assert result.stderr == (
        "casetrack: the title and the date are swapped: '2021-08-10' is the date: write"
        " 'casetrack add nec-2003 2021-08-10 \"Deposition of Jane Smith\"'\n"
    )
    assert demo.records() == before
    # A case whose slug reads as a date is a case.
    demo("case", "add", "2021", "--title", "Twenty twenty-one")
    demo("add", "2021", "2021-08-10", "Deposition")


def test_a_commands_option_typed_before_the_command_is_shown_after_it(demo: Cli) -> None:
    """`casetrack --kind ruling add ...`: the option is the command's, and the refusal shows
    the line with it moved after the command (its value with it), writing nothing."""
    before = demo.records()
    said = demo("--kind", "ruling", "add", "nec-2003", "2004", "Ruling", code=2).stderr
    assert said.startswith(
        "casetrack: No such option: --kind: it is an option of 'casetrack add' and goes after"
        " it, as in 'casetrack --db "
    )
    assert said.endswith(" add nec-2003 2004 Ruling --kind ruling' (see 'casetrack add --help')\n")
    said = demo("-f", "csv", "party", "list", code=2).stderr
    assert " party list -f csv' (see 'casetrack party list --help')" in said
    said = demo("--key", "timeline", "nec-2003", code=2).stderr
    assert " timeline nec-2003 --key' (see" in said
    assert "goes after" not in demo("--kindd", "x", "add", code=2).stderr
    assert demo.records() == before
