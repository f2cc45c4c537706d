#!/usr/bin/env python3
"""Extraction speed: articles per second per process, gazetteer loaded.

Usage: bench_extract.py [INPUT ...] [--repeat N] [--fake-gazetteer]

Reads the articles (default: the seeds and the test corpus), runs the extractor once
cold (empty caches) and then ``--repeat`` times warm, and prints articles/s for both,
by the clock and by CPU time, and the best pass's CPU rate scaled to seed-sized articles
(4,100 characters; a loaded machine slows the clock, the best pass is the steadiest figure).
The target is >= 300 articles/s on seed-sized articles (``bench_extract.py seeds``).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.articles import Article, iter_articles  # noqa: E402
from geo.extract import EXTRACTOR_VERSION, extract, warm_up  # noqa: E402

#: The size of a seed article (characters), the unit of the target.
SEED_CHARS = 4100


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="*", default=[str(ROOT / "seeds"), str(ROOT / "tests/geo/corpus/articles.jsonl")])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--fake-gazetteer", action="store_true")
    args = ap.parse_args(argv)
    articles = [a for a in iter_articles([p for p in args.inputs if Path(p).exists()]) if isinstance(a, Article)]
    if not articles:
        print("no articles", file=sys.stderr)
        return 1
    t0 = time.perf_counter()
    if args.fake_gazetteer:
        sys.path.insert(0, str(ROOT / "tests/geo/extract"))
        from conftest import FakeGazetteer
        gz = FakeGazetteer()
    else:
        from gazetteer import default_gazetteer
        gz = default_gazetteer()
    t_load = time.perf_counter() - t0
    chars = sum(len(a.text) for a in articles) / len(articles)
    t0 = time.perf_counter()
    warm_up(gz)  # what a pipeline does once before forking its workers
    t_warm = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), time.process_time()
    n_ev = sum(len(extract(a, gz).events) for a in articles)
    cold = len(articles) / (time.perf_counter() - t0)
    cold_cpu = len(articles) / max(1e-9, time.process_time() - c0)
    t0, c0 = time.perf_counter(), time.process_time()
    best = float("inf")
    for _ in range(args.repeat):
        c1 = time.process_time()
        for a in articles:
            extract(a, gz)
        best = min(best, time.process_time() - c1)
    warm = args.repeat * len(articles) / (time.perf_counter() - t0)
    warm_cpu = args.repeat * len(articles) / max(1e-9, time.process_time() - c0)
    seed_rate = len(articles) * chars / SEED_CHARS / max(1e-9, best)
    print(f"extractor {EXTRACTOR_VERSION}; {len(articles)} articles, {chars:.0f} chars on average, {n_ev} events")
    print(f"gazetteer load {t_load:.1f} s; warm-up {t_warm:.2f} s; first pass {cold:.0f} articles/s "
          f"({cold_cpu:.0f}/s of CPU); warm {warm:.0f} articles/s ({warm_cpu:.0f}/s of CPU)")
    print(f"best warm pass: {len(articles) / max(1e-9, best):.0f} articles/s of CPU; "
          f"{seed_rate:.0f} seed-sized ({SEED_CHARS:,} chars) articles/s of CPU (target >= 300)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
