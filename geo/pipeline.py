"""From articles to events, exports and maps: the library API the CLI wraps.

Examples
--------
>>> from geo.pipeline import extract_frame
>>> gdf = extract_frame(["seeds"])          # doctest: +SKIP
>>> from geo.pipeline import build
>>> summary = build(["seeds"], "out")       # doctest: +SKIP
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.articles import Article, iter_articles
from geo.errors import ArticleError
from geo.schema import Event

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

__all__ = [
    "ArticleResult",
    "RunSummary",
    "process_article",
    "process_articles",
    "extract_frame",
    "build",
]


@dataclass
class ArticleResult:
    """What the extractor made of one article."""

    article: Article
    events: list[Event]
    unresolved: list[str] = field(default_factory=list)
    error: str | None = None


@dataclass
class RunSummary:
    """The summary of a ``build``/``update`` run (``--json`` prints it)."""

    articles_seen: int = 0
    articles_processed: int = 0
    articles_unchanged: int = 0
    articles_failed: list[dict[str, str]] = field(default_factory=list)
    events: int = 0
    events_by_actor: dict[str, int] = field(default_factory=dict)
    events_by_type: dict[str, int] = field(default_factory=dict)
    unresolved_places: list[str] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return asdict(self)

    def count(self, events: Iterable[Event] | "gpd.GeoDataFrame") -> None:
        """Fill the event counts from the events or the events frame."""
        if hasattr(events, "columns"):
            actors = list(events["actor"]) if len(events) else []
            types = list(events["event_type"]) if len(events) else []
        else:
            evs = list(events)
            actors = [e.actor for e in evs]
            types = [e.event_type for e in evs]
        self.events = len(actors)
        self.events_by_actor = dict(Counter(actors).most_common())
        self.events_by_type = dict(Counter(types).most_common())


def process_article(article: Article, *, date: dt.date | None = None, gazetteer: Any = None) -> ArticleResult:
    """Extract the events of one article (the gazetteer defaults to the embedded one)."""
    from geo.extract import extract

    res = extract(article, gazetteer, date_override=date)
    return ArticleResult(article, list(res.events), list(res.unresolved))


def _worker(args: tuple[Article, dt.date | None]) -> ArticleResult:
    article, date = args
    try:
        return process_article(article, date=date)
    except Exception as err:  # noqa: BLE001 - one bad article must not stop the run; reported by name
        return ArticleResult(article, [], [], error=f"extraction failed: {type(err).__name__}: {err}")


def process_articles(
    articles: Sequence[Article],
    *,
    date: dt.date | None = None,
    jobs: int = 1,
    on_result: Callable[[ArticleResult], None] | None = None,
) -> list[ArticleResult]:
    """Extract events from many articles, in ``jobs`` processes when more than one.

    An article whose extraction raises is returned with ``error`` set; the others go on.
    """
    results: list[ArticleResult] = []
    work = [(a, date) for a in articles]
    if jobs > 1 and len(work) > 1:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
        with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
            for r in pool.map(_worker, work, chunksize=max(1, len(work) // (jobs * 8))):
                results.append(r)
                if on_result:
                    on_result(r)
    else:
        for item in work:
            r = _worker(item)
            results.append(r)
            if on_result:
                on_result(r)
    return results


def read_inputs(inputs: Iterable[str | Path]) -> tuple[list[Article], list[ArticleError]]:
    """Read every article of the inputs; bad files become errors, the rest go on."""
    articles: list[Article] = []
    errors: list[ArticleError] = []
    for item in iter_articles(inputs):
        (errors if isinstance(item, ArticleError) else articles).append(item)
    return articles, errors


def extract_frame(inputs: Iterable[str | Path], *, date: dt.date | None = None, jobs: int = 1) -> "gpd.GeoDataFrame":
    """Read articles and return their events as a GeoDataFrame (EPSG:4326).

    Examples
    --------
    >>> gdf = extract_frame(["seeds"])  # doctest: +SKIP
    >>> sorted(gdf.actor.unique())      # doctest: +SKIP
    ['isis', 'rebels', 'russia', 'syrian_government']
    """
    from geo.frame import events_to_frame

    articles, _ = read_inputs(inputs)
    results = process_articles(articles, date=date, jobs=jobs)
    return events_to_frame(ev for r in results for ev in r.events)


def build(
    inputs: Iterable[str | Path],
    out: str | Path,
    *,
    date: dt.date | None = None,
    jobs: int = 1,
    boundaries: str | Path | None = None,
    inline_assets: bool = False,
    asset_dir: str | Path | None = None,
    split: str | None = None,
    on_result: Callable[[ArticleResult], None] | None = None,
) -> RunSummary:
    """Read every article, extract and geocode events, write ``events.geojson`` and the maps.

    Outputs are written to temporary files and renamed, so a crash leaves the
    previous outputs in place.
    """
    from geo.export import write_geojson
    from geo.frame import events_to_frame

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    summary = RunSummary()
    articles, errors = read_inputs(inputs)
    summary.articles_seen = len(articles) + len(errors)
    summary.articles_failed = [{"file": e.path, "reason": e.reason} for e in errors]
    results = process_articles(articles, date=date, jobs=jobs, on_result=on_result)
    events: list[Event] = []
    unresolved: list[str] = []
    for r in results:
        if r.error:
            summary.articles_failed.append({"file": r.article.path or r.article.id, "reason": r.error})
            continue
        summary.articles_processed += 1
        events.extend(r.events)
        unresolved.extend(u for u in r.unresolved if u not in unresolved)
    summary.unresolved_places = unresolved
    gdf = events_to_frame(events)
    summary.count(events)
    summary.outputs.append(str(write_geojson(gdf, out / "events.geojson")))
    summary.outputs.extend(str(p) for p in render_maps(gdf, out, boundaries=boundaries,
                                                        inline_assets=inline_assets, asset_dir=asset_dir, split=split))
    return summary


def render_maps(
    gdf: "gpd.GeoDataFrame",
    out: Path,
    *,
    boundaries: str | Path | None = None,
    inline_assets: bool = False,
    asset_dir: str | Path | None = None,
    split: str | None = None,
) -> list[Path]:
    """Render ``out/index.html`` (and split maps) from the events frame."""
    from maps import render_map

    return list(render_map(gdf, out / "index.html", title="strikemap", boundaries=boundaries,
                           inline_assets=inline_assets, asset_dir=asset_dir, split=split))
