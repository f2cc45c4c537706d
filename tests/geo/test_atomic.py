"""Atomic writes: a failed write leaves the old file as it was."""
from __future__ import annotations

import pytest

from geo.atomic import atomic_write, write_text_atomic


def test_failed_write_keeps_old_file(tmp_path):
    target = write_text_atomic(tmp_path / "events.geojson", "old")
    with pytest.raises(RuntimeError):
        with atomic_write(target) as fh:
            fh.write("half a new fi")
            raise RuntimeError("crash")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["events.geojson"]


def test_write_replaces(tmp_path):
    target = write_text_atomic(tmp_path / "x.html", "old")
    write_text_atomic(target, "new")
    assert target.read_text() == "new"


def test_new_file_follows_umask_and_existing_mode_is_kept(tmp_path):
    import os

    old = os.umask(0o022)
    try:
        target = write_text_atomic(tmp_path / "index.html", "x")
        assert target.stat().st_mode & 0o777 == 0o644
        target.chmod(0o640)
        write_text_atomic(target, "y")
        assert target.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(old)
