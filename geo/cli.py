"""The ``strikemap`` command line: a thin layer over :mod:`geo.pipeline` and friends.

Each command parses options, calls the library, and turns library errors into one
clear line on standard error and a non-zero exit status.

Exit status: 0 all inputs read; 1 some inputs failed (everything else still
written, each failed input named with its reason on standard error); 2 usage error;
3 a strikemap error stopped the run (e.g. the store is locked by another writer).
"""
from __future__ import annotations

import contextlib
import datetime as dt
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click

from gazetteer.cli import gazetteer_group, geocode_command
from geo.errors import ExportError, StrikemapError
from geo.schema import ACTORS, EVENT_TYPES

__all__ = ["main", "cli", "print_summary", "report_failures", "EXIT_OK", "EXIT_SOME_FAILED", "EXIT_USAGE", "EXIT_ERROR"]

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
EXIT_ERROR = 3


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as err:
        raise click.BadParameter(f"{value!r} is not a date like 2015-10-07") from err


def _fail(err: StrikemapError) -> None:
    click.echo(f"strikemap: {err}", err=True)
    sys.exit(EXIT_ERROR)


def print_summary(summary: Any, *, err_console: Any = None) -> None:
    """Print a run summary as rich tables on standard error."""
    from rich.console import Console
    from rich.table import Table

    from geo.schema import actor_label

    console = err_console or Console(stderr=True)
    t = Table(title="strikemap", show_header=False, box=None)
    t.add_row("articles seen", str(summary.articles_seen))
    t.add_row("  new", str(summary.articles_new))
    if summary.articles_changed:
        t.add_row("  changed / reprocessed", str(summary.articles_changed))
    t.add_row("  unchanged", str(summary.articles_unchanged))
    t.add_row("  failed", str(len(summary.articles_failed)))
    if summary.articles_pruned:
        t.add_row("  pruned from the store", str(summary.articles_pruned))
    t.add_row("articles in the store", str(summary.articles_stored))
    t.add_row("events", f"{summary.events} ({summary.events_added} from this run)")
    console.print(t)
    if summary.reprocess_reason:
        console.print(f"reprocessed: {summary.reprocess_reason}", markup=False, highlight=False)
    if summary.events_by_actor:
        a = Table(title="events per actor")
        a.add_column("actor")
        a.add_column("events", justify="right")
        for actor, n in summary.events_by_actor.items():
            a.add_row(actor_label(actor), str(n))
        console.print(a)
    if summary.events_by_type:
        ty = Table(title="events per type")
        ty.add_column("type")
        ty.add_column("events", justify="right")
        for typ, n in summary.events_by_type.items():
            ty.add_row(typ, str(n))
        console.print(ty)
    if summary.unresolved_places:
        console.print("places not in the gazetteer (mapped to their governorate, or to the part of it or the "
                      "nearby place the text names, where it names one): " + ", ".join(summary.unresolved_places),
                      markup=False, highlight=False)
    for out in summary.outputs:
        console.print(f"wrote {out}", markup=False, highlight=False)


def report_failures(summary: Any) -> None:
    """Name every failed input with its reason (and every warning) on standard error."""
    for f in summary.articles_failed:
        click.echo(f"strikemap: {f['file']}: {f['reason']}", err=True)
    for w in summary.warnings:
        click.echo(f"strikemap: warning: {w['file']}: {w['reason']}", err=True)


@contextlib.contextmanager
def _progress(enabled: bool, label: str) -> Iterator[tuple[Callable[[int], None] | None, Callable[[Any], None] | None]]:
    """A rich progress bar on standard error, when it is a terminal; else no callbacks."""
    if not enabled or not sys.stderr.isatty():
        yield None, None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task: list[Any] = []

        def on_start(total: int) -> None:
            task.append(bar.add_task(label, total=total))

        def on_result(_result: Any) -> None:
            if task:
                bar.advance(task[0])

        yield on_start, on_result


def _finish(summary: Any, as_json: bool, quiet: bool) -> None:
    report_failures(summary)
    if as_json:
        click.echo(json.dumps(summary.as_dict(), ensure_ascii=False))
    elif not quiet:
        print_summary(summary)
    sys.exit(EXIT_SOME_FAILED if summary.articles_failed else EXIT_OK)


