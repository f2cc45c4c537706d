"""Watch a folder and run :func:`geo.pipeline.update` whenever articles arrive or change.

Changes are debounced (a burst of files becomes one run). A bad file is reported by
the run like any failed input and the watch goes on; a run that stops on a
strikemap error (the store locked by another writer, say) is reported through
``on_error`` and the watch goes on too.

Examples
--------
>>> import threading
>>> from geo.watch import watch
>>> stop = threading.Event()
>>> watch("inbox", "out", stop_event=stop, max_runs=3)   # doctest: +SKIP
3
"""
from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from geo.articles import SUFFIXES
from geo.errors import StrikemapError
from geo.pipeline import Extractor, MapOptions, RunSummary, update
from geo.store import Versions

__all__ = ["watch", "is_article_file"]


def is_article_file(path: str | Path) -> bool:
    """True for a file ``update`` reads (by suffix), ignoring hidden and temporary files.

    Examples
    --------
    >>> is_article_file("inbox/a.txt"), is_article_file("inbox/.a.txt.swp"), is_article_file("inbox/a.pdf")
    (True, False, False)
    """
    p = Path(path)
    return p.suffix.lower() in SUFFIXES and not p.name.startswith(".")


def watch(
    folder: str | Path,
    out: str | Path,
    *,
    prune: bool = False,
    date: dt.date | None = None,
    jobs: int = 1,
    maps: MapOptions | None = None,
    extract: Extractor | None = None,
    versions: Versions | None = None,
    gazetteer: Any = None,
    lock_timeout: float = 10.0,
    debounce_ms: int = 1000,
    stop_event: threading.Event | None = None,
    max_runs: int | None = None,
    on_run: Callable[[RunSummary], None] | None = None,
    on_error: Callable[[StrikemapError], None] | None = None,
    force_polling: bool | None = None,
    poll_delay_ms: int = 300,
) -> int:
    """Run ``update(folder, out)`` now and again after every burst of changes in ``folder``.

    Parameters
    ----------
    folder
        The folder to watch (recursively); it is created when missing.
    out
        The output folder (store, ``events.geojson``, maps).
    prune, date, jobs, maps, extract, versions, gazetteer, lock_timeout
        As for :func:`geo.pipeline.update`.
    debounce_ms
        Changes within this many milliseconds are gathered into one run.
    stop_event
        Set it (from another thread or a signal handler) to stop watching.
    max_runs
        Stop after this many runs, the first one included (``None``: until stopped).
    on_run
        Called with the summary of every run.
    on_error
        Called with the error of a run that could not complete; without it the
        error is raised and the watch stops.
    force_polling, poll_delay_ms
        Passed to :func:`watchfiles.watch` (polling suits network drives).

    Returns
    -------
    int
        The number of runs.
    """
    import watchfiles

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out_abs, folder_abs = Path(out).resolve(), folder.resolve()
    if out_abs == folder_abs or folder_abs in out_abs.parents:
        raise StrikemapError(f"the output folder {out} is inside the watched folder {folder}: "
                             "the maps would be read as articles; choose another --out")
    stop = stop_event or threading.Event()
    runs = 0

    def run() -> None:
        nonlocal runs
        runs += 1
        try:
            summary = update([folder], out, prune=prune, date=date, jobs=jobs, maps=maps, extract=extract,
                             versions=versions, gazetteer=gazetteer, lock_timeout=lock_timeout)
        except StrikemapError as err:
            if on_error is None:
                raise
            on_error(err)
        else:
            if on_run:
                on_run(summary)
        if max_runs is not None and runs >= max_runs:
            stop.set()

    run()
    if stop.is_set():
        return runs
    for _changes in watchfiles.watch(
        folder,
        watch_filter=lambda _change, path: is_article_file(path),
        debounce=debounce_ms,
        stop_event=stop,
        force_polling=force_polling,
        poll_delay_ms=poll_delay_ms,
        raise_interrupt=False,
    ):
        run()
        if stop.is_set():
            break
    return runs
