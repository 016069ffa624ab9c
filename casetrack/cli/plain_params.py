"""Converting command-line values without pydantic, so a command starts in a blink.

Typer (0.26 and later) converts every parameter through a pydantic TypeAdapter, built the
first time the parameter is processed, whether it was given or not. Importing pydantic and
building a dozen adapters costs about 100 ms on every run: more than the rest of a
`timeline` query on a million milestones. casetrack's parameters are plain str, int, bool
flags, Path, enums and lists of those, which need no pydantic: `install` makes Typer give
each of them a direct converter, with Typer's own checks and messages, and leaves any
other parameter to Typer's pydantic way.

This reaches into Typer internals (_TyperParameter.get_runtime_param in typer.core,
typer._coercion, typer._param_types). If they move, `install` does nothing and Typer
converts as usual: slower, never wrong.
tests/test_startup.py fails if a command starts importing pydantic again.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

Converter = Callable[[Any, Any, Any], Any]  # (value, param, ctx) -> converted value

try:
    from typer._click.exceptions import BadParameter
    from typer._coercion import RuntimeParam
    from typer._param_types import coerce_cli_choice, coerce_cli_path, routes_to_path
    from typer.core import _TyperParameter

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
            except ValueError as err:
                raise BadParameter(str(err), ctx=ctx, param=param) from None

    _SUPPORTED = True
except ImportError:  # pragma: no cover - a Typer whose internals moved
    _SUPPORTED = False


def _str(value: Any, param: Any, ctx: Any) -> str:
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
        return _str
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


def install() -> None:
    """Make Typer try a plain converter before building a pydantic one (once per process)."""
    if not _SUPPORTED or getattr(_TyperParameter, "_casetrack_plain", False):
        return
    typer_way = _TyperParameter.get_runtime_param

    def get_runtime_param(self: Any) -> Any:
        if self._runtime_param is None:
            self._runtime_param = plain_param(self)
        return typer_way(self)

    _TyperParameter.get_runtime_param = get_runtime_param  # type: ignore[method-assign]
    _TyperParameter._casetrack_plain = True  # type: ignore[attr-defined]
