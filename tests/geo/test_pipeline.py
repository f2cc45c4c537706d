"""build / update / watch with a fake extractor and fake maps: incremental runs, bad input, pruning."""
from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pandas as pd
import pytest
from badinput import (  # noqa: F401 - fakes is a fixture
    ARABIC_TITLE,
    BAD_CORPUS_FAILURES,
    LATIN1_TITLE,
    VERSIONS,
    event_line,
    fake_extract,
    fakes,
    write_article,
    write_bad_corpus,
)

from geo.errors import StoreLockedError, StrikemapError
from geo.pipeline import build, clean_stale_temporaries, update
from geo.store import STORE_NAME, Store, StoreLock, Versions


def _features(out: Path) -> list[dict]:
    return json.loads((out / "events.geojson").read_text(encoding="utf-8"))["features"]


def _ids(out: Path) -> list[str]:
    return sorted(f["properties"]["event_id"] for f in _features(out))


@pytest.fixture
def corpus(tmp_path) -> Path:
    d = tmp_path / "in"
    write_article(d, "a1.txt", event_line("russia", "airstrike", "Kafr Zita", 35.37, 36.6, "2015-10-07"),
                  event_line("russia", "airstrike", "Latamneh", 35.32, 36.62, "2015-10-07"))
    write_article(d, "a2.txt", event_line("isis", "ground_offensive", "Tadmur", 34.56, 38.28, "2015-05-20"))
    write_article(d, "a3.txt", "UNRESOLVED Nowhere Town")
    return d


def test_build_writes_store_geojson_and_map(fakes, corpus, tmp_path):
    out = tmp_path / "out"
    s = build([corpus], out)
    assert (s.articles_seen, s.articles_processed, s.articles_new, s.articles_failed) == (3, 3, 3, [])
    assert (s.events, s.events_added, s.events_by_actor, s.events_by_type) == (
        3, 3, {"russia": 2, "isis": 1}, {"airstrike": 2, "ground_offensive": 1})
    assert s.unresolved_places == ["Nowhere Town"]
    assert s.outputs == [str(out / STORE_NAME), str(out / "events.geojson"), str(out / "index.html")]
    assert len(_features(out)) == 3
    assert "3 events" in (out / "index.html").read_text()
    with Store(out / STORE_NAME) as st:
        assert st.count_articles() == 3 and st.integrity_errors() == []
        assert set(st.articles().extractor_version) == {VERSIONS.extractor}


def test_update_skips_unchanged_and_processes_new_and_changed(fakes, corpus, tmp_path):
    out = tmp_path / "out"
    update([corpus], out)  # update on a missing store creates it
    calls = []

    def counting(article, gazetteer, date_override=None):
        calls.append(article.id)
        return fake_extract(article, gazetteer, date_override)

    s = update([corpus], out, extract=counting)
    assert calls == [] and (s.articles_unchanged, s.articles_processed, s.events) == (3, 0, 3)
    write_article(corpus, "a4.txt", event_line("turkey", "shelling", "Afrin", 36.51, 36.87))
    write_article(corpus, "a2.txt", event_line("isis", "bombing", "Tadmur", 34.56, 38.28, "2015-05-21"))
    s = update([corpus], out, extract=counting)
    assert sorted(calls) == ["a2", "a4"]
    assert (s.articles_new, s.articles_changed, s.articles_unchanged, s.articles_processed) == (1, 1, 2, 2)
    assert s.events == 4 and s.events_added == 2
    types = sorted(f["properties"]["event_type"] for f in _features(out))
    assert types == ["airstrike", "airstrike", "bombing", "shelling"]  # a2's old event replaced, not added


def test_version_change_reprocesses_everything(fakes, corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus], out)
    s = update([corpus], out, versions=Versions("fake-2", VERSIONS.gazetteer))
    assert (s.articles_changed, s.articles_unchanged) == (3, 0)
    assert "fake-1" in s.reprocess_reason and "fake-2" in s.reprocess_reason
    s = update([corpus], out, versions=Versions("fake-2", "gaz-2"))
    assert s.articles_changed == 3
    s = update([corpus], out, versions=Versions("fake-2", "gaz-2"))
    assert s.articles_unchanged == 3 and s.reprocess_reason is None


