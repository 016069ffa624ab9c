"""Building each command's Click object only when a run uses it.

On every run Typer turns every registered function into a Click command: it reads the
signature, evaluates the annotations and makes the parameters. For casetrack's three dozen
commands that is about 20 ms, a sixth of the whole start-up budget, spent on commands the
run never touches. `install` makes Typer's groups hold a light stand-in per command (its
name and how to build it) and build the real command the first time the group hands it
out: `casetrack timeline` builds one command, `casetrack --help` still builds them all.

This reaches into Typer internals (typer.main.get_command_from_info and
get_group_from_info). If they move, `install` does nothing and every command is built
up front as usual: slower, never wrong. tests/test_startup.py checks both ways agree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, MutableMapping
from functools import partial
from typing import Any

import typer.main


class _Pending:
    """A command Typer has not built yet."""

    def __init__(self, name: str, build: Callable[[], Any]) -> None:
        self.name = name
        self.build = build


class _BuiltOnDemand(MutableMapping[str, Any]):
    """A group's commands by name; a pending one is built when first looked up."""

    def __init__(self, commands: Mapping[str, Any]) -> None:
        self._commands = dict(commands)

    def __getitem__(self, name: str) -> Any:
        command = self._commands[name]
        if isinstance(command, _Pending):
            command = self._commands[name] = command.build()
        return command

    def __setitem__(self, name: str, command: Any) -> None:
        self._commands[name] = command

    def __delitem__(self, name: str) -> None:
        del self._commands[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._commands)

    def __len__(self) -> int:
        return len(self._commands)


def install() -> None:
    """Make Typer's groups build their commands on demand (once per process)."""
    build_command = getattr(typer.main, "get_command_from_info", None)
    build_group = getattr(typer.main, "get_group_from_info", None)
    command_name = getattr(typer.main, "get_command_name", None)
    if build_command is None or build_group is None or command_name is None:
        return  # pragma: no cover - a Typer whose internals moved
    if getattr(build_group, "_casetrack_on_demand", False):
        return
    building_groups = 0

    def command_from_info(command_info: Any, **options: Any) -> Any:
        if not building_groups or command_info.callback is None:
            return build_command(command_info, **options)
        name = command_info.name or command_name(command_info.callback.__name__)
        return _Pending(name, partial(build_command, command_info, **options))

    def group_from_info(group_info: Any, **options: Any) -> Any:
        nonlocal building_groups
        building_groups += 1
        try:
            group = build_group(group_info, **options)
        finally:
            building_groups -= 1
        group.commands = _BuiltOnDemand(group.commands)
        return group

    group_from_info._casetrack_on_demand = True  # type: ignore[attr-defined]
    typer.main.get_command_from_info = command_from_info
    typer.main.get_group_from_info = group_from_info
