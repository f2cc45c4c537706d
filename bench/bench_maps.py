"""Benchmark the maps: build time, file size and browser load time for synthetic events.

Usage::

    .venv/bin/python bench/bench_maps.py                      # 1k, 10k, 100k events
    .venv/bin/python bench/bench_maps.py --sizes 1000 50000 --no-browser
    .venv/bin/python bench/bench_maps.py --json > bench.json

Load time is measured in headless Chromium (``/usr/bin/chromium``, CDN files served
from the npm asset cache, blank tiles): from navigation start until every actor's
marker clusters are built (``window.__strikemapReadyAt``). The slider step is the
time to re-filter all layers to the second half of the date range. Needs
``bash .ci/setup-browser.sh`` for the browser part.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
for p in (str(REPO), str(HERE), str(REPO / "tests" / "maps")):
    if p not in sys.path:
        sys.path.insert(0, p)

from synthetic import synthetic_events  # noqa: E402

__all__ = ["bench", "main"]

_WAIT_READY = """async () => {
  const api = Object.values(window).find(v => v instanceof L.Map)._strikemap;
  while (!api.ready()) await new Promise(r => setTimeout(r, 20));
  return window.__strikemapReadyAt || performance.now();
}"""

_SLIDER_STEP = """async () => {
  const api = Object.values(window).find(v => v instanceof L.Map)._strikemap;
  const nd = api.data.days.length, t0 = performance.now();
  api.setFilter(Math.floor(nd / 2), nd - 1, true);
  await new Promise(r => requestAnimationFrame(r));
  while (!api.ready()) await new Promise(r => setTimeout(r, 20));
  return [performance.now() - t0, api.info().shown];
}"""


def bench(sizes: list[int], *, browser: bool = True, workdir: Path | None = None) -> list[dict]:
    """Render maps of ``sizes`` synthetic events and measure them; return one dict per size."""
    from maps import render_map

    workdir = workdir or Path(tempfile.mkdtemp(prefix="strikemap-bench-"))
    results = []
    for n in sizes:
        events = synthetic_events(n, seed=n)
        out = workdir / f"map-{n}.html"
        t0 = time.perf_counter()
        render_map(events, out, title=f"{n} synthetic events")
        build = time.perf_counter() - t0
        inline = workdir / f"map-{n}-inline.html"
        t0 = time.perf_counter()
        render_map(events, inline, title=f"{n} synthetic events", inline_assets=True)
        build_inline = time.perf_counter() - t0
        results.append({"events": n, "build_s": round(build, 2), "html_mb": round(out.stat().st_size / 1e6, 2),
                        "inline_build_s": round(build_inline, 2),
                        "inline_mb": round(inline.stat().st_size / 1e6, 2), "path": str(out)})
    if browser:
        from browser import browser_unavailable, launch, open_map
        from playwright.sync_api import sync_playwright

        reason = browser_unavailable()
        if reason:
            raise SystemExit(f"browser part skipped: {reason}")
        with sync_playwright() as pw:
            b = launch(pw)
            for r in results:
                mp = open_map(b, r["path"], wait_ms=120000, http_server=True)
                ready_ms = mp.page.evaluate(_WAIT_READY)
                step_ms, shown = mp.page.evaluate(_SLIDER_STEP)
                r.update({"load_s": round(ready_ms / 1000, 2), "slider_step_s": round(step_ms / 1000, 2),
                          "shown_after_step": shown, "page_errors": len(mp.errors)})
                mp.page.context.close()
            b.close()
    return results


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a Markdown table (or JSON)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--no-browser", action="store_true", help="only build time and file size")
    ap.add_argument("--out", type=Path, help="folder for the maps (default: a temporary folder)")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = ap.parse_args(argv)
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
    results = bench(args.sizes, browser=not args.no_browser, workdir=args.out)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    cols = ["events", "build_s", "html_mb", "inline_mb", "load_s", "slider_step_s", "page_errors"]
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols))
    for r in results:
        print("| " + " | ".join(str(r.get(c, "")) for c in cols) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
