"""The Markdown export read by real renderers: user text comes out as typed, never as a link,
emphasis, code, a list or HTML, in Python-Markdown (what MkDocs uses) and in CommonMark."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.budget import examples
from tests.conftest import Cli

# Void elements: no closing tag in HTML (markdown-it writes <img ...>, Python-Markdown <img />).
_VOID = {"img", "br", "hr", "input", "meta", "link"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str | None] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)

    def text(self) -> str:
        """The text a reader sees, spaces collapsed."""
        parts = [c if isinstance(c, str) else c.text() for c in self.children]
        return " ".join("".join(parts).split())

    def tags(self) -> list[str]:
        """Every element below this one."""
        return [t for c in self.children if isinstance(c, Node) for t in [c.tag, *c.tags()]]

    def find(self, tag: str) -> list[Node]:
        found = [c for c in self.children if isinstance(c, Node) and c.tag == tag]
        return found + [n for c in self.children if isinstance(c, Node) for n in c.find(tag)]


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        while len(self.stack) > 1 and self.stack.pop().tag != tag:
            pass

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def _python_markdown(text: str) -> str:
    import markdown

    # MkDocs' own extensions and the ones that read more of the text as Markdown.
    return markdown.markdown(
        text,
        extensions=["tables", "footnotes", "toc", "fenced_code", "attr_list", "def_list",
                    "abbr", "admonition", "md_in_html"],
    )  # fmt: skip


def _commonmark(text: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text)


RENDERERS = [_python_markdown, _commonmark]


def _tree(page: str) -> Node:
    parser = _Tree()
    parser.feed(page)
    parser.close()
    return parser.root


def _same(text: str) -> str:
    return " ".join(text.split())


def _export(cli: Cli, title: str, note: str, party: str, summary: str, source: str) -> str:
    """One case with one milestone holding the given text, exported as Markdown."""
    cli("case", "edit", "x", "--title", title, "--summary", summary)
    cli("edit", "1", "--title", title, "--note", note, "--source", "https://example.org/a",
        "--quote", note)  # fmt: skip
    ((name,),) = cli.query("SELECT name FROM parties")
    if name != party:
        cli("party", "rename", str(name), party)
    cli("source", "edit", "1", "--title", source, "--publisher", "p")
    return cli("export", "x", "--format", "markdown").stdout


def _check(page: str, title: str, note: str, party: str, summary: str, source: str) -> None:
    root = _tree(page)
    (h1,) = root.find("h1")
    assert h1.text() == _same(title)
    assert not [t for t in h1.tags() if t != "a"]  # a heading's own permalink only
    # The summary: the paragraphs between the heading's line of facts and the table.
    top = [c for c in root.children if isinstance(c, Node)]
    table = next(i for i, node in enumerate(top) if node.tag == "table")
    body = top[2:table]
    assert _same(" ".join(p.text() for p in body)) == _same(summary)
    assert [(p.tag, p.tags()) for p in body] == [("p", [])] * len(body)
    # The table: user text in cells, nothing but text in them.
    cells = root.find("td")
    assert cells[2].text() == _same(f"{title} — {note}")
    assert cells[2].tags() == []
    assert cells[3].text() == _same(f"{party} (witness)")
    assert cells[3].tags() == []
    # The footnote: one link, to the source's URL, its text the source's title.
    # (A footnote to Python-Markdown, a paragraph to CommonMark, which has none.)
    (item,) = root.find("li") or top[table + 1 :]
    links = [a for a in item.find("a") if not (a.attrs.get("href") or "").startswith("#")]
    assert [a.attrs["href"] for a in links] == ["https://example.org/a"]
    assert links[0].text() == _same(source)
    assert links[0].tags() == []
    assert "“" + _same(note) + "”" in item.text()
    others = [t for t in item.tags() if t not in ("p", "a")]
    assert others == [], others


@pytest.fixture
def hostile(cli: Cli) -> Cli:
    cli("case", "add", "x", "--title", "X")
    cli("add", "x", "2003-06-17", "Raid", "--party", "Doe:witness",
        "--source", "https://example.org/a", "--quote", "q")  # fmt: skip
    return cli


TRIAL = "[link](javascript:alert(1)) *star* _u_"


@pytest.mark.parametrize("render", RENDERERS)
def test_markdown_export_shows_links_and_emphasis_in_user_text_as_typed(
    hostile: Cli, render: Callable[[str], str]
) -> None:
    fields = {"title": TRIAL, "note": "**b** `c` ![i](x) <b>h</b> [^1]", "party": "~~Doe~~ <i>",
              "summary": "- list\n# h\n1. one\n> quote\n    code\n[r]: https://e.org\n---",
              "source": "[s](javascript:x) {: .c}"}  # fmt: skip
    page = render(_export(hostile, **fields))
    assert "javascript" not in " ".join(str(a.attrs) for a in _tree(page).find("a"))
    _check(page, **fields)
    # A source that is no URL (a citation) begins its footnote: a list there is text too.
    citation = "- [c](javascript:x) *d*: e"
    hostile("add", "x", "2004", "Second", "--source", citation)
    root = _tree(render(hostile("export", "x", "--format", "markdown").stdout))
    assert "javascript" not in " ".join(str(a.attrs) for a in root.find("a"))
    assert not {"ul", "em", "dl"} & set(root.tags())
    assert citation in root.text()


_SNIPPETS = [
    "[link](javascript:alert(1))", "*star*", "_u_", "__b__", "**b**", "`code`", "``c``",
    "![i](x)", "<b>x</b>", "<http://x.org>", "<a@b.org>", "&amp;", "&#42;", "~~s~~", "[^1]",
    "{: .c}", "{#id}", "# h", "## h ##", "- item", "* item", "+ item", "1. one", "1) one",
    "> q", "---", "===", "***", "___", "\\", "\\*", "|", "| a | b |", "[x]: http://y",
    "<!-- c -->", "    code", ": def", "[TOC]", "*[HTML]: Hyper", "```", "~~~", "!!! note",
    "<div markdown=1>", "\\|", "a  ", "[a][b]", "[b]", "https://e.org", "www.e.org",
]  # fmt: skip
_PIECE = st.one_of(st.sampled_from(_SNIPPETS), st.text("ab *_`[]()<>&!#|~\\-+=:.1{}^", max_size=6))


def _joined(separators: str) -> st.SearchStrategy[str]:
    """Hostile text: snippets and specials joined by the given separators, not blank."""
    return (
        st.lists(st.tuples(_PIECE, st.sampled_from(separators)), min_size=1, max_size=5)
        .map(lambda parts: "".join(p + s for p, s in parts).strip())
        .filter(lambda text: bool(text) and not text.startswith("-"))
    )


@settings(max_examples=examples(60), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(title=_joined(" "), note=_joined(" \n"), party=_joined(" "), summary=_joined(" \n"),
       source=_joined(" "))  # fmt: skip
# A source title opening with a caret made its link "[^ ...](url)", a footnote reference to
# Python-Markdown: the footnote lost its link.
@example(title="t", note="n", party="p", summary="s", source="^ *[HTML]: Hyper")
def test_markdown_export_never_reads_user_text_as_markdown(
    hostile: Cli, title: str, note: str, party: str, summary: str, source: str
) -> None:
    page = _export(hostile, title, note, party, summary, source)
    for render in RENDERERS:
        _check(render(page), title, note, party, summary, source)


@pytest.mark.parametrize("render", RENDERERS)
def test_a_filtered_markdown_export_says_what_it_selected_under_each_case(
    hostile: Cli, render: Callable[[str], str]
) -> None:
    """Pasted into a brief, a chronology of some facts must not read as the whole of them:
    the filters are said in words under each case's heading, as in the docx report; a party
    named like Markdown is shown as typed."""
    hostile("add", "x", "2004", "Release", "--party", "*Roe*:witness")
    page = hostile("export", "x", "--party", "*Roe*", "--since", "2004", "-f", "md").stdout
    assert page.count("Selected: ") == 1 and "Raid" not in page
    root = _tree(render(page))
    assert "Selected: involving *Roe*; from 2004" in root.text()
    assert "strong" not in root.tags()
    assert "Selected" not in hostile("export", "x", "-f", "md").stdout
