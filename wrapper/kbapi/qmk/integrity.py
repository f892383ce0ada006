"""Firmware integrity, pure: does a downloaded file keep what its format promises?

`check_artifact(name, content, declared)` raises `CorruptFirmwareError` when

- fewer or more bytes arrived than the response's Content-Length declared (`declared`);
- an Intel HEX file (``.hex``) has a record that is not ``:`` + hex, whose length byte does not
  match, whose checksum is wrong, of an unknown type, or no end-of-file record at its end
  (a body cut short is the usual cause: the flasher would write half a keyboard);
- a UF2 file (``.uf2``) is not whole 512-byte blocks, a block lacks one of its three magic
  numbers, or the blocks are not numbered 0..n-1 of n;
- a ``.bin`` (or any other file) is empty.

Nothing here does I/O; `kbapi.qmk.downloads.AtomicFile` calls it before the rename, so a bad
file never appears in the target folder.
"""

from __future__ import annotations

import struct
from typing import Final, NoReturn

from kbapi.qmk.errors import CorruptFirmwareError

UF2_BLOCK: Final = 512
UF2_MAGICS: Final = (0x0A324655, 0x9E5D5157, 0x0AB16F30)
HEX_RECORD_TYPES: Final = frozenset(range(6))  # data, EOF, ext. segment/linear address, starts
HEX_EOF: Final = 1


def check_artifact(name: str, content: bytes, declared: int | None = None) -> None:
    """Raise `CorruptFirmwareError` if `content` (saved as `name`) is not a whole file."""
    if declared is not None and declared != len(content):
        _bad(name, "length", f"{len(content)} bytes arrived where Content-Length said {declared}")
    if not content:
        _bad(name, "empty", "the file is empty")
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix == "hex":
        check_intel_hex(name, content)
    elif suffix == "uf2":
        check_uf2(name, content)


def check_intel_hex(name: str, content: bytes) -> None:
    """Every record well formed with a good checksum, and the end-of-file record last."""
    try:
        lines = content.decode("ascii").split()
    except UnicodeDecodeError:
        _bad(name, "hex-record", "the Intel HEX file is not ASCII text")
    for number, line in enumerate(lines, 1):
        record_type = _hex_record(name, number, line)
        if record_type == HEX_EOF:
            if number != len(lines):
                _bad(name, "hex-eof", f"records follow the end-of-file record (line {number})")
            return
    _bad(name, "hex-eof", "the Intel HEX file has no end-of-file record (cut short?)")


def _hex_record(name: str, number: int, line: str) -> int:
    """The type of one checked record."""
    try:
        if not line.startswith(":"):
            raise ValueError
        record = bytes.fromhex(line[1:])
    except ValueError:
        _bad(name, "hex-record", f"line {number} is not an Intel HEX record")
    if len(record) < 5 or len(record) != record[0] + 5:
        _bad(name, "hex-record", f"line {number}: the record length does not match its data")
    if sum(record) & 0xFF:
        _bad(name, "hex-checksum", f"line {number}: the record checksum is wrong")
    if record[3] not in HEX_RECORD_TYPES:
        _bad(name, "hex-record", f"line {number}: unknown record type {record[3]}")
    return record[3]


def check_uf2(name: str, content: bytes) -> None:
    """Whole 512-byte blocks, each with its magic numbers, numbered 0..n-1 of n."""
    if len(content) % UF2_BLOCK:
        _bad(name, "uf2-size", f"{len(content)} bytes is not a whole number of 512-byte blocks")
    count = len(content) // UF2_BLOCK
    for number in range(count):
        block = content[number * UF2_BLOCK : (number + 1) * UF2_BLOCK]
        start0, start1 = struct.unpack_from("<2I", block)
        (end,) = struct.unpack_from("<I", block, UF2_BLOCK - 4)
        if (start0, start1, end) != UF2_MAGICS:
            _bad(name, "uf2-magic", f"block {number} lacks the UF2 magic numbers")
        index, total = struct.unpack_from("<2I", block, 20)
        if (index, total) != (number, count):
            _bad(name, "uf2-count", f"block {number} says it is {index} of {total}, not of {count}")


def _bad(name: str, reason: str, detail: str) -> NoReturn:
    raise CorruptFirmwareError(f"{name}: {detail}; nothing was saved", reason=reason)
