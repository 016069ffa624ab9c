"""Every use of Typer's internals, behind one guard: two start-up speed-ups and nothing else.

1. Plain converters. Typer (0.26 and later) converts every parameter through a pydantic
   TypeAdapter, built the first time the parameter is processed, whether it was given or
   not. Importing pydantic and building a dozen adapters costs about 100 ms on every run:
   more than the rest of a `timeline` query on a million milestones. casetrack's parameters
   are plain str, int, bool flags, Path, enums and lists of those: `install` gives each a
   direct converter with Typer's own checks and messages, and leaves any other parameter to
   Typer's pydantic way.
2. Commands built on demand. On every run Typer turns every registered function into a Click
   command; for casetrack's three dozen commands that is about 20 ms spent on commands the
   run never touches. `install` makes Typer's groups hold a light stand-in per command and
   build the real one the first time the group hands it out.

Both reach into Typer internals (typer._coercion, typer._param_types, typer.core's
_TyperParameter, typer.main's get_command_from_info and get_group_from_info). pyproject.toml
pins Typer to the minor version tested. If any of them moves, or CASETRACK_PLAIN_TYPER is set,
`install` does nothing and Typer works as usual: slower, never wrong. CI runs the CLI tests
both ways; tests/test_startup.py checks that both build the same commands and that no command
imports pydantic.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass
from enum import Enum
from functools import partial
from pathlib import Path
from typing import Any, get_args, get_origin

import typer
import typer.main

from casetrack.cli.common import not_utf8

OFF_VAR = "CASETRACK_PLAIN_TYPER"

Converter = Callable[[Any, Any, Any], Any]  # (value, param, ctx) -> converted value

try:
    from typer._coercion import RuntimeParam
    from typer._param_types import coerce_cli_choice, coerce_cli_path, routes_to_path
    from typer.core import _TyperParameter

    _build_command = typer.main.get_command_from_info
    _build_group = typer.main.get_group_from_info
    _command_name = typer.main.get_command_name

    @dataclass(frozen=True)
    class _PlainParam(RuntimeParam):
        """Converts a value, or each value of a list, with a plain function."""

        convert: Converter
        many: bool

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            try:
                if not self.many:
                    return self.convert(value, param, ctx)
                values = value if isinstance(value, list | tuple) else [value]
                return [self.convert(v, param, ctx) for v in values]
            except _NotUtf8 as err:
                raise _RefusedValue(str(err), ctx=ctx, param=param) from None
            except ValueError as err:
                raise typer.BadParameter(str(err), ctx=ctx, param=param) from None

    class _RefusedValue(typer.BadParameter):
        """A value refused as input (exit 1) rather than a command line misused (exit 2)."""

        exit_code = 1

    SUPPORTED = True
except (ImportError, AttributeError):  # a Typer whose internals moved
    SUPPORTED = False


class _NotUtf8(ValueError):
    """An argument holding bytes that are not UTF-8."""


def _str(value: Any, param: Any, ctx: Any) -> str:
    """Text as typed, refused as it is read when it is not UTF-8 (without the speed-ups, the
    group's invoke refuses it when it is first used)."""
    text = value if isinstance(value, str) else str(value)
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise _NotUtf8(not_utf8(text)) from None
    return text


def _file_name(value: Any, param: Any, ctx: Any) -> str:
    """A file name is passed to the system as it came, whatever its bytes."""
    return value if isinstance(value, str) else str(value)


def _int(value: Any, param: Any, ctx: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = str(value).strip()
    if not text.lstrip("+-").isdigit():
        raise ValueError(f"{value!r} is not a valid integer")
    return int(text)


def _int_range(low: int | None, high: int | None) -> Converter:
    """An int that must lie within [low, high], as Click's IntRange says it."""
    bounds = " and ".join(
        f"x{sign}{limit}" for sign, limit in ((">=", low), ("<=", high)) if limit is not None
    )

    def within(value: Any, param: Any, ctx: Any) -> int:
        number = _int(value, param, ctx)
        if (low is not None and number < low) or (high is not None and number > high):
            raise ValueError(f"{number} is not in the range {bounds}.")
        return number

    return within


_BOOLS = dict.fromkeys(("1", "true", "t", "yes", "y", "on"), True) | dict.fromkeys(
    ("0", "false", "f", "no", "n", "off"), False
)


def _bool(value: Any, param: Any, ctx: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text not in _BOOLS:
        raise ValueError(f"{value!r} is not a valid boolean")
    return _BOOLS[text]


def _converter(annotation: Any, info: Any) -> Converter | None:
    """A plain converter for this annotation, or None to leave it to Typer."""
    if info.parser is not None:
        return None
    if annotation is str:
        return _file_name if info.metavar == "FILE" else _str
    if annotation is bool:
        return _bool
    if annotation is int and not getattr(info, "clamp", False):
        return _int if info.min is None and info.max is None else _int_range(info.min, info.max)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        choices = list(annotation)

        def choice(value: Any, param: Any, ctx: Any) -> Any:
            return coerce_cli_choice(
                value, choices=choices, case_sensitive=info.case_sensitive, ctx=ctx
            )

        return choice
    if isinstance(annotation, type) and issubclass(annotation, Path) and info.path_type is None:
        path_type = annotation

        def path(value: Any, param: Any, ctx: Any) -> Any:
            # path_type=None: Typer's existence and permission checks, without pydantic.
            checked = coerce_cli_path(value, info, path_type=None, param=param, ctx=ctx)
            return path_type(os.fsdecode(checked))

        return path if routes_to_path(annotation, info) else None
    return None


def plain_param(param: Any) -> Any:
    """A direct converter for this Typer parameter, or None when Typer must convert it."""
    descriptor = param.type_descriptor
    if descriptor.is_file:
        return None
    annotation = descriptor.annotation
    many = get_origin(annotation) is list
    leaf = get_args(annotation)[0] if many else annotation
    convert = _converter(leaf, descriptor.parameter_info)
    if convert is None:
        return None
    return _PlainParam(
        parameter_info=descriptor.parameter_info,
        annotation=annotation,
        convert=convert,
        many=many,
    )


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


def install() -> bool:
    """Install both speed-ups once per process; False when Typer is left as it is."""
    if not SUPPORTED or os.environ.get(OFF_VAR):
        return False
    if not getattr(_TyperParameter, "_casetrack_plain", False):
        _install_plain_params()
    if not getattr(typer.main.get_group_from_info, "_casetrack_on_demand", False):
        _install_on_demand()
    return True


def _install_plain_params() -> None:
    """Make Typer try a plain converter before building a pydantic one."""
    typer_way = _TyperParameter.get_runtime_param

    def get_runtime_param(self: Any) -> Any:
        if self._runtime_param is None:
            self._runtime_param = plain_param(self)
        return typer_way(self)

    _TyperParameter.get_runtime_param = get_runtime_param  # type: ignore[method-assign]
    _TyperParameter._casetrack_plain = True  # type: ignore[attr-defined]


def _install_on_demand() -> None:
    """Make Typer's groups build their commands on demand."""
    building_groups = 0

    def command_from_info(command_info: Any, **options: Any) -> Any:
        if not building_groups or command_info.callback is None:
            return _build_command(command_info, **options)
        name = command_info.name or _command_name(command_info.callback.__name__)
        return _Pending(name, partial(_build_command, command_info, **options))

    def group_from_info(group_info: Any, **options: Any) -> Any:
        nonlocal building_groups
        building_groups += 1
        try:
            group = _build_group(group_info, **options)
        finally:
            building_groups -= 1
        group.commands = _BuiltOnDemand(group.commands)
        return group

    group_from_info._casetrack_on_demand = True  # type: ignore[attr-defined]
    typer.main.get_command_from_info = command_from_info
    typer.main.get_group_from_info = group_from_info
