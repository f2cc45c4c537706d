"""SIGKILL an ``update`` part way: the store opens with no partial article, outputs are old or new, never broken."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from badinput import event_line, fakes, write_article  # noqa: F401

from geo.pipeline import build, update
from geo.store import STORE_NAME, Store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")

HERE = Path(__file__).resolve().parent

RUNNER = """
import sys
sys.path.insert(0, {tests!r})
import badinput, geo.pipeline as P
P.default_extract = badinput.fake_extract
P.current_versions = lambda: badinput.VERSIONS
P.render_maps = badinput.fake_render_maps
P.COMMIT_SECONDS = 0.2
from geo.cli import main
sys.argv = ["strikemap", "update", {inp!r}, "--out", {out!r}, "--quiet"]
main()
"""


def _start_update(inp: Path, out: Path, env: dict[str, str] | None = None) -> subprocess.Popen:
    code = RUNNER.format(tests=str(HERE), inp=str(inp), out=str(out))
    return subprocess.Popen([sys.executable, "-c", code], env={**os.environ, **(env or {})},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _committed_articles(store: Path) -> int:
    try:
        with sqlite3.connect(f"file:{store}?mode=ro", uri=True, timeout=5) as c:
            return c.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def _wait(cond, proc: subprocess.Popen, timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return
        if proc.poll() is not None:
            raise AssertionError(f"the update ended before it could be killed: {proc.stderr.read().decode()}")
        time.sleep(0.02)
    raise AssertionError("timed out waiting for the update to make progress")


def _outputs(out: Path) -> tuple[int, str]:
    fc = json.loads((out / "events.geojson").read_text(encoding="utf-8"))  # valid JSON or this raises
    html = (out / "index.html").read_text(encoding="utf-8")
    assert html.rstrip().endswith("</html>"), "index.html is half written"
    return len(fc["features"]), html


def _setup(tmp_path: Path) -> tuple[Path, Path]:
    inp, out = tmp_path / "in", tmp_path / "out"
    for i in range(4):
        write_article(inp, f"old{i}.txt", event_line("russia", "airstrike", f"Place {i}", 35.0 + i / 10, 36.5))
    build([inp], out)
    for i in range(24):
        write_article(inp, f"new{i:02}.txt", "SLEEP 0.05",
                      event_line("isis", "shelling", f"Town {i}", 34.0 + i / 100, 38.0),
                      event_line("isis", "raid", f"Village {i}", 34.5, 38.0 + i / 100))
    return inp, out


def test_killed_while_processing_articles(fakes, tmp_path):
    inp, out = _setup(tmp_path)
    assert _outputs(out)[0] == 4
    proc = _start_update(inp, out)
    try:
        _wait(lambda: _committed_articles(out / STORE_NAME) > 4, proc)
        time.sleep(0.1)  # kill in the middle of the next batch
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    assert proc.returncode == -signal.SIGKILL
    with Store(out / STORE_NAME, lock_timeout=5) as st:  # opens; the lock died with the process
        assert st.integrity_errors() == []  # no article without its events, no events without their article
        committed = st.count_articles()
        assert 4 < committed < 28
        assert st.count_events() == 4 + 2 * (committed - 4)
    n, _ = _outputs(out)
    assert n == 4  # the old outputs: they are rewritten only after the run committed everything
    s = update([inp], out)
    assert s.articles_unchanged == committed and s.articles_processed == 28 - committed
    assert s.events == 4 + 2 * 24 and _outputs(out)[0] == s.events


def test_killed_while_writing_the_map(fakes, tmp_path):
    inp, out = _setup(tmp_path)
    _, old_html = _outputs(out)
    marker = out / "index.html.writing"
    proc = _start_update(inp, out, env={"STRIKEMAP_TEST_MAP_DELAY": "30"})
    try:
        _wait(marker.exists, proc, timeout=60)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    marker.unlink()
    n, html = _outputs(out)
    assert html == old_html  # the half-written map never replaced the old one
    assert n == 4 + 2 * 24  # events.geojson (written before the map) is complete and new
    assert list(out.glob(".index.html.*.tmp.html"))  # the killed run's temporary file is left ...
    with Store(out / STORE_NAME, lock_timeout=5) as st:
        assert st.integrity_errors() == [] and st.count_articles() == 28
    s = update([inp], out)
    assert s.articles_unchanged == 28
    assert not list(out.glob(".index.html.*.tmp.html"))  # ... and cleaned by the next run
    assert _outputs(out)[1] != old_html
