"""Writing files: all or nothing, even when the disk fills up half way."""

from __future__ import annotations

import os
from pathlib import Path

from seminargraph.rdfio import write_atomic


def test_files_are_written_whole_with_normal_permissions(tmp_path: Path) -> None:
    write_atomic({tmp_path / "a.ttl": b"a", tmp_path / "sub" / "b.ttl": b"b"})
    assert (tmp_path / "a.ttl").read_bytes() == b"a"
    assert (tmp_path / "sub" / "b.ttl").read_bytes() == b"b"
    assert (tmp_path / "a.ttl").stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def test_the_process_umask_is_never_changed(tmp_path: Path, monkeypatch) -> None:
    # Setting the umask to read it would, for a moment, let other threads create files
    # that anyone may write.
    expected = 0o666 & ~_umask()

    def umask(mask: int) -> int:
        raise AssertionError(f"write_atomic set the process umask to {mask:o}")

    monkeypatch.setattr(os, "umask", umask)
    write_atomic({tmp_path / "a.ttl": b"a"})
    assert (tmp_path / "a.ttl").stat().st_mode & 0o777 == expected
