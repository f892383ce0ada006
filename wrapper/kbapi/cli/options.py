"""Options shared by the commands of a group, declared once on the group's typer callback.

``kbapi q --layout fr-FR send ...`` and ``kbapi q send ... --layout fr-FR`` both work: the group
class moves its own options found after the command name in front of it before parsing, so
each shared option is declared once (on the callback, stored in ``ctx.obj``) and still reads
naturally after the command, as in the README.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated, Final, TypeVar

import typer

# typer vendors click (typer._click): its Context, Command and Parameter are the types its
# groups are built from, and the pip `click` package's types are not compatible with them.
from typer import _click as click
from typer.core import TyperGroup, TyperOption

from kbapi._core.errors import InputError

QMK_URL_ENV: Final = "KBAPI_QMK_URL"
QMK_METADATA_URL_ENV: Final = "KBAPI_QMK_METADATA_URL"

Timeout = Annotated[
    float | None,
    typer.Option(
        "--timeout",
        min=0.1,
        help="Seconds to wait for each answer (default: 30, or 10 in `kbapi contract`). A "
        "GET that times out is tried up to 3 times in all.",
        show_default=False,
    ),
]


@dataclass(frozen=True)
class Runtime:
    """What commands wait with; tests pass theirs: ``runner.invoke(app, args, obj=Runtime())``."""

    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic


def runtime(ctx: typer.Context) -> Runtime:
    """The `Runtime` given to the command line, else the real clock and sleep."""
    found = ctx.find_object(Runtime)
    return found if found is not None else Runtime()


def option_arity(params: Sequence[click.Parameter]) -> dict[str, int]:
    """``{"--name": values_it_takes}`` for the typer options in `params` (not ``--help``): 0 for
    flags, 2 for ``--report json FILE``."""
    arity: dict[str, int] = {}
    for param in params:
        if not isinstance(param, TyperOption) or "--help" in param.opts:
            continue
        takes = 0 if param.is_flag or param.count else param.nargs
        for name in (*param.opts, *param.secondary_opts):
            arity[name] = takes
    return arity


def hoist(args: Sequence[str], arity: Mapping[str, int]) -> list[str]:
    """`args` with every option named in `arity` (and its values) moved to the front.

    Stops at ``--``. ``--name=value`` and ``--name value`` are both understood.
    """
    front: list[str] = []
    rest: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            rest.extend(args[index:])
            break
        name, has_inline_value = arg.split("=", 1)[0], "=" in arg
        if name in arity:
            values = [] if has_inline_value else args[index + 1 : index + 1 + arity[name]]
            front += [arg, *values]
            index += len(values)
        else:
            rest.append(arg)
        index += 1
    return front + rest


class SharedOptionsGroup(TyperGroup):
    """A typer group whose callback options may also be given after the command name."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Hoist the group's options, then parse as usual."""
        return super().parse_args(ctx, hoist(args, option_arity(self.get_params(ctx))))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command, its help saying that the group's options apply too."""
        command = super().get_command(ctx, cmd_name)
        if command is not None and not command.epilog:
            names = sorted({n for n in option_arity(self.get_params(ctx)) if "--no-" not in n})
            command.epilog = (
                f"Also takes the options of `{ctx.command_path}` ({', '.join(names)}), "
                f"before or after {cmd_name}: see `{ctx.command_path} --help`."
            )
        return command


T = TypeVar("T")


def settings(ctx: typer.Context, kind: type[T]) -> T:
    """The group's settings, stored in `ctx.obj` by its callback."""
    found = ctx.find_object(kind)
    if found is None:  # only when a command is invoked without its group (a programming error)
        raise InputError(f"{ctx.command_path}: missing {kind.__name__}")
    return found
