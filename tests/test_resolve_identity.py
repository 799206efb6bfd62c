"""The parse cache's key and the encryption marker come from one read of the file (resolve._file_identity)."""

from __future__ import annotations

import hashlib

import pytest

from paperkit.reading import resolve

CHUNK = 1 << 22  # (what _file_identity reads at a time)


@pytest.mark.parametrize("at", [0, 100, CHUNK - 8, CHUNK - 5, CHUNK - 1, CHUNK, 2 * CHUNK - 3])
def test_the_marker_is_found_wherever_it_stands(tmp_path, at):
    data = bytearray(b"x" * (2 * CHUNK + 10))
    data[at:at + 8] = b"/Encrypt"
    path = tmp_path / "f.pdf"
    path.write_bytes(bytes(data))
    assert resolve._file_identity(path) == (hashlib.sha256(bytes(data)).hexdigest(), True)


def test_no_marker_split_or_whole(tmp_path):
    data = b"x" * (CHUNK - 4) + b"/Enc" + b"rypx" + b"/Encryp"  # pieces, never the whole word
    path = tmp_path / "f.pdf"
    path.write_bytes(data)
    assert resolve._file_identity(path) == (hashlib.sha256(data).hexdigest(), False)
    assert resolve.file_sha256(path) == hashlib.sha256(data).hexdigest()
    assert not resolve.needs_password(path)