def _map_options(boundaries: Path | None, inline_assets: bool, asset_dir: Path | None, split: str | None) -> Any:
    from geo.pipeline import MapOptions

    return MapOptions(boundaries=boundaries, inline_assets=inline_assets, asset_dir=asset_dir, split=split)


def _run_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """The options ``build``, ``update`` and ``watch`` share."""
    options = [
        click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path), help="Output folder."),
        click.option("--date", callback=_parse_date, help="Publication date for articles that give none (YYYY-MM-DD)."),
        click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 64), help="Worker processes."),
        click.option("--boundaries", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Governorate polygons for the map."),
        click.option("--inline-assets", is_flag=True, help="Write a single self-contained HTML map (works offline)."),
        click.option("--asset-dir", type=click.Path(exists=True, file_okay=False, path_type=Path), help="Folder with the map's JS/CSS (e.g. node_modules) for --inline-assets."),
        click.option("--split", type=click.Choice(["actor", "day", "month"]), help="Also write one map per actor or period."),
        click.option("--lock-timeout", default=10.0, show_default=True, type=click.FloatRange(0), help="Seconds to wait for another process writing the store."),
        click.option("--json", "as_json", is_flag=True, help="Print the run summary as one JSON object."),
        click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="strikemap")
def cli() -> None:
    """strikemap: map strikes and offensives in Syria from news articles.

    \b
    Exit status: 0 all inputs read; 1 some inputs failed (the rest still written);
    2 usage error; 3 an error stopped the run (e.g. the store is locked).

    \b
    Example:
      strikemap build seeds --out out     # then open out/index.html
      strikemap update seeds new --out out
    """


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@_run_options
def build(inputs, out, date, jobs, boundaries, inline_assets, asset_dir, split, lock_timeout, as_json, quiet) -> None:
    """Read articles, extract and geocode events; write a new store, events.geojson and maps in OUT.

    OUT gets strikemap.gpkg (the store), events.geojson and index.html.

    \b
    Example:
      strikemap build seeds --out out
      strikemap build news/ extra.jsonl --out out --jobs 2 --json
    """
    from geo.pipeline import build as run_build

    try:
        with _progress(not (quiet or as_json), "articles") as (on_start, on_result):
            summary = run_build(inputs, out, date=date, jobs=jobs,
                                maps=_map_options(boundaries, inline_assets, asset_dir, split),
                                lock_timeout=lock_timeout, on_start=on_start, on_result=on_result)
    except StrikemapError as err:
        _fail(err)
    _finish(summary, as_json, quiet)


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@_run_options
@click.option("--prune", is_flag=True, help="Remove stored articles (and their events) that are no longer in INPUTS.")
def update(inputs, out, date, jobs, boundaries, inline_assets, asset_dir, split, lock_timeout, as_json, quiet, prune) -> None:
    """Process only new or changed articles into OUT's store, then rewrite events.geojson and maps.

    An article is processed again when its content changed, when the extractor or
    gazetteer version changed, or when it failed last time. Articles no longer in
    INPUTS stay in the store unless --prune.

    \b
    Example:
      strikemap update news/ --out out
      strikemap update news/ --out out --prune --json
    """
    from geo.pipeline import update as run_update

    try:
        with _progress(not (quiet or as_json), "new articles") as (on_start, on_result):
            summary = run_update(inputs, out, prune=prune, date=date, jobs=jobs,
                                 maps=_map_options(boundaries, inline_assets, asset_dir, split),
                                 lock_timeout=lock_timeout, on_start=on_start, on_result=on_result)
    except StrikemapError as err:
        _fail(err)
    _finish(summary, as_json, quiet)


