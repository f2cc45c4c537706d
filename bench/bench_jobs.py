#!/usr/bin/env python3
"""Extraction in one process and in several (``build --jobs N``): articles a second, and the gain.

Usage: bench_jobs.py [--articles N] [--jobs 1 2 ...]

The articles are the seeds and the two test corpora, repeated (with new ids) up to
``--articles``; every run extracts them all with :func:`geo.pipeline.process_articles`,
the function ``build`` and ``update`` use, after the same warm-up. Issue 4 asks for a
near-linear gain from a second process; on a 2-core machine that is up to 2x, less
whatever else runs on it (the load average is printed).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.articles import Article, iter_articles  # noqa: E402
from geo.pipeline import process_articles  # noqa: E402


def corpus(n: int) -> list[Article]:
    """``n`` articles: the seeds and the test corpora, cycled, each with its own id."""
    base = [a for a in iter_articles([ROOT / "seeds", ROOT / "tests/geo/corpus/articles.jsonl",
                                      ROOT / "tests/geo/corpus/articles_b.jsonl"]) if isinstance(a, Article)]
    return [replace(base[i % len(base)], id=f"{base[i % len(base)].id}-{i}") for i in range(n)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=600)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args(argv)
    from gazetteer import default_gazetteer
    from geo.extract import warm_up

    gz = default_gazetteer()
    warm_up(gz)
    arts = corpus(args.articles)
    process_articles(arts[:50], gazetteer=gz)  # the gazetteer's and lexicons' caches, as after a first file
    rates = {}
    for j in args.jobs:
        t0 = time.perf_counter()
        res = process_articles(arts, jobs=j, gazetteer=gz)
        dt = time.perf_counter() - t0
        rates[j] = len(arts) / dt
        n_ev = sum(len(r.events) for r in res)
        print(f"jobs={j}: {len(arts)} articles in {dt:.2f} s = {rates[j]:.0f} articles/s ({n_ev} events)")
    if 1 in rates:
        for j, r in rates.items():
            if j > 1:
                print(f"gain with {j} processes: {r / rates[1]:.2f}x (load average {os.getloadavg()[0]:.1f} "
                      f"on {os.cpu_count()} CPUs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
