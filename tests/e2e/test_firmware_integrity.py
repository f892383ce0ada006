"""Firmware integrity: what each format promises, and a body as long as declared.

The good files are built here from the formats' definitions (Intel HEX: ``:LLAAAATT<data>CC``
records whose bytes sum to 0 mod 256, ending with ``:00000001FF``; UF2: 512-byte blocks with
magic numbers 0x0A324655 / 0x9E5D5157 at the start and 0x0AB16F30 at the end, block number
and count at offsets 20 and 24), then broken one promise at a time. The hostile case is a raw
socket that declares 10 bytes and sends 2,816.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path

import pytest
from kbapi.qmk import CorruptFirmwareError
from kbapi.qmk.integrity import check_artifact
from kbapi.testing import serve
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tests.support.faces import Face
from tests.support.raw import raw_server


def hex_record(address: int, kind: int, data: bytes) -> str:
    body = bytes([len(data), address >> 8, address & 0xFF, kind]) + data
    return ":" + (body + bytes([-sum(body) & 0xFF])).hex().upper()


def intel_hex(size: int = 1024) -> bytes:
    image = bytes(range(256)) * (size // 256)
    lines = [hex_record(a, 0, image[a : a + 16]) for a in range(0, size, 16)]
    return ("\r\n".join([*lines, ":00000001FF"]) + "\r\n").encode()


def uf2(blocks: int = 3) -> bytes:
    out = b""
    for n in range(blocks):
        head = struct.pack("<8I", 0x0A324655, 0x9E5D5157, 0x2000, 0x10000000 + 256 * n, 256, n,
                           blocks, 0xE48BFF56)  # fmt: skip
        out += head + bytes(476) + struct.pack("<I", 0x0AB16F30)
    return out


GOOD = {"board.hex": intel_hex(), "board.uf2": uf2(), "board.bin": b"\x01\x02", "k.json": b"{}"}


@pytest.mark.parametrize("name", sorted(GOOD))
def test_whole_files_pass(name: str) -> None:
    content = GOOD[name]
    assert check_artifact(name, content, len(content)) is None


def corrupt(content: bytes, offset: int, value: bytes) -> bytes:
    return content[:offset] + value + content[offset + len(value) :]


HEX = intel_hex()
LINES = HEX.split(b"\r\n")
BAD = [
    ("board.hex", HEX[: len(HEX) // 2], "hex-record"),  # cut inside a record
    ("board.hex", b"\r\n".join(LINES[:10]) + b"\r\n", "hex-eof"),  # cut between records
    ("board.hex", corrupt(HEX, 9, b"FF"), "hex-checksum"),  # a data byte changed
    ("board.hex", HEX + hex_record(0, 0, b"\x00").encode() + b"\n", "hex-eof"),  # after EOF
    ("board.hex", b":0400000001\n:00000001FF\n", "hex-record"),  # length byte lies
    ("board.hex", b"hello\n:00000001FF\n", "hex-record"),
    ("board.hex", HEX.replace(b":00000001FF", b":00000006FA"), "hex-record"),  # unknown type
    ("board.hex", "é".encode() + HEX, "hex-record"),
    ("board.uf2", uf2()[:-100], "uf2-size"),
    ("board.uf2", corrupt(uf2(), 512, b"\0\0\0\0"), "uf2-magic"),  # block 1's first magic
    ("board.uf2", corrupt(uf2(), 1024 + 508, b"\0\0\0\0"), "uf2-magic"),  # block 2's end magic
    ("board.uf2", uf2(3)[:1024], "uf2-count"),  # 2 blocks of 3
    ("board.uf2", corrupt(uf2(), 512 + 20, struct.pack("<I", 0)), "uf2-count"),
    ("board.bin", b"", "empty"),
]


@pytest.mark.parametrize(("name", "content", "reason"), BAD)
def test_broken_files_raise_their_reason(name: str, content: bytes, reason: str) -> None:
    with pytest.raises(CorruptFirmwareError, match="nothing was saved") as caught:
        check_artifact(name, content, len(content))
    assert caught.value.reason == reason


def test_a_body_of_another_length_than_declared_is_refused() -> None:
    with pytest.raises(CorruptFirmwareError, match="Content-Length said 3000") as caught:
        check_artifact("board.bin", b"\x01" * 2816, 3000)
    assert caught.value.reason == "length"


# -- over the network ------------------------------------------------------------------------

BODY = intel_hex(1024)


def reply(declared: int, body: bytes) -> bytes:
    head = (
        f"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {declared}"
    )
    return (head + "\r\nConnection: close\r\n\r\n").encode() + body


@pytest.fixture(scope="module")
def storage() -> Iterator[dict[str, str]]:
    with (
        raw_server(reply(10, BODY[:2816])) as short,
        raw_server(reply(len(BODY), BODY)) as whole,
        raw_server(reply(1024, uf2(3)[:1024])) as two_of_three,
    ):
        yield {"short": short, "whole": whole, "uf2": two_of_three}


@pytest.fixture(scope="module")
def api(storage: dict[str, str]) -> Iterator[str]:
    async def redirect(request: Request) -> Response:
        location = storage[request.path_params["job_id"]] + "/files/firmware"
        return Response(status_code=302, headers={"location": location})

    app = Starlette(routes=[Route("/v1/compile/{job_id}/download", redirect)])
    with serve(app) as base:
        yield base


def test_content_length_shorter_than_the_body_saves_nothing(
    face: Face, api: str, tmp_path: Path
) -> None:
    with face.qmk(api) as qmk, pytest.raises(CorruptFirmwareError, match="Intel HEX") as caught:
        qmk.download("short", "firmware", tmp_path, expected_name="board.hex")
    assert caught.value.reason in ("hex-record", "hex-eof")
    assert list(tmp_path.iterdir()) == []


def test_a_uf2_missing_blocks_saves_nothing(face: Face, api: str, tmp_path: Path) -> None:
    with face.qmk(api) as qmk, pytest.raises(CorruptFirmwareError, match="of 3") as caught:
        qmk.download("uf2", "firmware", tmp_path, expected_name="board.uf2")
    assert caught.value.reason == "uf2-count"
    assert list(tmp_path.iterdir()) == []


def test_a_whole_intel_hex_is_saved(face: Face, api: str, tmp_path: Path) -> None:
    with face.qmk(api) as qmk:
        path = qmk.download("whole", "firmware", tmp_path, expected_name="board.hex")
    assert path == tmp_path / "board.hex"
    assert path.read_bytes() == BODY
