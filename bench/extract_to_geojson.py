#!/usr/bin/env python3
"""Write events.geojson for articles, before the CLI exists: extract_to_geojson.py INPUT... --out DIR."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.articles import iter_articles  # noqa: E402
from geo.errors import ArticleError  # noqa: E402
from geo.extract import EXTRACTOR_VERSION, extract  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--out", required=True)
    ap.add_argument("--date", type=dt.date.fromisoformat)
    ap.add_argument("--fake-gazetteer", action="store_true", help="use the tests' fake gazetteer")
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args(argv)
    if args.fake_gazetteer:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "geo" / "extract"))
        from conftest import FakeGazetteer
        gz = FakeGazetteer()
    else:
        from gazetteer import default_gazetteer
        gz = default_gazetteer()
    feats, unresolved = [], []
    for a in iter_articles(args.inputs):
        if isinstance(a, ArticleError):
            print(f"skip {a}", file=sys.stderr)
            continue
        r = extract(a, gz, date_override=args.date)
        unresolved += [f"{a.id}: {n}" for n in r.unresolved_places]
        for e in r.events:
            feats.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [e.lon, e.lat]},
                          "properties": e.properties()})
        if args.verbose:
            for rj in r.rejected:
                print(f"  rejected {a.id}: {rj['reason']} | {rj['trigger']} | {rj['sentence'][:100]}", file=sys.stderr)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "events.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False, indent=1))
    print(f"{len(feats)} events, extractor {EXTRACTOR_VERSION}; unresolved: {unresolved}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