def test_vanished_articles_are_kept_unless_pruned(fakes, corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus], out)
    (corpus / "a1.txt").unlink()
    s = update([corpus], out)
    assert s.events == 3 and s.articles_pruned == 0 and s.articles_stored == 3
    s = update([corpus], out, prune=True)
    assert s.articles_pruned == 1 and s.events == 1 and s.articles_stored == 2
    assert _ids(out) == sorted(f["properties"]["event_id"] for f in _features(out) if f["properties"]["article_id"] == "a2")


def test_prune_never_drops_articles_of_files_that_failed_to_read(fakes, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "batch.jsonl").write_text(
        json.dumps({"id": "j1", "text": event_line("russia", "airstrike", "Idlib", 35.93, 36.63)}) + "\n"
        + json.dumps({"id": "j2", "text": event_line("russia", "airstrike", "Ariha", 35.81, 36.61)}) + "\n",
        encoding="utf-8")
    write_article(d, "solo.txt", event_line("isis", "shelling", "Palmyra", 34.56, 38.28))
    out = tmp_path / "out"
    build([d], out)
    (d / "batch.jsonl").write_bytes(b"\x00\x01binary now" * 100)  # the file broke
    (d / "solo.txt").write_text("{broken line\n", encoding="utf-8")  # still readable text, new content
    s = update([d], out, prune=True)
    assert s.articles_pruned == 0
    assert [f["file"] for f in s.articles_failed] == [str(d / "batch.jsonl")]
    assert {f["properties"]["article_id"] for f in _features(out)} == {"j1", "j2"}  # solo now has no events


def test_bad_input_corpus_is_reported_and_loses_nothing(fakes, corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus], out)
    before = _ids(out)
    bad = write_bad_corpus(tmp_path / "bad")
    s = update([corpus, bad], out)
    failed = {Path(f["file"]).name: f["reason"] for f in s.articles_failed}
    assert set(failed) == set(BAD_CORPUS_FAILURES)
    for name, word in BAD_CORPUS_FAILURES.items():
        assert word in failed[name], (name, failed[name])
    assert set(before) <= set(_ids(out))  # nothing stored before is lost
    assert s.articles_unchanged == 3
    assert [w["file"] for w in s.warnings] == [str(bad / "baddate.md")] and "2015-13-45" in s.warnings[0]["reason"]
    with Store(out / STORE_NAME) as st:
        arts = st.articles().set_index("article_id")
        assert st.integrity_errors() == []
    assert arts.loc["arabic_cp1256", "title"] == ARABIC_TITLE
    assert arts.loc["latin1", "title"] == LATIN1_TITLE
    assert arts.loc["bom", "title"] == "With a BOM" and arts.loc["bom", "n_events"] == 1
    assert arts.loc["crlf", "title"] == "CRLF lines" and arts.loc["crlf", "n_events"] == 1
    assert arts.loc["big", "n_events"] == 1
    assert arts.loc["noevents", "n_events"] == 0 and arts.loc["jl-3", "n_events"] == 0
    assert arts.loc["jl-1", "n_events"] == 1
    assert arts.loc["dup", "path"] == str(bad / "dup_a.json")
    assert pd.isna(arts.loc["baddate", "published"]) and arts.loc["baddate", "meta"] == {"published_invalid": "2015-13-45"}
    crlf = next(f for f in _features(out) if f["properties"]["article_id"] == "crlf")
    assert "\r" not in crlf["properties"]["evidence"]
    # a second run: the unreadable files are reported again, the rest is unchanged
    s2 = update([corpus, bad], out)
    assert len(s2.articles_failed) == len(BAD_CORPUS_FAILURES) and s2.articles_processed == 0


