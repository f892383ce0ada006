"""Checks of firmware files: Intel HEX records and UF2 blocks, as flashing tools read them."""

from __future__ import annotations

import struct


def parse_intel_hex(text: str) -> bytes:
    """Parse Intel HEX, checking every record's checksum; return the data bytes."""
    lines = text.strip().splitlines()
    assert lines[-1] == ":00000001FF"
    data = b""
    for line in lines[:-1]:
        assert line.startswith(":")
        record = bytes.fromhex(line[1:])
        assert sum(record) & 0xFF == 0, line
        length, record_type = record[0], record[3]
        assert record_type == 0 and len(record) == length + 5
        assert int.from_bytes(record[1:3], "big") == len(data)
        data += record[4:-1]
    return data


def check_uf2(content: bytes) -> int:
    """Check UF2 blocks (magic numbers, family id, numbering); return the block count."""
    assert len(content) % 512 == 0 and content
    count = len(content) // 512
    for number in range(count):
        block = content[number * 512 : (number + 1) * 512]
        magic0, magic1, flags, address, size, index, total, family = struct.unpack(
            "<8I", block[:32]
        )
        assert (magic0, magic1) == (0x0A324655, 0x9E5D5157)
        assert struct.unpack("<I", block[508:])[0] == 0x0AB16F30
        assert flags & 0x2000 and family == 0xE48BFF56
        assert (index, total, size) == (number, count, 256)
        assert address == 0x10000000 + 256 * number
    return count
