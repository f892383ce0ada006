"""What the compile worker makes of a keymap: the job result and its artifacts.

This plays `qmk_compiler.compile_json` without a compiler: the keyboard must be a fixture board,
the keymap must fit the schema, every layer must have as many keys as the layout (after
`layout_aliases`) and every keycode must look like a C identifier or macro call. Anything else
ends as a compiler-like failure, as the real worker reports it.

Test hooks (keymap names): `__fail__` makes the job end with status `failed` (an RQ-level
failure, `result: null`); `__exception__` makes the worker raise (`returncode: -3`);
`__nofw__` builds without leaving a firmware file (`returncode: 0`, `firmware_filename: null`
and the upstream typo key `return_code: -4`, as `qmk compile` exiting 0 without a file gives).
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kbapi.mock.qmk import firmware
from kbapi.mock.qmk.fixtures import KeyboardInfo, firmware_format, resolve_layout
from kbapi.mock.qmk.keymap_c import generate_c, strip_any

FAIL_KEYMAP = "__fail__"
EXCEPTION_KEYMAP = "__exception__"
NO_FIRMWARE_KEYMAP = "__nofw__"
KEYCODE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\(.*\))?$", re.DOTALL)
OK = "\x1b[32;01m[OK]\x1b[0m"
ERRORS = "\x1b[31;01m[ERRORS]\x1b[0m"
MAX_ERRORS = 20
CLONE_FAILED = (
    "subprocess.CalledProcessError: Command '['git', 'clone', '-q', '--depth', '1', '-b', "
    "'master', 'https://github.com/qmk/qmk_firmware.git']' returned non-zero exit status 128."
)
CONTENT_TYPES = {
    "hex": "application/octet-stream",
    "bin": "application/octet-stream",
    "uf2": "application/octet-stream",
    "json": "application/json",
    "zip": "application/zip",
}


@dataclass(frozen=True)
class Artifact:
    """A stored file: its bytes and content type."""

    content: bytes
    content_type: str


@dataclass(frozen=True)
class BuildOutcome:
    """The end of a job: RQ status, `result`, stored files and whether metadata was stored."""

    status: str
    result: dict[str, Any] | None
    artifacts: dict[str, Artifact] = field(default_factory=dict)
    has_metadata: bool = False

    @property
    def is_failed(self) -> bool:
        """The `is_failed` value the API computes for a finished or failed job."""
        if self.status == "failed" or self.result is None:
            return self.status == "failed"
        return self.result.get("returncode") != 0


@dataclass(frozen=True)
class BuildRequest:
    """Everything the worker gets: the job id, payload, submitter IP and the API base URL."""

    job_id: str
    payload: Mapping[str, Any]
    source_ip: str | None
    base_url: str


def _names(keyboard: str, keymap: str) -> tuple[str, str, str]:
    slug = f"{keyboard}-{keymap}".replace("/", "-")
    return f"{keyboard.replace('/', '_')}_{keymap}", f"{slug}.json", f"qmk_firmware-{slug}.zip"


def _urls(req: BuildRequest, *kinds: str) -> dict[str, list[str]]:
    key = {"download": "firmware_binary_url", "keymap": "firmware_keymap_url"}
    return {
        key.get(kind, "firmware_source_url"): [f"{req.base_url}/v1/compile/{req.job_id}/{kind}"]
        for kind in kinds
    }


def _schema_error(payload: Mapping[str, Any]) -> str | None:
    layers = payload.get("layers")
    if not isinstance(layers, list) or not all(isinstance(layer, list) for layer in layers):
        return "'layers' must be an array of arrays"
    for layer in layers:
        for key in layer:
            if not isinstance(key, str):
                return f"{json.dumps(key)} is not of type 'string'"
    encoders = payload.get("encoders")
    if encoders is not None and not _valid_encoders(encoders):
        return "'encoders' must be an array of arrays of {ccw, cw} objects"
    modules = payload.get("modules")
    if modules is not None and not (
        isinstance(modules, list) and all(isinstance(m, str) for m in modules)
    ):
        return "'modules' must be an array of strings"
    macros = payload.get("macros")
    if macros is not None and not _valid_macros(macros):
        return "'macros' must be an array of arrays of strings and objects"
    return None


def _valid_encoders(encoders: Any) -> bool:
    return isinstance(encoders, list) and all(
        isinstance(layer, list)
        and all(
            isinstance(e, dict) and isinstance(e.get("ccw"), str) and isinstance(e.get("cw"), str)
            for e in layer
        )
        for layer in encoders
    )


def _valid_macros(macros: Any) -> bool:
    return isinstance(macros, list) and all(
        isinstance(macro, list) and all(isinstance(item, str | dict) for item in macro)
        for macro in macros
    )


def _layer_line(keymap_c: str, layer: int) -> int:
    prefix = f"    [{layer}] = "
    for number, line in enumerate(keymap_c.splitlines(), start=1):
        if line.startswith(prefix):
            return number
    return 1


def _compile_errors(payload: Mapping[str, Any], info: KeyboardInfo, keymap_c: str) -> list[str]:
    layout = str(payload["layout"])
    keys = resolve_layout(info, layout)
    errors: list[str] = []
    for number, layer in enumerate(payload["layers"]):
        where = f"keymap.c:{_layer_line(keymap_c, number)}:11"
        if keys is None:
            errors.append(
                f"{where}: error: implicit declaration of function '{layout}' "
                f"[-Werror=implicit-function-declaration] (layer {number})"
            )
            continue
        if len(layer) < len(keys):
            errors.append(
                f'{where}: error: macro "{layout}" requires {len(keys)} arguments, '
                f"but only {len(layer)} given (layer {number})"
            )
        elif len(layer) > len(keys):
            errors.append(
                f'{where}: error: macro "{layout}" passed {len(layer)} arguments, '
                f"but takes just {len(keys)} (layer {number})"
            )
        errors.extend(
            f"{where}: error: '{key}' undeclared here (not in a function) (layer {number})"
            for key in layer
            if not KEYCODE.match(strip_any(key))
        )
    return errors[:MAX_ERRORS]


def _make_line(keyboard: str, keymap: str, archive: str) -> str:
    return (
        "Ψ Compiling keymap with make -s --jobs=1 -r -R -f builddefs/build_keyboard.mk "
        f"KEYBOARD={keyboard} KEYMAP={keymap} KEYMAP_JSON={archive} "
        f"KEYMAP_PATH=.build/obj_{keyboard.replace('/', '_')}_{keymap}/src "
        'QMK_BIN="qmk" VERBOSE=false COLOR=true SILENT=false\n\n'
    )


def _toolchain(fmt: str) -> str:
    if fmt == "hex":
        return "avr-gcc (GCC) 5.4.0\nCopyright (C) 2015 Free Software Foundation, Inc.\n"
    return "arm-none-eabi-gcc (15:10.3-2021.07-4) 10.3.1 20210621 (release)\n"


def _success_output(req: BuildRequest, fmt: str, size: int, archive: str) -> str:
    keyboard, keymap = str(req.payload["keyboard"]), str(req.payload["keymap"])
    stem = f"{keyboard.replace('/', '_')}_{keymap}"
    obj = f".build/obj_{stem}"
    limit = 28672 if fmt == "hex" else 65536
    percent = size * 100 // limit
    lines = [
        _make_line(keyboard, keymap, archive) + _toolchain(fmt),
        f"Generating: {obj}/src/info_config.h {OK}",
        f"Generating: {obj}/src/default_keyboard.c {OK}",
        f"Generating: {obj}/src/keymap.c {OK}",
        f"Compiling: {obj}/src/keymap.c {OK}",
        f"Linking: .build/{stem}.elf {OK}",
        f"Creating load file for flashing: .build/{stem}.{fmt} {OK}",
        f"Copying {stem}.{fmt} to qmk_firmware folder {OK}",
        f"Checking file size of {stem}.{fmt} {OK}",
        f" * The firmware size is fine - {size}/{limit} ({percent}%, {limit - size} bytes free)",
    ]
    return "\n".join(lines) + "\n"


def _failure_output(req: BuildRequest, archive: str, errors: list[str]) -> str:
    keyboard, keymap = str(req.payload["keyboard"]), str(req.payload["keymap"])
    obj = f".build/obj_{keyboard.replace('/', '_')}_{keymap}"
    body = "\n".join(f"{obj}/src/{error}" for error in errors)
    return (
        _make_line(keyboard, keymap, archive)
        + f"Generating: {obj}/src/keymap.c {OK}\n"
        + f"Compiling: {obj}/src/keymap.c {ERRORS}\n{body}\n"
        + f"make: *** [builddefs/common_rules.mk:373: {obj}/src/keymap.o] Error 1\n"
    )


def _source_zip(keyboard: str, keymap: str, archive: str, keymap_json: str, keymap_c: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(archive, keymap_json)
        zf.writestr(f"keyboards/{keyboard}/keymaps/{keymap}/keymap.c", keymap_c)
    return buffer.getvalue()


def _base_result(req: BuildRequest, archive: str, keymap_json: str) -> dict[str, Any]:
    return {
        "keyboard": req.payload["keyboard"],
        "returncode": -2,
        "output": "Unknown error",
        "firmware": None,
        "firmware_filename": "",
        "source_ip": req.source_ip,
        "public_firmware": False,
        "layout": req.payload["layout"],
        "keymap": req.payload["keymap"],
        "keymap_archive": archive,
        "keymap_json": keymap_json,
        "command": ["qmk", "compile", archive],
        "id": req.job_id,
    }


def _worker_exception(
    req: BuildRequest, archive: str, keymap_json: str, exception: str, line: int, error: str
) -> dict[str, Any]:
    """The result of a worker whose compile_json raised `exception` at `line`: `returncode`
    -3, with the traceback ending in `error`."""
    result = _base_result(req, archive, keymap_json)
    result.update(
        returncode=-3,
        exception=exception,
        stacktrace=(
            "Traceback (most recent call last):\n"
            f'  File "/qmk_compiler/qmk_compiler.py", line {line}, in compile_json\n{error}\n'
        ),
    )
    return result


def run_build(req: BuildRequest, keyboards: Mapping[str, KeyboardInfo]) -> BuildOutcome:
    """Return what the worker produces for `req` (pure: same request -> same outcome)."""
    try:
        return _run_build(req, keyboards)
    except UnicodeEncodeError as exc:
        # A lone surrogate (valid JSON `"\ud800"`, not UTF-8) in a name or keycode: the real
        # worker fails writing the files, a worker exception that stores nothing.
        archive = _names(str(req.payload["keyboard"]), str(req.payload["keymap"]))[1]
        error = f"{type(exc).__name__}: {exc}"
        keymap_json = json.dumps(dict(req.payload))
        result = _worker_exception(req, archive, keymap_json, type(exc).__name__, 330, error)
        return BuildOutcome("finished", result)


def _run_build(req: BuildRequest, keyboards: Mapping[str, KeyboardInfo]) -> BuildOutcome:
    names = req.payload["keyboard"], req.payload["keymap"]
    if not all(isinstance(name, str) for name in names):
        # Only with live deviations can such a body be enqueued; the worker's `.replace` on the
        # name raises before its try block has a job to store metadata for: RQ marks it failed.
        return BuildOutcome("failed", None)
    keyboard, keymap = str(names[0]), str(names[1])
    if keymap == FAIL_KEYMAP:
        return BuildOutcome("failed", None)
    info = keyboards.get(keyboard)
    if info is None:
        unknown = {"returncode": -1, "command": "", "output": "Unknown keyboard!", "firmware": None}
        return BuildOutcome("finished", unknown)
    stem, archive, source_archive = _names(keyboard, keymap)
    keymap_json = json.dumps(dict(req.payload))
    if keymap == EXCEPTION_KEYMAP:
        result = _worker_exception(
            req, archive, keymap_json, "CalledProcessError", 312, CLONE_FAILED
        )
        # The worker failed before it uploaded anything; only the metadata gets stored.
        return BuildOutcome("finished", result, {}, has_metadata=True)
    result = _base_result(req, archive, keymap_json)
    artifacts = {archive: Artifact(keymap_json.encode(), CONTENT_TYPES["json"])}
    cmd = ["qmk", "compile", archive]  # what a failed build's result names
    schema_error = _schema_error(req.payload)
    if schema_error is not None:
        output = f"Invalid JSON keymap: {archive} : {schema_error}\n"
        return _stored(req, result, artifacts, source_archive, returncode=1, output=output, cmd=cmd)
    keymap_c = generate_c(req.payload)
    artifacts[source_archive] = Artifact(
        _source_zip(keyboard, keymap, archive, keymap_json, keymap_c), CONTENT_TYPES["zip"]
    )
    errors = _compile_errors(req.payload, info, keymap_c)
    if errors:
        output = _failure_output(req, archive, errors)
        return _stored(req, result, artifacts, source_archive, returncode=2, output=output, cmd=cmd)
    if keymap == NO_FIRMWARE_KEYMAP:
        output = _success_output(req, "hex", 0, archive)
        no_file = {"return_code": -4, "output": output, "firmware_filename": None}
        return _stored(req, result, artifacts, source_archive, returncode=0, **no_file)
    fmt = firmware_format(info)
    image = firmware.pseudo_image(keymap_json.encode(), _image_size(keymap_json))
    filename = f"{stem}.{fmt}"
    artifacts[filename] = Artifact(firmware.encode(image, fmt), CONTENT_TYPES[fmt])
    output = _success_output(req, fmt, len(image), archive)
    built = {"output": output, "firmware_filename": filename, **_urls(req, "download")}
    return _stored(req, result, artifacts, source_archive, returncode=0, **built)


def _stored(
    req: BuildRequest,
    result: dict[str, Any],
    artifacts: dict[str, Artifact],
    source_archive: str,
    **fields: Any,
) -> BuildOutcome:
    """A build that stored its metadata and files: `fields` set on its result, then the source
    archive and the keymap and source URLs (the order of the worker's result)."""
    result.update(fields, source_archive=source_archive, **_urls(req, "keymap", "source"))
    return BuildOutcome("finished", result, artifacts, has_metadata=True)


def _image_size(keymap_json: str) -> int:
    # 4-12 KiB, varying with the keymap so that different keymaps give different sizes.
    digest = hashlib.sha256(keymap_json.encode()).digest()
    return 4096 + (int.from_bytes(digest[:2], "big") % 8192)