def test_extraction_failure_keeps_old_events_and_is_retried(fakes, corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus], out)
    write_article(corpus, "a1.txt", "RAISE")
    s = update([corpus], out)
    assert [f["file"] for f in s.articles_failed] == [str(corpus / "a1.txt")]
    assert "RuntimeError" in s.articles_failed[0]["reason"]
    assert s.events == 3  # a1's old events are kept
    s = update([corpus], out)
    assert s.articles_changed == 1 and len(s.articles_failed) == 1  # tried again
    write_article(corpus, "a1.txt", event_line("russia", "raid", "Hama", 35.13, 36.75))
    s = update([corpus], out)
    assert s.articles_failed == [] and s.events == 2


def test_a_jsonl_articles_failure_names_the_file_and_the_article(fakes, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "b.jsonl").write_text(json.dumps({"id": "x1", "text": "RAISE"}) + "\n", encoding="utf-8")
    s = build([d], tmp_path / "out")
    assert s.articles_failed[0]["file"] == str(d / "b.jsonl")
    assert s.articles_failed[0]["reason"].startswith("article 'x1': extraction failed")


def test_jobs_and_progress_callbacks(fakes, corpus, tmp_path):
    starts, results = [], []
    s = build([corpus], tmp_path / "out", jobs=2, on_start=starts.append, on_result=results.append)
    assert starts == [3] and [r.article.id for r in results] == ["a1", "a2", "a3"]
    assert s.events == 3


def test_build_replaces_the_store_and_keeps_the_old_one_on_error(fakes, corpus, tmp_path, monkeypatch):
    import geo.pipeline

    out = tmp_path / "out"
    build([corpus], out)
    other = tmp_path / "other"
    write_article(other, "z.txt", event_line("israel", "airstrike", "Mezzeh", 33.5, 36.25))
    s = build([other], out)
    assert (s.articles_seen, s.events) == (1, 1)
    with Store(out / STORE_NAME) as st:
        assert list(st.article_states()) == ["z"]

    def broken_maps(*a, **k):
        raise RuntimeError("maps crashed")

    monkeypatch.setattr(geo.pipeline, "write_outputs", broken_maps)
    monkeypatch.setattr(geo.pipeline.Store, "events_frame", broken_maps)
    monkeypatch.setattr(geo.pipeline.Store, "event_table", broken_maps)  # what build reads the events with
    with pytest.raises(RuntimeError):
        build([corpus], out)
    with Store(out / STORE_NAME) as st:  # the half-built store was thrown away
        assert list(st.article_states()) == ["z"]
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_outputs_are_written_only_after_the_store_committed(fakes, corpus, tmp_path, monkeypatch):
    import geo.pipeline

    out = tmp_path / "out"
    seen = []

    def check_store(gdf, out_dir, summary, *, maps=None):
        with Store(out_dir / STORE_NAME, lock=False) as st:  # a fresh connection sees the committed data
            seen.append((st.count_articles(), st.count_events()))

    monkeypatch.setattr(geo.pipeline, "write_outputs", check_store)
    update([corpus], out)
    assert seen == [(3, 3)]


def test_update_waits_for_the_lock_then_says_who_holds_it(fakes, corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus], out)
    import subprocess
    import sys

    code = (f"import time; from geo.store import StoreLock; lock = StoreLock({str(out / STORE_NAME)!r}).acquire(); "
            "print('locked', flush=True); time.sleep(30)")
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(StoreLockedError, match="strikemap.gpkg.lock"):
            update([corpus], out, lock_timeout=0.1)
        with pytest.raises(StoreLockedError):
            build([corpus], out, lock_timeout=0.1)
    finally:
        holder.kill()
        holder.wait()


