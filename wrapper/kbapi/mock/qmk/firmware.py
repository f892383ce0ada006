"""Deterministic pseudo firmware images in the formats QMK produces: Intel HEX, raw BIN, UF2."""

from __future__ import annotations

import hashlib
import struct

UF2_MAGIC_START0 = 0x0A324655
UF2_MAGIC_START1 = 0x9E5D5157
UF2_MAGIC_END = 0x0AB16F30
UF2_FLAG_FAMILY_ID = 0x00002000
RP2040_FAMILY_ID = 0xE48BFF56
RP2040_FLASH_BASE = 0x10000000
UF2_PAYLOAD = 256


def pseudo_image(seed: bytes, size: int = 4096) -> bytes:
    """Return `size` bytes derived from `seed` (same keymap -> same image)."""
    blocks: list[bytes] = []
    counter = 0
    while len(blocks) * 32 < size:
        blocks.append(hashlib.sha256(seed + counter.to_bytes(4, "big")).digest())
        counter += 1
    return b"".join(blocks)[:size]


def _hex_record(address: int, record_type: int, data: bytes) -> str:
    body = bytes([len(data), (address >> 8) & 0xFF, address & 0xFF, record_type]) + data
    checksum = (-sum(body)) & 0xFF
    return ":" + (body + bytes([checksum])).hex().upper()


def intel_hex(image: bytes) -> bytes:
    """Encode `image` (at most 64 KiB) as Intel HEX: 16-byte data records and an EOF record."""
    if len(image) > 0x10000:
        raise ValueError("image larger than 64 KiB needs extended address records")
    lines = [
        _hex_record(offset, 0, image[offset : offset + 16]) for offset in range(0, len(image), 16)
    ]
    lines.append(_hex_record(0, 1, b""))
    return ("\n".join(lines) + "\n").encode("ascii")


def uf2(image: bytes, *, family_id: int = RP2040_FAMILY_ID, base: int = RP2040_FLASH_BASE) -> bytes:
    """Encode `image` as UF2: 512-byte blocks of 256 payload bytes each, with the family id."""
    chunks = [image[i : i + UF2_PAYLOAD] for i in range(0, len(image), UF2_PAYLOAD)] or [b""]
    blocks: list[bytes] = []
    for number, chunk in enumerate(chunks):
        header = struct.pack(
            "<8I",
            UF2_MAGIC_START0,
            UF2_MAGIC_START1,
            UF2_FLAG_FAMILY_ID,
            base + number * UF2_PAYLOAD,
            UF2_PAYLOAD,
            number,
            len(chunks),
            family_id,
        )
        data = chunk.ljust(476, b"\x00")
        blocks.append(header + data + struct.pack("<I", UF2_MAGIC_END))
    return b"".join(blocks)


def encode(image: bytes, fmt: str) -> bytes:
    """Encode `image` in the firmware format `fmt` (`hex`, `bin` or `uf2`)."""
    if fmt == "hex":
        return intel_hex(image)
    if fmt == "uf2":
        return uf2(image)
    return image
