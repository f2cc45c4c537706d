"""Command-line surface of the gazetteer: ``geocode`` and the ``gazetteer`` group.

Thin: options are parsed here, the work is done by the library, library errors become
one clear line and a non-zero exit. The lead registers these into ``strikemap``.
"""
from __future__ import annotations

import json
import sys
from typing import Any

import click

from gazetteer.errors import GazetteerError

__all__ = ["geocode_command", "gazetteer_group", "import_command", "download_command", "info_command"]


def _gazetteer(online: str | None, geonames_user: str | None):
    from gazetteer.core import Gazetteer, default_gazetteer

    if not online:
        return default_gazetteer()
    from gazetteer.sources.online import OnlineSource

    src = OnlineSource("geonames" if online == "geonames" else "nominatim", username=geonames_user)
    return Gazetteer.open(online=src)


def _error_line(query: Any, message: str) -> dict[str, Any]:
    return {"query": query, "name": None, "lat": None, "lon": None, "geonameid": None, "admin1": None,
            "country_code": None, "feature_code": None, "score": 0.0, "geo_precision": None, "matched": False,
            "candidates": [], "note": None, "error": message}


def _human(r) -> str:
    if not r.matched:
        return f"{r.query!r}: not resolved ({r.note})"
    where = ", ".join(x for x in (r.admin1, r.country_code) if x)
    line = (f"{r.name} ({where})  {r.lat:.5f}, {r.lon:.5f}  score {r.score:.2f}  precision {r.geo_precision}"
            + (f"  geonameid {r.geonameid}" if r.geonameid else ""))
    if r.note:
        line += f"\n  note: {r.note}"
    for c in r.candidates[:3]:
        line += f"\n  beat: {c['name']} ({c.get('admin1') or c.get('country_code')}) score {c['score']:.2f}"
    return line


@click.command("geocode")
@click.argument("name", required=False)
@click.option("--context", "-c", default=None, help="The sentence or paragraph the name stands in.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as one JSON object.")
@click.option("--batch", type=click.Path(dir_okay=False, allow_dash=True), default=None,
              help="A JSONL file of queries ({\"name\": ..., \"context\": ...}); one JSON result a line on stdout.")
@click.option("--country", default="SY", show_default=True, help="Country focus (ISO code); 'none' for no preference.")
@click.option("--online", type=click.Choice(["nominatim", "geonames"]), default=None,
              help="Ask an online geocoder when nothing is found offline (rate-limited, cached).")
@click.option("--geonames-user", envvar="STRIKEMAP_GEONAMES_USERNAME", default=None,
              help="GeoNames web-service username (for --online geonames).")
def geocode_command(name: str | None, context: str | None, as_json: bool, batch: str | None, country: str,
                    online: str | None, geonames_user: str | None) -> None:
    """Resolve a place name as a journalist spells it.

    \b
    Examples:
      strikemap geocode "Kafr Zeita" --context "in the northern countryside of Hama"
      strikemap geocode Latamneh --json
      strikemap geocode --batch queries.jsonl > results.jsonl
    """
    cc = None if country.lower() == "none" else country.upper()
    if name is None and batch is None:
        raise click.UsageError("give a NAME or --batch FILE")
    try:
        gz = _gazetteer(online, geonames_user)
    except GazetteerError as err:
        raise click.ClickException(str(err)) from err
    if batch is not None:
        gz.warm()  # many names: read the home places once instead of one by one
        stream = click.open_file(batch, "r", encoding="utf-8", errors="replace")
        with stream:
            for n, line in enumerate(stream, 1):
                if not line.strip():
                    continue
                try:
                    q = json.loads(line)
                    if not isinstance(q, dict) or not isinstance(q.get("name"), str):
                        raise ValueError("expected an object with a string 'name'")
                    ctx = q.get("context")
                    ctx = ctx if isinstance(ctx, str) else None
                    out = gz.geocode(q["name"], context=ctx, country=cc).as_dict()
                except ValueError as err:
                    out = _error_line(None, f"line {n}: {err}")
                click.echo(json.dumps(out, ensure_ascii=False))
        return
    r = gz.geocode(name, context=context, country=cc)
    if as_json:
        click.echo(json.dumps(r.as_dict(), ensure_ascii=False))
    else:
        click.echo(_human(r))
    if not r.matched:
        sys.exit(1)