def test_stale_temporaries_are_removed(fakes, corpus, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    stale = [out / ".events.geojson.abc123.tmp.geojson", out / ".index.html.x1.tmp.html",
             out / f".{STORE_NAME}.q.tmp.gpkg", out / f".{STORE_NAME}.q.tmp.gpkg-journal"]
    for p in stale:
        p.write_text("half")
    keep = out / ".hidden-user-file"
    keep.write_text("mine")
    update([corpus], out)
    assert not any(p.exists() for p in stale) and keep.exists()
    with StoreLock(out / STORE_NAME):
        assert clean_stale_temporaries(out) == []


# -- watch ----------------------------------------------------------------------------


def _watch_thread(fakes, folder, out, **kw):
    from geo.watch import watch

    runs, errors = [], []
    stop = threading.Event()
    t = threading.Thread(target=watch, args=(folder, out), daemon=True,
                         kwargs=dict(stop_event=stop, on_run=runs.append, on_error=errors.append,
                                     debounce_ms=100, poll_delay_ms=50, force_polling=True, **kw))
    t.start()
    return t, stop, runs, errors


def _wait_for(cond, timeout=15.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(0.05)
    return False


def test_watch_runs_update_when_articles_arrive_and_survives_a_bad_file(fakes, corpus, tmp_path):
    out = tmp_path / "out"
    t, stop, runs, errors = _watch_thread(fakes, corpus, out)
    try:
        assert _wait_for(lambda: len(runs) >= 1)
        assert runs[0].articles_new == 3
        (corpus / "broken.txt").write_bytes(b"")  # a bad file: reported, the watch goes on
        assert _wait_for(lambda: any(r.articles_failed for r in runs))
        write_article(corpus, "late.txt", event_line("uk", "airstrike", "Raqqa", 35.95, 39.01))
        assert _wait_for(lambda: any(r.articles_new == 1 and r.events == 4 for r in runs))
        assert _wait_for(lambda: len(_features(out)) == 4)
        (corpus / "notes.pdf").write_bytes(b"%PDF")  # not an article: no run
        n = len(runs)
        time.sleep(0.5)
        assert len(runs) == n
    finally:
        stop.set()
        t.join(10)
    assert not t.is_alive() and errors == []


def test_watch_stops_after_max_runs(fakes, corpus, tmp_path):
    from geo.watch import watch

    runs = []
    n = watch(corpus, tmp_path / "out", max_runs=1, on_run=runs.append)
    assert n == 1 and runs[0].articles_processed == 3


def test_watch_reports_a_locked_store_and_goes_on(fakes, corpus, tmp_path):
    out = tmp_path / "out"
    import subprocess
    import sys

    # another process holds the lock: the first run fails, reported through on_error
    code = (f"import time; from geo.store import StoreLock; lock = StoreLock({str(out / STORE_NAME)!r}).acquire(); "
            "print('locked', flush=True); time.sleep(2)")
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    t, stop, runs, errors = _watch_thread(fakes, corpus, out, lock_timeout=0.1)
    try:
        assert _wait_for(lambda: len(errors) == 1)
        assert isinstance(errors[0], StoreLockedError)
        holder.wait(10)
        write_article(corpus, "late.txt", event_line("uk", "airstrike", "Raqqa", 35.95, 39.01))
        assert _wait_for(lambda: len(runs) >= 1 and runs[-1].events == 4)
    finally:
        stop.set()
        t.join(10)
        holder.kill()


def test_watch_refuses_an_output_folder_inside_the_watched_one(fakes, corpus):
    from geo.watch import watch

    with pytest.raises(StrikemapError, match="inside the watched folder"):
        watch(corpus, corpus / "out", max_runs=1)


# -- doing only what changed: outputs kept when current, unchanged input files not read -------


def _stamp(out: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in (out / "events.geojson", out / "index.html")}


def test_update_with_nothing_new_keeps_the_outputs(fakes, corpus, tmp_path):
    out = tmp_path / "out"
    first = build([corpus], out)
    stamp, text = _stamp(out), (out / "events.geojson").read_text(encoding="utf-8")
    s = update([corpus], out)
    assert _stamp(out) == stamp
    assert (s.events, s.events_by_actor, s.events_by_type, s.outputs) == (
        first.events, first.events_by_actor, first.events_by_type, first.outputs)
    (out / "index.html").unlink()  # an output gone: written again
    update([corpus], out)
    assert (out / "index.html").exists() and (out / "events.geojson").read_text(encoding="utf-8") == text
    with Store(out / STORE_NAME) as st:  # the store changed by hand: written again
        st.conn.execute("UPDATE events SET place = 'Edited' WHERE rowid = (SELECT min(rowid) FROM events)")
    update([corpus], out)
    assert '"place": "Edited"' in (out / "events.geojson").read_text(encoding="utf-8")


def test_new_map_options_rewrite_the_outputs(fakes, corpus, tmp_path):
    import geo.pipeline

    out = tmp_path / "out"
    update([corpus], out)
    calls = []

    def counting_maps(gdf, out_dir, *, maps=None):
        calls.append(maps)
        return fake_maps(gdf, out_dir, maps=maps)

    fake_maps = geo.pipeline.render_maps
    geo.pipeline.render_maps = counting_maps  # another writer of the maps: written again
    try:
        update([corpus], out)
        update([corpus], out)
        update([corpus], out, maps=geo.pipeline.MapOptions(split="actor"))
    finally:
        geo.pipeline.render_maps = fake_maps
    assert len(calls) == 2 and calls[1].split == "actor"


def test_unchanged_input_files_are_not_read_again(fakes, corpus, tmp_path, monkeypatch):
    import os

    import geo.articles

    out = tmp_path / "out"
    jl = corpus / "more.jsonl"
    jl.write_text("".join(json.dumps({"id": f"j{i}", "text": f"Body {i}."}) + "\n" for i in range(3)), encoding="utf-8")
    old, now = time.time_ns() - 10_000_000_000, time.time_ns()
    for p in corpus.iterdir():  # settled files: written well before they are read
        os.utime(p, ns=(old, old))
    a2 = corpus / "a2.txt"
    os.utime(a2, ns=(now, now))  # ... but a2 was written just as the build read it
    build([corpus], out)
    read = []
    real = geo.articles.read_path
    monkeypatch.setattr(geo.articles, "read_path", lambda p: read.append(Path(p).name) or real(p))
    # a2 changes again within the same tick of a coarse clock: same size, same time; its hash tells
    a2.write_text(a2.read_text(encoding="utf-8").replace("Tadmur", "Tadmir"), encoding="utf-8")
    os.utime(a2, ns=(now, now))
    s = update([corpus], out)
    assert read == ["a2.txt"] and (s.articles_seen, s.articles_changed, s.articles_unchanged) == (6, 1, 5)
    read.clear()
    s = update([corpus], out)
    assert read == [] and (s.articles_seen, s.articles_unchanged) == (6, 6)
    # a file touched but not changed is hashed, not parsed; pruning knows its articles
    os.utime(corpus / "a1.txt")
    s = update([corpus], out, prune=True)
    assert read == [] and s.articles_unchanged == 6 and s.articles_pruned == 0
    # a file whose article failed is read again every time, until it is stored
    write_article(corpus, "a3.txt", "RAISE")
    update([corpus], out)
    read.clear()
    s = update([corpus], out)
    assert read == ["a3.txt"] and len(s.articles_failed) == 1



class _Unpicklable:
    """A gazetteer-like object that, like the real one (open SQLite connections), cannot be pickled."""

    def __reduce__(self):
        raise TypeError("cannot pickle this gazetteer")


def _name_the_gazetteer(article, gazetteer, date_override=None):
    """An extractor that reports which gazetteer it was given (as its one unresolved place)."""
    from types import SimpleNamespace

    return SimpleNamespace(events=[], unresolved_places=[type(gazetteer).__name__])


def test_process_articles_in_two_processes_with_a_given_gazetteer():
    from geo.articles import Article
    from geo.pipeline import process_articles

    arts = [Article(id=f"a{i}", text="Warplanes struck Idlib.") for i in range(6)]
    gz = _Unpicklable()
    one = process_articles(arts, jobs=1, extract=_name_the_gazetteer, gazetteer=gz)
    two = process_articles(arts, jobs=2, extract=_name_the_gazetteer, gazetteer=gz)
    assert [r.error for r in two] == [None] * 6
    assert [r.unresolved for r in one] == [r.unresolved for r in two] == [["_Unpicklable"]] * 6
