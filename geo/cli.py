"""The ``strikemap`` command line: a thin layer over :mod:`geo.pipeline` and friends.

Each command parses options, calls the library, and turns library errors into one
clear line on standard error and a non-zero exit status.

Exit status: 0 all inputs read; 1 some inputs failed (everything else still
written); 2 usage error; 3 a strikemap error stopped the run.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from geo.errors import StrikemapError

__all__ = ["main", "cli"]

EXIT_SOME_FAILED = 1
EXIT_ERROR = 3


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as err:
        raise click.BadParameter(f"{value!r} is not a date like 2015-10-07") from err


def print_summary(summary, *, err_console=None) -> None:
    """Print a run summary as rich tables on standard error."""
    from rich.console import Console
    from rich.table import Table

    console = err_console or Console(stderr=True)
    t = Table(title="strikemap", show_header=False, box=None)
    t.add_row("articles seen", str(summary.articles_seen))
    t.add_row("processed", str(summary.articles_processed))
    if summary.articles_unchanged:
        t.add_row("unchanged", str(summary.articles_unchanged))
    t.add_row("failed", str(len(summary.articles_failed)))
    t.add_row("events", str(summary.events))
    console.print(t)
    if summary.events_by_actor:
        from geo.schema import actor_label

        a = Table(title="events per actor")
        a.add_column("actor")
        a.add_column("events", justify="right")
        for actor, n in summary.events_by_actor.items():
            a.add_row(actor_label(actor), str(n))
        console.print(a)
    if summary.unresolved_places:
        console.print("places not resolved: " + ", ".join(summary.unresolved_places), markup=False, highlight=False)
    for out in summary.outputs:
        console.print(f"wrote {out}", markup=False, highlight=False)


def report_failures(summary) -> None:
    """Name every failed input with its reason on standard error."""
    for f in summary.articles_failed:
        click.echo(f"strikemap: {f['file']}: {f['reason']}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="strikemap")
def cli() -> None:
    """strikemap: map strikes and offensives in Syria from news articles.

    \b
    Example:
      strikemap build seeds --out out     # then open out/index.html
    """


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path), help="Output folder.")
@click.option("--date", callback=_parse_date, help="Publication date for articles that give none (YYYY-MM-DD).")
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 64), help="Worker processes.")
@click.option("--boundaries", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Governorate polygons for the map.")
@click.option("--inline-assets", is_flag=True, help="Write a single self-contained HTML map (works offline).")
@click.option("--asset-dir", type=click.Path(exists=True, file_okay=False, path_type=Path), help="Folder with the map's JS/CSS (e.g. node_modules) for --inline-assets.")
@click.option("--split", type=click.Choice(["actor", "day", "month"]), help="Also write one map per actor or period.")
@click.option("--json", "as_json", is_flag=True, help="Print the run summary as one JSON object.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
def build(inputs, out, date, jobs, boundaries, inline_assets, asset_dir, split, as_json, quiet) -> None:
    """Read articles, extract and geocode events, write OUT/events.geojson and OUT/index.html.

    \b
    Example:
      strikemap build seeds --out out
      strikemap build news/ extra.jsonl --out out --jobs 2 --json
    """
    from geo.pipeline import build as run_build

    try:
        summary = run_build(inputs, out, date=date, jobs=jobs, boundaries=boundaries,
                            inline_assets=inline_assets, asset_dir=asset_dir, split=split)
    except StrikemapError as err:
        click.echo(f"strikemap: {err}", err=True)
        sys.exit(EXIT_ERROR)
    report_failures(summary)
    if as_json:
        click.echo(json.dumps(summary.as_dict(), ensure_ascii=False))
    elif not quiet:
        print_summary(summary)
    sys.exit(EXIT_SOME_FAILED if summary.articles_failed else 0)


def _register_optional() -> None:
    """Register the commands that live in other packages (one place, explicit)."""
    from gazetteer.cli import gazetteer_group, geocode_command

    cli.add_command(geocode_command, "geocode")
    cli.add_command(gazetteer_group, "gazetteer")


try:
    _register_optional()
except ImportError:  # pragma: no cover - while the gazetteer CLI is being written
    pass


def main() -> None:
    """Entry point of the ``strikemap`` console script."""
    cli(prog_name="strikemap")


if __name__ == "__main__":  # pragma: no cover
    main()