@click.group("gazetteer")
def gazetteer_group() -> None:
    """Manage the places the geocoder knows: import files, download GeoNames dumps, show what is loaded.

    \b
    Examples:
      strikemap gazetteer info
      strikemap gazetteer import SY.zip
      strikemap gazetteer download SY
    """


@gazetteer_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--name-column", default=None, help="Column with the place name (tables; detected when omitted).")
@click.option("--admin1-column", default=None, help="Column with the governorate (tables; detected when omitted).")
@click.option("--alternate-names", type=click.Path(exists=True, dir_okay=False), default=None,
              help="GeoNames alternateNamesV2.txt (or its zip) for more spellings.")
@click.option("--country", "countries", multiple=True, help="Keep only this country (GeoNames dumps; repeatable).")
def import_command(file: str, name_column: str | None, admin1_column: str | None, alternate_names: str | None,
                   countries: tuple[str, ...]) -> None:
    """Import a gazetteer file: a GeoNames dump (SY.txt, SY.zip, allCountries, citiesN) or a CSV/GeoJSON/GeoPackage.

    Places are stored in the user's data directory and used by every later run;
    importing the same file name again replaces it.

    \b
    Examples:
      strikemap gazetteer import SY.zip --alternate-names alternateNamesV2.zip
      strikemap gazetteer import villages.csv --name-column name_en --admin1-column governorate
    """
    from gazetteer.importer import import_file

    try:
        res = import_file(file, name_column=name_column, admin1_column=admin1_column,
                          alternate_names=alternate_names, countries=list(countries) or None)
    except GazetteerError as err:
        raise click.ClickException(str(err)) from err
    click.echo(f"imported {res.places} places from {file} as {res.label} into {res.store}")


@gazetteer_group.command("download")
@click.argument("cc")
@click.option("--url-base", default=None, help="Where the dumps are (default https://download.geonames.org/export/dump/).")
@click.option("--no-import", is_flag=True, help="Only fetch and install the zip.")
def download_command(cc: str, url_base: str | None, no_import: bool) -> None:
    """Download the GeoNames dump of a country (CC.zip) and import it (needs the network).

    \b
    Examples:
      strikemap gazetteer download SY
      strikemap gazetteer download LB --url-base http://mirror.example/geonames/
    """
    from gazetteer.download import GEONAMES_DUMP_URL, download_country

    try:
        res = download_country(cc, url_base=url_base or GEONAMES_DUMP_URL, do_import=not no_import,
                               progress=sys.stderr.isatty())
    except GazetteerError as err:
        raise click.ClickException(str(err)) from err
    if no_import:
        click.echo(f"installed {res}")
    else:
        click.echo(f"downloaded and imported {res.places} places ({res.label}) into {res.store}")


@gazetteer_group.command("info")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def info_command(as_json: bool) -> None:
    """Say what is loaded: index files, sources, places per country.

    \b
    Example:
      strikemap gazetteer info --json
    """
    from gazetteer.core import default_gazetteer

    try:
        gz = default_gazetteer()
    except GazetteerError as err:
        raise click.ClickException(str(err)) from err
    per_country: dict[str, int] = {}
    per_source: dict[str, int] = {}
    files = []
    for idx in gz.indexes:
        files.append(str(idx.path))
        for cc, n in idx.counts_by_country().items():
            per_country[cc] = per_country.get(cc, 0) + n
        for src, n in idx.counts_by_source().items():
            per_source[src] = per_source.get(src, 0) + n
    info = {"version": gz.version, "indexes": files, "places": sum(per_country.values()), "sources": per_source,
            "countries": dict(sorted(per_country.items(), key=lambda kv: -kv[1]))}
    if as_json:
        click.echo(json.dumps(info, ensure_ascii=False))
        return
    click.echo(f"gazetteer version {info['version']}: {info['places']} places")
    for f in files:
        click.echo(f"  index {f}")
    for src, n in per_source.items():
        click.echo(f"  source {src}: {n}")
    top = list(info["countries"].items())
    focus = [kv for kv in top if kv[0] in ("SY", "IQ", "LB", "TR", "JO", "IL", "PS")]
    click.echo("  focus countries: " + ", ".join(f"{cc} {n}" for cc, n in focus))
    click.echo(f"  all countries: {len(top)} (largest: " + ", ".join(f"{cc} {n}" for cc, n in top[:5]) + ")")