@cli.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@_run_options
@click.option("--prune", is_flag=True, help="Remove stored articles whose files were deleted from FOLDER.")
@click.option("--debounce", "debounce_ms", default=1000, show_default=True, type=click.IntRange(50), help="Milliseconds to gather a burst of changes into one run.")
@click.option("--max-runs", type=click.IntRange(1), help="Stop after this many runs (the first included).")
@click.option("--poll", "force_polling", is_flag=True, default=None, help="Poll the folder instead of OS notifications (network drives).")
def watch(folder, out, date, jobs, boundaries, inline_assets, asset_dir, split, lock_timeout, as_json, quiet, prune,
          debounce_ms, max_runs, force_polling) -> None:
    """Run `update FOLDER --out OUT` now and whenever articles arrive in FOLDER (Ctrl-C stops).

    Each run prints one line (with --json, one JSON object a line); a bad file is
    reported and the watch goes on. Exit status: that of the last run.

    \b
    Example:
      strikemap watch inbox/ --out out
      strikemap watch inbox/ --out out --json --max-runs 10
    """
    from geo.watch import watch as run_watch

    last: list[Any] = []

    def on_run(summary: Any) -> None:
        last[:] = [summary]
        report_failures(summary)
        if as_json:
            click.echo(json.dumps(summary.as_dict(), ensure_ascii=False))
        elif not quiet:
            stamp = dt.datetime.now().strftime("%H:%M:%S")
            click.echo(f"{stamp} update: {summary.articles_new} new, {summary.articles_changed} changed, "
                       f"{summary.articles_unchanged} unchanged, {len(summary.articles_failed)} failed; "
                       f"{summary.events} events", err=True)

    def on_error(err: StrikemapError) -> None:
        last[:] = []
        click.echo(f"strikemap: {err}", err=True)

    try:
        run_watch(folder, out, prune=prune, date=date, jobs=jobs,
                  maps=_map_options(boundaries, inline_assets, asset_dir, split), lock_timeout=lock_timeout,
                  debounce_ms=debounce_ms, max_runs=max_runs, on_run=on_run, on_error=on_error,
                  force_polling=force_polling)
    except StrikemapError as err:
        _fail(err)
    except KeyboardInterrupt:  # pragma: no cover - interactive
        pass
    if not last:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_SOME_FAILED if last[0].articles_failed else EXIT_OK)


@cli.command()
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path), help="Output folder of build/update (holds strikemap.gpkg).")
@click.option("--format", "fmt", type=click.Choice(["geojson", "gpkg", "csv"]), default="geojson", show_default=True, help="Export format.")
@click.option("--actor", "actors", multiple=True, type=click.Choice(list(ACTORS)), help="Only this actor (repeatable).")
@click.option("--type", "types", multiple=True, type=click.Choice(list(EVENT_TYPES)), help="Only this event type (repeatable).")
@click.option("--since", callback=_parse_date, help="Only events on or after this day (YYYY-MM-DD).")
@click.option("--until", callback=_parse_date, help="Only events on or before this day (YYYY-MM-DD).")
@click.option("--output", "-o", help="File to write ('-' for standard output; geojson/csv). Default: OUT/events-export.<ext>.")
@click.option("--acled-columns", is_flag=True, help="CSV: name and code columns as ACLED does (event_date, actor1, sub_event_type, ...).")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
def export(out, fmt, actors, types, since, until, output, acled_columns, quiet) -> None:
    """Write the stored events of OUT in another format, optionally filtered.

    CSV has one row per event with lon/lat columns. Events without a date are left
    out when --since or --until is given.

    \b
    Example:
      strikemap export --out out --format csv --acled-columns
      strikemap export --out out --format gpkg --actor russia --since 2015-10-01 -o russia.gpkg
      strikemap export --out out --format geojson --type airstrike --output -
    """
    from geo.export import csv_text, export_store, geojson_text, read_events
    from geo.store import EventFilter

    filters = EventFilter(actors=actors, types=types, since=since, until=until)
    try:
        if output == "-":
            if fmt == "gpkg":
                raise click.BadParameter("a GeoPackage cannot be written to standard output", param_hint="--output")
            if acled_columns and fmt != "csv":
                raise click.BadParameter("applies to --format csv only", param_hint="--acled-columns")
            gdf = read_events(out, filters)
            click.echo(geojson_text(gdf) if fmt == "geojson" else csv_text(gdf, acled_columns=acled_columns), nl=False)
            return
        result = export_store(out, fmt, filters=filters, output=output, acled_columns=acled_columns)
    except ExportError as err:
        click.echo(f"strikemap: {err}", err=True)
        sys.exit(EXIT_USAGE)
    except StrikemapError as err:
        _fail(err)
    if not quiet:
        click.echo(f"wrote {result.path} ({result.events} events)", err=True)


# Commands that live in the gazetteer package, registered here, in one place.
cli.add_command(geocode_command, "geocode")
cli.add_command(gazetteer_group, "gazetteer")


def main() -> None:
    """Entry point of the ``strikemap`` console script."""
    cli(prog_name="strikemap")


if __name__ == "__main__":  # pragma: no cover
    main()
