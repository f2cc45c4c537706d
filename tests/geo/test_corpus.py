"""An independent evaluation corpus for the extractor: ``tests/geo/corpus/``.

``articles.jsonl`` holds short news items written for this test (not taken from the
implementation or its data), ``gold.jsonl`` the events an annotator reads from them, in the
gold format of SCHEMA.md ("Gold events") and with the conventions of
``shared/eval/seeds_gold.jsonl``: one event per actor, type, place and date; geo_precision 1
for the town itself, 2 for "near X" / a district / an area of a town, 3 for a province only
(the point is then the provincial capital); dates resolved from weekdays relative to the
publication date (or, where the article has no ``published``, to the date its text gives);
``date`` null where the text does not fix the day.

Twenty-four sets, each scored on its own (every check below runs over each):

* set A (``articles.jsonl`` / ``gold.jsonl``): wire-style news items, short monitor notes and
  CJTF-OIR releases, and four articles that report no event in Syria;
* set B (``articles_b.jsonl`` / ``gold_b.jsonl``), written independently of set A and of the
  implementation, in styles set A lacks: terse conflict-monitor / ACLED-like notes (dates as
  "On 3 March 2020," or "16/07/2019:", actors as "Regime forces", "TAF", "HTS militants",
  "unidentified gunmen", "an IED"), ministry and coalition releases (CJTF-OIR, Russian MoD, IDF,
  Turkish MoD "neutralised" statements), 190-270-word news stories with quotes, attribution,
  background paragraphs and non-event sentences (2013 to 2024), and trap items: denials, threats
  and planned offensives (no event), strikes in Lebanon and Iraq (no event in Syria), and an
  article whose events are old ones told as background.
* set C (``articles_c.jsonl`` / ``gold_c.jsonl``): 24 items written blind (the writer neither read
  nor ran the extractor) in wire, monitor-note, ACLED-like and press-release styles, across all 14
  governorates and 12 actors, with namesakes (Sinjar in Idlib and in Iraq, Souran in Hama and
  Aleppo) and four trap items. Measured, not tuned on, until stop 9 fixed the release
  constructions its errors showed (first person, target lists, "Strikes in Iraq" sections).
* set D (``articles_d.jsonl`` / ``gold_d.jsonl``): 24 more items written blind in stop 9 (wire,
  monitor notes, releases, traps; 2012-2025, all governorates and actors), scored once blind,
  then used for five general fixes (see ``LOOSE_F1_FLOOR_D``).
* set E (``articles_e.jsonl`` / ``gold_e.jsonl``): 24 items written blind after set D's fixes
  (varied outlets, state media, monitor logs, digests, releases, traps; favouring 2011-2014 and
  2020-2025), scored once blind, then used for general fixes (see ``LOOSE_F1_FLOOR_E``).
* set F (``articles_f.jsonl`` / ``gold_f.jsonl``): 20 items written blind at the end of stop 9
  (news, monitor notes, four releases, three traps; 2012-2025, all governorates and actors),
  looked at in stop 11 (one fix: "from several directions on Sunday"), once set J existed
  (see ``LOOSE_F1_FLOOR_F``).
* set G (``articles_g.jsonl`` / ``gold_g.jsonl``): 22 items written blind at the start of stop
  10 (news, monitor logs, releases, traps), scored once blind, then used for general fixes (see
  ``LOOSE_F1_FLOOR_G``).
* set H (``articles_h.jsonl`` / ``gold_h.jsonl``): 22 items written blind in stop 10 in more
  voices (translated state and opposition media, a Kurdish outlet, a live blog, a flash update, a
  retrospective), scored once blind, then used for general fixes (see ``LOOSE_F1_FLOOR_H``).
* set I (``articles_i.jsonl`` / ``gold_i.jsonl``): 20 items written blind in stop 10, scored
  once at its end, tuned on in stop 11 once set J existed (see ``LOOSE_F1_FLOOR_I``).
  Background convention (as seed 003, which annotates "last week" strikes, and set A's "Last month
  the rebels seized ... Azaz"): an event told as having happened, with a place and an actor, is an
  event however old; its ``date`` is the day only where the text fixes it ("on 4 February 2018"),
  else null ("last month", "in March 2017", "in the summer"). A place named only as where
  missiles were fired from, where people fled to, or where a strike is threatened or planned is
  not an event place. A strike the monitor reports and the striker denies is an event.
* set J (``articles_j.jsonl`` / ``gold_j.jsonl``): 22 items written blind at the start of stop 11,
  scored once blind; only its score was read afterwards (see ``LOOSE_F1_FLOOR_J``): what the fixes
  drawn from the other sets generalise to. Conventions as set I.
* set K (``articles_k.jsonl`` / ``gold_k.jsonl``): 22 items written blind at the end of stop 11
  in more voices (OCHA flash update, ACLED-like table, think-tank summary, Kurdish and opposition
  outlets), scored once blind, tuned on in stop 12 once set L existed (see ``LOOSE_F1_FLOOR_K``).
* set L (``articles_l.jsonl`` / ``gold_l.jsonl``): 22 items written blind at the start of stop 12
  (an Airwars-style incident log, a live feed, an SNHR-style monthly report, a Commission of
  Inquiry paragraph, Press TV and Times-of-Israel styles, a Telegram post, a council statement, a
  long analysis, Kurdish spellings of Afrin; four traps), scored once blind, then tuned on once set
  M existed (see ``LOOSE_F1_FLOOR_L``).
* set M (``articles_m.jsonl`` / ``gold_m.jsonl``): 22 items written blind in stop 12 (AP/AFP/
  Reuters styles, a long read, a SOHR toll, White Helmets, Russian and Turkish MoD, SDF, CJTF-OIR,
  IDF, al-Manar, SANA, a 2012 LCC post, an ACLED weekly, an OCHA sitrep; four traps), scored once
  blind, then tuned on (see ``LOOSE_F1_FLOOR_M``).
* set N (``articles_n.jsonl`` / ``gold_n.jsonl``): 20 items written blind at the end of stop 12
  (a timeline explainer, a weekly summary without a date, an OSINT thread, a hospital
  investigation, TASS, Tasnim, Anadolu and Rudaw styles, a CJTF-OIR release; four traps), scored
  once blind with stop 12's extractor of that moment, then looked at for what was systematic
  (see ``LOOSE_F1_FLOOR_N``).
* set O (``articles_o.jsonl`` / ``gold_o.jsonl``): 22 items written blind at the start of stop 13
  (eight news stories: a regional daily, a wire update, a feature, a fact-check, a SANA
  translation, opposition, Turkish and Gulf outlets; six monitor logs in ACLED, pipe-table,
  SOHR, LCC, dd/mm/yyyy and "[04 Jan]" styles; CJTF-OIR, Russian MoD, Turkish MoD and IDF
  releases; four traps), scored once blind, then tuned on (see ``LOOSE_F1_FLOOR_O``).
* set P (``articles_p.jsonl`` / ``gold_p.jsonl``): 22 items written blind in stop 13 after set O's
  fixes (a 2011 crackdown wire, a siege report, a long read with flashbacks, a rights group's
  statement, a local council, a Kurdish outlet, state media, a drone-war analysis, an OCHA flash
  update; five monitor logs; CJTF-OIR, CENTCOM, Russian reconciliation centre and IDF releases;
  four traps), scored once blind, then tuned on (see ``LOOSE_F1_FLOOR_P``).
* set Q (``articles_q.jsonl`` / ``gold_q.jsonl``): 22 items written blind in stop 13 (a live page,
  a video-description report, witnesses quoted, an inquiry summary, a prison break, a town changing
  hands, passive voice throughout, 2025 Suwayda; a numbered round-up, a "Date; Location; Actor;
  Event" table, a thread, a SITREP, a casualty log; CJTF-OIR, Turkish and Russian MoD and SDF
  releases; four traps), scored once blind, then tuned on (see ``LOOSE_F1_FLOOR_Q``).
* set R (``articles_r.jsonl`` / ``gold_r.jsonl``): 22 items written blind in stop 13 imitating the
  held-out material (eight outlets' styles 2013-2024; eight monitor logs in as many line formats;
  two CJTF-OIR, a Russian and a Turkish release; two traps), scored once blind, then tuned on (see
  ``LOOSE_F1_FLOOR_R``).
* set S (``articles_s.jsonl`` / ``gold_s.jsonl``): 22 items written blind at the end of stop 13 (ten
  outlets' styles 2012-2025, a commander's profile, a weekly column, an investigation; six monitor
  logs with two-digit years, weekday-only lines and heavy abbreviations; four releases; two traps),
  scored once blind with stop 13's extractor of that moment (see ``LOOSE_F1_FLOOR_S``).
* set T (``articles_t.jsonl`` / ``gold_t.jsonl``): 22 items written blind at the very end of stop 13
  (ten news stories 2012-2025, six monitor logs, four releases, two traps), scored once with stop
  13's final extractor; its errors were never read then; tuned on in stop 14 (see ``LOOSE_F1_FLOOR_T``).
* set U (``articles_u.jsonl`` / ``gold_u.jsonl``): 22 items written blind at the start of stop 14
  (ten news stories in state-media, opposition and Kurdish voices, a feature, a Q&A, a story all in
  the passive; six logs, one typed without capitals; three releases; three traps), scored once
  blind, then tuned on (see ``LOOSE_F1_FLOOR_U``).
* set V (``articles_v.jsonl`` / ``gold_v.jsonl``): 22 items written blind at the start of stop 14
  (a siege, a town changing hands twice, a roundup, actors by description only, relative dates,
  Arabic-flavoured spellings; ACLED-like rows, a timeline, an Airwars-like entry, a Telegram post, a
  markdown table; IDF, CENTCOM and Syrian MoD releases; three traps), scored once blind, then tuned
  on (see ``LOOSE_F1_FLOOR_V``).
* sets W and X (``articles_w.jsonl`` / ``articles_x.jsonl``): 22 items each written blind in stop 14
  (W: a radio bulletin, an explainer, a long read, joint actors, lists, a 2011 crackdown, the Badia,
  SDF and tribes, towns abroad without their country, CSV and "//" logs, verbless notes; X: a week
  in review, a rights report, an interview, a family's history, the present perfect, a live page,
  a thread, weekday bullets, a monthly CJTF summary, three traps). Scored on arrival and with stop
  14's final extractor; their errors were not read (see ``LOOSE_F1_FLOOR_W``, ``LOOSE_F1_FLOOR_X``).

Two parts:

* the corpus checks (always run): the files are well formed and consistent with the contract;
* the extractor run: ``geo.extract.extract_events`` over every article, the events written as
  a GeoJSON FeatureCollection and scored with the matching rule of ``shared/eval/score.py``
  (re-implemented here so that this test never needs ``../shared``). Skipped while
  ``geo.extract`` cannot be imported, except under ``CI=true``, where that is a failure.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "corpus"
ARTICLES_PATH = CORPUS / "articles.jsonl"
GOLD_PATH = CORPUS / "gold.jsonl"
ARTICLES_B_PATH = CORPUS / "articles_b.jsonl"
GOLD_B_PATH = CORPUS / "gold_b.jsonl"
ARTICLES_C_PATH = CORPUS / "articles_c.jsonl"
GOLD_C_PATH = CORPUS / "gold_c.jsonl"

# The contract (SCHEMA.md): actor ids and event types.
SCHEMA_ACTORS = {
    "russia", "syrian_government", "us_coalition", "turkey", "israel", "france", "uk",
    "isis", "hts_nusra", "rebels", "sdf_ypg", "iran_militias", "hezbollah", "unknown",
}
SCHEMA_TYPES = {
    "airstrike", "drone_strike", "missile_strike", "shelling", "ground_offensive", "raid",
    "bombing", "attack",
}
GOLD_FIELDS = (
    "article_id", "actor", "event_type", "place_as_written", "place_canonical", "admin1",
    "lat", "lon", "geonameid", "geo_precision", "date", "evidence",
)
# Syria's bounding box (a little generous on every side).
LAT_RANGE = (32.3, 37.4)
LON_RANGE = (35.6, 42.4)

# Articles that report no event at all: threats, denials, plans, conditionals, questions.
# Nothing may be extracted from them.
NO_EVENT_ARTICLES = {"n01_threat_2022", "n02_denial_2019", "n03_plans_2018"}
# An article about a meeting in Geneva and strikes outside Syria (Iraq, Lebanon): nothing may
# be extracted in Syria (an event placed outside Syria is tolerated, as score.py does).
NO_SYRIA_EVENT_ARTICLES = {"n04_geneva_2019"}

# Regression floor for loose F1. Raise it as the extractor improves; never lower it.
LOOSE_F1_FLOOR = 0.89

# Set B's own trap articles (see the module docstring).
NO_EVENT_ARTICLES_B = {"b_t01_denials_2017", "b_t02_threats_2020"}
NO_SYRIA_EVENT_ARTICLES_B = {"b_t03_outside_2024"}
# Set B's regression floor for loose F1: a floor against regressions, not a target. Set B was
# written without looking at the extractor, so its score is the more honest estimate of how the
# extractor generalises; raise the floor as the extractor improves on it, never lower it.
LOOSE_F1_FLOOR_B = 0.80


#: The actors a set's gold names (unless the set says otherwise)
ALL_ACTORS = frozenset({"russia", "syrian_government", "us_coalition", "turkey", "israel", "isis", "hts_nusra", "rebels",
                        "sdf_ypg", "hezbollah", "iran_militias"})


class CorpusSet:
    """One evaluation set: its files, its no-event articles and its F1 floor."""

    def __init__(self, name, articles_path, gold_path, no_event, no_syria_event, f1_floor,
                 known_misses=frozenset(), min_gold=80, min_undated=2,
                 types=("airstrike", "drone_strike", "missile_strike", "shelling", "ground_offensive", "raid"),
                 actors=ALL_ACTORS):
        self.name = name
        self.articles_path = articles_path
        self.gold_path = gold_path
        self.no_event = no_event
        self.no_syria_event = no_syria_event
        self.f1_floor = f1_floor
        # trap articles the extractor is known to read events from (listed, not hidden)
        self.known_misses = frozenset(known_misses)
        self.min_gold = min_gold
        self.min_undated = min_undated  # articles without ``published``: the date inferred from the text
        self.types = types  # the event types its gold must use (set I, written blind, has no raid)
        self.actors = frozenset(actors)  # the actors its gold must name (sets Z, AA, AB lack one each)


# Set C: 24 items written blind (the writer neither read nor ran the extractor), in stop 8, after
# the extractor changes of that stop; its score is the most honest estimate of generalisation
# (0.753 loose F1 when written; 0.737 for the extractor before that stop). Stop 9 tuned on its
# release errors (0.821 after), so it is no longer blind.
NO_EVENT_ARTICLES_C = {"c3_21_tartus_denial_2021", "c3_22_turkey_threat_2022", "c3_24_astana_2017"}
NO_SYRIA_EVENT_ARTICLES_C = {"c3_23_iraq_strikes_2024"}
LOOSE_F1_FLOOR_C = 0.82

# Set D: 24 items written blind in stop 9 (the writer neither read nor ran the extractor), after
# extractor 1.4's release rules: 0.856 loose / 0.722 strict F1 when first scored (0.833 / 0.700
# for extractor 1.3). Five general fixes then came from its errors (city parts, fronted dates,
# "launched drones at", "allied", carried dates), so it is no longer blind either: the next
# honest estimate needs a new set E.
NO_EVENT_ARTICLES_D = {"d4_21_sdf_denial_2023", "d4_22_threat_2022", "d4_24_opinion_2025"}
NO_SYRIA_EVENT_ARTICLES_D = {"d4_23_lebanon_iraq_2024"}
LOOSE_F1_FLOOR_D = 0.88
ARTICLES_D_PATH = CORPUS / "articles_d.jsonl"
GOLD_D_PATH = CORPUS / "gold_d.jsonl"

# Set E: 24 more items written blind in stop 9 after set D's fixes (news from varied outlets incl.
# state media and a Kurdish and an Israeli outlet, SOHR-style summaries, air-activity logs,
# ACLED-like digests, releases, three traps): 0.758 loose / 0.558 strict F1 when first scored
# (0.755 / 0.553 for extractor 1.3); its errors then led to general fixes (dated headings,
# captions, "the army", bracketed acronyms, "militants of the X group", first person in state
# media, signalled offensives, fakes), so it is no longer blind either.
NO_EVENT_ARTICLES_E = {"e5_22_trap_fake_video_2020", "e5_23_trap_warning_tal_rifaat_2022"}
NO_SYRIA_EVENT_ARTICLES_E = {"e5_24_trap_lebanon_masnaa_2024"}
LOOSE_F1_FLOOR_E = 0.87
ARTICLES_E_PATH = CORPUS / "articles_e.jsonl"
GOLD_E_PATH = CORPUS / "gold_e.jsonl"

# Set F: 20 items written blind at the end of stop 9 and never tuned on: the honest estimate of
# how the extractor does on text it has not seen. When first scored: 0.795 loose / 0.692 strict
# F1 (0.769 / 0.577 for the extractor of stop 8). Its trap f6_18 ("No unit of the Turkish Armed
# Forces has opened fire in the Tal Rifaat area") was a known miss until extractor 1.5 read
# negated subjects, a rule built from sentences of its own (tests/geo/extract/test_negated_subjects.py);
# no other error of F was looked at until stop 11, once set J existed.
NO_EVENT_ARTICLES_F = {"f6_18_denial_tal_rifaat_2018", "f6_19_ultimatum_2022"}
KNOWN_MISSES_F: set[str] = set()
NO_SYRIA_EVENT_ARTICLES_F = {"f6_20_jordan_iraq_2024"}
LOOSE_F1_FLOOR_F = 0.82
ARTICLES_F_PATH = CORPUS / "articles_f.jsonl"
GOLD_F_PATH = CORPUS / "gold_f.jsonl"

# Set G: 22 items written blind at the start of stop 10 (news, monitor logs with many date forms,
# four releases, four traps; 2013-2024, all governorates and actors): 0.774 loose / 0.670 strict
# F1 when first scored, by extractor 1.4 plus the negated-subject rule. Stop 10 then made general
# fixes from its errors (releases told over several sentences, targets named as objects, headline
# folds, relative clauses, datelines, entering a town, ...), so it is no longer blind.
NO_EVENT_ARTICLES_G = {"g7_19_trap_erdogan_threat_2022"}
NO_SYRIA_EVENT_ARTICLES_G = {"g7_20_trap_qaim_iraq_2021", "g7_21_trap_bekaa_lebanon_2024"}
LOOSE_F1_FLOOR_G = 0.90
ARTICLES_G_PATH = CORPUS / "articles_g.jsonl"
GOLD_G_PATH = CORPUS / "gold_g.jsonl"

# Set H: 22 items written blind in stop 10 after set G's fixes, in more voices (translated state and
# opposition media, a Kurdish outlet, Anadolu, a live blog, a humanitarian flash update, a
# retrospective): 0.690 loose / 0.604 strict F1 when first scored (0.683 / 0.587 for the extractor
# of stop 9: G's fixes had hardly generalised). Then tuned on (releases, claims, city parts,
# operations, clause dates), so it is no longer blind.
NO_EVENT_ARTICLES_H = {"h8_19_threats_2022"}
NO_SYRIA_EVENT_ARTICLES_H = {"h8_20_iraq_sinjar_brief_2023", "h8_21_lebanon_bekaa_2024"}
# The headline "Israeli strike cuts main Beirut-Damascus road at Masnaa border crossing" places the
# crossing in Syria; only the body says "the Lebanese side of", and a headline is read first.
KNOWN_MISSES_H = {"h8_21_lebanon_bekaa_2024"}
LOOSE_F1_FLOOR_H = 0.82
ARTICLES_H_PATH = CORPUS / "articles_h.jsonl"
GOLD_H_PATH = CORPUS / "gold_h.jsonl"

# Set I: 20 items written blind in stop 10 and scored once, at its end, never looked at: with set
# F (looked at for one trap only) the honest estimate. 0.813 loose / 0.701 strict F1 (0.761 / 0.657
# for the extractor of stop 9). Tuned on in stop 11, once set J existed (0.883 / 0.865 after).
NO_EVENT_ARTICLES_I: set[str] = set()
NO_SYRIA_EVENT_ARTICLES_I = {"i9_18_masnaa_2024"}
LOOSE_F1_FLOOR_I = 0.85
ARTICLES_I_PATH = CORPUS / "articles_i.jsonl"
GOLD_I_PATH = CORPUS / "gold_i.jsonl"

# Set J: 22 items written blind at the start of stop 11 (wire stories, monitor and ACLED-like logs,
# a live blog, CJTF-OIR / Russian MoD / Turkish MoD / IDF releases, SANA, a translated opposition
# outlet; four traps), scored once blind: 0.829 loose / 0.667 strict F1 for the extractor of stop 10.
# Its errors were not read in stop 11 (two trap errors were seen when it was registered, below): stop
# 11 tuned on sets I and F and read only J's score (0.852 / 0.791 at its end); stop 12 tuned on it.
NO_EVENT_ARTICLES_J = {"j11_10_trap_threats_2022", "j11_13_trap_negations_2020"}
NO_SYRIA_EVENT_ARTICLES_J = {"j11_12_trap_iraq_lebanon_2014"}
# Seen when J was registered, and left unfixed so that J stays an estimate: a threat in quotes
# ("would 'respond with all our strength' to any attack") read as an SDF attack, and "In Lebanon,
# the army said it had regained control of ... Arsal" read as a coalition offensive in Qalamoun.
KNOWN_MISSES_J = {"j11_10_trap_threats_2022", "j11_12_trap_iraq_lebanon_2014"}
LOOSE_F1_FLOOR_J = 0.80
ARTICLES_J_PATH = CORPUS / "articles_j.jsonl"
GOLD_J_PATH = CORPUS / "gold_j.jsonl"

# Set K: 22 items written blind at the end of stop 11 (a regional feature, an OCHA-style flash
# update, an ACLED-like table, a think-tank summary, SANA, Enab Baladi / Syria Direct and ANHA /
# Rudaw styles, CJTF-OIR, CENTCOM, Russian MoD, Turkish MoD and IDF statements, a live blog, a
# retrospective; four traps), scored once blind: 0.833 loose / 0.747 strict F1 for the extractor of
# stop 11 (0.820 / 0.727 for stop 10's); stop 12 tuned on it once set L existed.
NO_EVENT_ARTICLES_K = {"k12_05_trap_threat", "k12_10_trap_denial", "k12_19_trap_hypothetical"}
NO_SYRIA_EVENT_ARTICLES_K = {"k12_15_trap_iraq"}
# Three traps give events (found by counting, not read): listed, not hidden
KNOWN_MISSES_K = {"k12_05_trap_threat", "k12_15_trap_iraq", "k12_19_trap_hypothetical"}
LOOSE_F1_FLOOR_K = 0.80
ARTICLES_K_PATH = CORPUS / "articles_k.jsonl"
GOLD_K_PATH = CORPUS / "gold_k.jsonl"

# Set L: written blind at the start of stop 12; scored once blind with stop 11's extractor and with
# stop 12's of that moment (0.807 / 0.614 F1 for both), then tuned on once set M existed.
NO_EVENT_ARTICLES_L = {"l13_10_masyaf_blasts_denial", "l13_15_erdogan_threatens_tal_rifaat_manbij"}
NO_SYRIA_EVENT_ARTICLES_L = {"l13_05_turkish_drones_iraq_sinjar_soran", "l13_20_israeli_strikes_hermel_lebanon"}
LOOSE_F1_FLOOR_L = 0.83
ARTICLES_L_PATH = CORPUS / "articles_l.jsonl"
GOLD_L_PATH = CORPUS / "gold_l.jsonl"

# Set M: written blind in stop 12; scored once blind (0.725 / 0.698 with stop 11's extractor and with
# stop 12's of that moment), then tuned on. Its Kobani events are annotated at precision 3 (the
# GeoNames point of Kobani lies outside the Natural Earth polygon of Aleppo, so the writer's checker
# refused it): a town-level answer misses them, and they stay in the gold as written.
NO_EVENT_ARTICLES_M = {"m14_11_denial_rasalayn_2016", "m14_16_threats_talrifaat_2022"}
NO_SYRIA_EVENT_ARTICLES_M = {"m14_05_iraq_strikes_2024", "m14_20_lebanon_2006_anniversary"}
LOOSE_F1_FLOOR_M = 0.75
ARTICLES_M_PATH = CORPUS / "articles_m.jsonl"
GOLD_M_PATH = CORPUS / "gold_m.jsonl"

# Set N: written blind at the end of stop 12; scored once blind: 0.690 / 0.460 F1 with stop 12's
# extractor of that moment (0.676 / 0.453 with stop 11's): the honest estimate of this stop. Its errors
# were read afterwards for what was systematic (dates of timelines, weekly summaries and periods).
NO_EVENT_ARTICLES_N = {"n15_18_russia_denial", "n15_19_erdogan_threat", "n15_20_idlib_hypothetical"}
NO_SYRIA_EVENT_ARTICLES_N = {"n15_17_lebanon_yemen_strikes"}
LOOSE_F1_FLOOR_N = 0.68
ARTICLES_N_PATH = CORPUS / "articles_n.jsonl"
GOLD_N_PATH = CORPUS / "gold_n.jsonl"

# Set O: written blind at the start of stop 13 (the writer neither read nor ran the extractor); scored
# once blind: 0.854 / 0.826 F1 with stop 12's extractor, 0.865 / 0.837 with stop 13's of that moment.
# Then tuned on (see the stop 13 note).
NO_EVENT_ARTICLES_O = {"o16_19_trap_threats_euphrates_2018", "o16_21_trap_analysis_frozen_map_2021",
                       "o16_22_trap_false_claim_tartus_2025"}
NO_SYRIA_EVENT_ARTICLES_O = {"o16_20_trap_lebanon_iraq_2024"}
LOOSE_F1_FLOOR_O = 0.84
ARTICLES_O_PATH = CORPUS / "articles_o.jsonl"
GOLD_O_PATH = CORPUS / "gold_o.jsonl"

# Set P: written blind in stop 13, after set O's fixes; scored once blind: 0.804 / 0.757 F1 with
# stop 12's extractor, 0.854 / 0.814 with stop 13's of that moment. Then tuned on (see the stop 13 note).
NO_EVENT_ARTICLES_P = {"p17_19_trap_threats_tal_rifaat_manbij_2022", "p17_21_trap_hama_1982_retrospective",
                       "p17_22_trap_ceasefire_holds_2016"}
NO_SYRIA_EVENT_ARTICLES_P = {"p17_20_trap_kilis_rockets_iraq_2016"}
LOOSE_F1_FLOOR_P = 0.84
ARTICLES_P_PATH = CORPUS / "articles_p.jsonl"
GOLD_P_PATH = CORPUS / "gold_p.jsonl"

# Set Q: written blind in stop 13, after set P's first fixes; scored once blind: 0.805 / 0.805 F1 with
# stop 12's extractor, 0.809 / 0.809 with stop 13's of that moment (the fixes drawn from O and P barely
# carried over). Then tuned on (see the stop 13 note).
NO_EVENT_ARTICLES_Q = {"q18_19_trap_ultimatum", "q18_20_trap_drill", "q18_22_trap_opinion"}
NO_SYRIA_EVENT_ARTICLES_Q = {"q18_21_trap_iraq_lebanon"}
LOOSE_F1_FLOOR_Q = 0.84
ARTICLES_Q_PATH = CORPUS / "articles_q.jsonl"
GOLD_Q_PATH = CORPUS / "gold_q.jsonl"

# Set R: written blind in stop 13, after the fixes drawn from O, P and Q; scored once blind: 0.749 / 0.704
# F1 with stop 12's extractor, 0.776 / 0.724 with stop 13's of that moment. Then tuned on (see the
# stop 13 note).
NO_EVENT_ARTICLES_R = {"r19_21_trap_idlib_warnings"}
NO_SYRIA_EVENT_ARTICLES_R = {"r19_22_trap_iraq_lebanon"}
LOOSE_F1_FLOOR_R = 0.80
ARTICLES_R_PATH = CORPUS / "articles_r.jsonl"
GOLD_R_PATH = CORPUS / "gold_r.jsonl"

# Set S: written blind at the end of stop 13, after the fixes drawn from O to R; scored once blind:
# 0.718 / 0.645 F1 with stop 12's extractor, 0.740 / 0.681 with stop 13's of that moment: the honest
# estimate of this stop. Then looked at for what was systematic (telegraphic notes, a commander's forces).
NO_EVENT_ARTICLES_S = {"s20_21_trap_threats_2022"}
NO_SYRIA_EVENT_ARTICLES_S = {"s20_22_trap_outside_syria_2019"}
LOOSE_F1_FLOOR_S = 0.74
# A known miss, not fixed: "a base in the hills above Qusaya, about five kilometres from the frontier"
# (in Lebanon; the sentence names no country, and a Syrian namesake answers)
KNOWN_MISSES_S = {"s20_22_trap_outside_syria_2019"}
ARTICLES_S_PATH = CORPUS / "articles_s.jsonl"
GOLD_S_PATH = CORPUS / "gold_s.jsonl"

# Set T: written blind at the very end of stop 13 and scored once with stop 13's final extractor:
# 0.796 / 0.746 F1 (stop 12's: 0.756 / 0.727). Its errors were not read in stop 13; stop 14 tuned on it.
NO_EVENT_ARTICLES_T = {"t21_21_trap_threats_2019"}
NO_SYRIA_EVENT_ARTICLES_T = {"t21_22_trap_iraq_2024"}
LOOSE_F1_FLOOR_T = 0.86
# A known miss, listed when the set was registered in stop 13
KNOWN_MISSES_T = {"t21_21_trap_threats_2019"}
ARTICLES_T_PATH = CORPUS / "articles_t.jsonl"
GOLD_T_PATH = CORPUS / "gold_t.jsonl"

# Set U: written blind at the start of stop 14; scored once blind: 0.711 / 0.704 F1 with stop 13's final
# extractor and with stop 14's of that moment (the same). Then tuned on (see the stop 14 note).
NO_EVENT_ARTICLES_U = {"u21_20_trap_threats_idlib_2018"}
NO_SYRIA_EVENT_ARTICLES_U: set[str] = set()
LOOSE_F1_FLOOR_U = 0.80
ARTICLES_U_PATH = CORPUS / "articles_u.jsonl"
GOLD_U_PATH = CORPUS / "gold_u.jsonl"

# Set V: written blind at the start of stop 14; scored once blind: 0.790 / 0.655 F1 with stop 13's
# final extractor, 0.833 / 0.681 with stop 14's of that moment. Then tuned on.
NO_EVENT_ARTICLES_V = {"v21_20_trap_condemnation_2018", "v21_21_trap_scenario_2020"}
NO_SYRIA_EVENT_ARTICLES_V: set[str] = set()
LOOSE_F1_FLOOR_V = 0.82
ARTICLES_V_PATH = CORPUS / "articles_v.jsonl"
GOLD_V_PATH = CORPUS / "gold_v.jsonl"

# Sets W and X: written blind in stop 14, scored on arrival (W 0.811 / 0.764 F1, X 0.827 / 0.795;
# stop 13's final extractor: 0.778 / 0.737 and 0.821 / 0.788) and with stop 14's final extractor
# (see the README). Their errors were not read: the next stop's first honest measure.
NO_EVENT_ARTICLES_W = {"w21_20_trap_geneva_2016", "w21_22_trap_factcheck_2025"}
NO_SYRIA_EVENT_ARTICLES_W: set[str] = set()
LOOSE_F1_FLOOR_W = 0.86
# Known misses, listed when the set was registered and not fixed (its errors are left unread)
KNOWN_MISSES_W = {"w21_22_trap_factcheck_2025"}
ARTICLES_W_PATH = CORPUS / "articles_w.jsonl"
GOLD_W_PATH = CORPUS / "gold_w.jsonl"

NO_EVENT_ARTICLES_X = {"x21_20_trap_truce_accusations_2016", "x21_22_trap_anniversary_decade_2021"}
NO_SYRIA_EVENT_ARTICLES_X = {"x21_21_trap_iraq_lebanon_strikes_2024"}
LOOSE_F1_FLOOR_X = 0.84
ARTICLES_X_PATH = CORPUS / "articles_x.jsonl"
GOLD_X_PATH = CORPUS / "gold_x.jsonl"

# Sets W and X were tuned on in stop 15 (W 0.90 / 0.86, X 0.88 / 0.84 after). Set Z: written blind in
# stop 15, scored on arrival (0.732 / 0.638; stop 14's final extractor 0.712 / 0.607), then tuned on.
NO_EVENT_ARTICLES_Z = {"z21_21_threats_2014", "z21_22_drill_delivery_2013"}
NO_SYRIA_EVENT_ARTICLES_Z: set[str] = set()
LOOSE_F1_FLOOR_Z = 0.82
KNOWN_MISSES_Z = {"z21_22_drill_delivery_2013"}  # a Russian naval drill "firing missiles at drone targets"
ARTICLES_Z_PATH = CORPUS / "articles_z.jsonl"
GOLD_Z_PATH = CORPUS / "gold_z.jsonl"

# Sets Y, AA and AB: written blind in stop 15 and scored on arrival and with stop 15's final
# extractor (see the README). Their errors were not read: the next stop's first honest measure.
# Floors a little under the score at registration; known misses listed, not fixed.
NO_EVENT_ARTICLES_Y = {"y21_21_opinion_idlib_2019"}
NO_SYRIA_EVENT_ARTICLES_Y: set[str] = set()
LOOSE_F1_FLOOR_Y = 0.80
ARTICLES_Y_PATH = CORPUS / "articles_y.jsonl"
GOLD_Y_PATH = CORPUS / "gold_y.jsonl"
KNOWN_MISSES_Y: set[str] = set()

NO_EVENT_ARTICLES_AA = {"aa21_21_trap_geneva_talks_2016", "aa21_22_trap_refugees_memories_2013"}
NO_SYRIA_EVENT_ARTICLES_AA: set[str] = set()
LOOSE_F1_FLOOR_AA = 0.79
ARTICLES_AA_PATH = CORPUS / "articles_aa.jsonl"
GOLD_AA_PATH = CORPUS / "gold_aa.jsonl"
KNOWN_MISSES_AA = {"aa21_21_trap_geneva_talks_2016"}

NO_EVENT_ARTICLES_AB = {"ab21_21_trap_planned_2022", "ab21_22_trap_football_2025"}
NO_SYRIA_EVENT_ARTICLES_AB: set[str] = set()
LOOSE_F1_FLOOR_AB = 0.73
ARTICLES_AB_PATH = CORPUS / "articles_ab.jsonl"
GOLD_AB_PATH = CORPUS / "gold_ab.jsonl"
KNOWN_MISSES_AB = {"ab21_21_trap_planned_2022"}

# Keyed by the file-name suffix: "" is set A (articles.jsonl), "_b" set B ... "_x" set X, "_aa" set AA.
CORPUS_SETS = {
    "": CorpusSet("A", ARTICLES_PATH, GOLD_PATH, NO_EVENT_ARTICLES, NO_SYRIA_EVENT_ARTICLES,
                  LOOSE_F1_FLOOR),
    "_b": CorpusSet("B", ARTICLES_B_PATH, GOLD_B_PATH, NO_EVENT_ARTICLES_B,
                    NO_SYRIA_EVENT_ARTICLES_B, LOOSE_F1_FLOOR_B),
    "_c": CorpusSet("C", ARTICLES_C_PATH, GOLD_C_PATH, NO_EVENT_ARTICLES_C,
                    NO_SYRIA_EVENT_ARTICLES_C, LOOSE_F1_FLOOR_C),
    "_d": CorpusSet("D", ARTICLES_D_PATH, GOLD_D_PATH, NO_EVENT_ARTICLES_D,
                    NO_SYRIA_EVENT_ARTICLES_D, LOOSE_F1_FLOOR_D),
    "_e": CorpusSet("E", ARTICLES_E_PATH, GOLD_E_PATH, NO_EVENT_ARTICLES_E,
                    NO_SYRIA_EVENT_ARTICLES_E, LOOSE_F1_FLOOR_E),
    "_f": CorpusSet("F", ARTICLES_F_PATH, GOLD_F_PATH, NO_EVENT_ARTICLES_F,
                    NO_SYRIA_EVENT_ARTICLES_F, LOOSE_F1_FLOOR_F, known_misses=KNOWN_MISSES_F, min_gold=70),
    "_g": CorpusSet("G", ARTICLES_G_PATH, GOLD_G_PATH, NO_EVENT_ARTICLES_G,
                    NO_SYRIA_EVENT_ARTICLES_G, LOOSE_F1_FLOOR_G, min_gold=100, min_undated=0),
    "_h": CorpusSet("H", ARTICLES_H_PATH, GOLD_H_PATH, NO_EVENT_ARTICLES_H,
                    NO_SYRIA_EVENT_ARTICLES_H, LOOSE_F1_FLOOR_H, known_misses=KNOWN_MISSES_H, min_gold=120,
                    min_undated=0),
    "_i": CorpusSet("I", ARTICLES_I_PATH, GOLD_I_PATH, NO_EVENT_ARTICLES_I,
                    NO_SYRIA_EVENT_ARTICLES_I, LOOSE_F1_FLOOR_I, min_gold=100, min_undated=0,
                    types=("airstrike", "drone_strike", "shelling", "ground_offensive", "bombing")),
    "_j": CorpusSet("J", ARTICLES_J_PATH, GOLD_J_PATH, NO_EVENT_ARTICLES_J,
                    NO_SYRIA_EVENT_ARTICLES_J, LOOSE_F1_FLOOR_J, known_misses=KNOWN_MISSES_J, min_gold=120,
                    min_undated=2),
    "_k": CorpusSet("K", ARTICLES_K_PATH, GOLD_K_PATH, NO_EVENT_ARTICLES_K,
                    NO_SYRIA_EVENT_ARTICLES_K, LOOSE_F1_FLOOR_K, known_misses=KNOWN_MISSES_K, min_gold=120,
                    min_undated=2),
    "_l": CorpusSet("L", ARTICLES_L_PATH, GOLD_L_PATH, NO_EVENT_ARTICLES_L,
                    NO_SYRIA_EVENT_ARTICLES_L, LOOSE_F1_FLOOR_L, min_gold=120, min_undated=2),
    "_m": CorpusSet("M", ARTICLES_M_PATH, GOLD_M_PATH, NO_EVENT_ARTICLES_M,
                    NO_SYRIA_EVENT_ARTICLES_M, LOOSE_F1_FLOOR_M, min_gold=120, min_undated=2),
    "_n": CorpusSet("N", ARTICLES_N_PATH, GOLD_N_PATH, NO_EVENT_ARTICLES_N,
                    NO_SYRIA_EVENT_ARTICLES_N, LOOSE_F1_FLOOR_N, min_gold=110, min_undated=2),
    "_o": CorpusSet("O", ARTICLES_O_PATH, GOLD_O_PATH, NO_EVENT_ARTICLES_O,
                    NO_SYRIA_EVENT_ARTICLES_O, LOOSE_F1_FLOOR_O, min_gold=120, min_undated=2),
    "_p": CorpusSet("P", ARTICLES_P_PATH, GOLD_P_PATH, NO_EVENT_ARTICLES_P,
                    NO_SYRIA_EVENT_ARTICLES_P, LOOSE_F1_FLOOR_P, min_gold=120, min_undated=2),
    "_q": CorpusSet("Q", ARTICLES_Q_PATH, GOLD_Q_PATH, NO_EVENT_ARTICLES_Q,
                    NO_SYRIA_EVENT_ARTICLES_Q, LOOSE_F1_FLOOR_Q, min_gold=120, min_undated=2),
    "_r": CorpusSet("R", ARTICLES_R_PATH, GOLD_R_PATH, NO_EVENT_ARTICLES_R,
                    NO_SYRIA_EVENT_ARTICLES_R, LOOSE_F1_FLOOR_R, min_gold=120, min_undated=2,
                    types=("airstrike", "drone_strike", "missile_strike", "shelling", "ground_offensive", "bombing")),
    "_s": CorpusSet("S", ARTICLES_S_PATH, GOLD_S_PATH, NO_EVENT_ARTICLES_S,
                    NO_SYRIA_EVENT_ARTICLES_S, LOOSE_F1_FLOOR_S, known_misses=KNOWN_MISSES_S, min_gold=120,
                    min_undated=2),
    "_t": CorpusSet("T", ARTICLES_T_PATH, GOLD_T_PATH, NO_EVENT_ARTICLES_T,
                    NO_SYRIA_EVENT_ARTICLES_T, LOOSE_F1_FLOOR_T, known_misses=KNOWN_MISSES_T, min_gold=120,
                    min_undated=2),
    "_u": CorpusSet("U", ARTICLES_U_PATH, GOLD_U_PATH, NO_EVENT_ARTICLES_U,
                    NO_SYRIA_EVENT_ARTICLES_U, LOOSE_F1_FLOOR_U, min_gold=120, min_undated=2),
    "_v": CorpusSet("V", ARTICLES_V_PATH, GOLD_V_PATH, NO_EVENT_ARTICLES_V,
                    NO_SYRIA_EVENT_ARTICLES_V, LOOSE_F1_FLOOR_V, min_gold=120, min_undated=2),
    "_w": CorpusSet("W", ARTICLES_W_PATH, GOLD_W_PATH, NO_EVENT_ARTICLES_W,
                    NO_SYRIA_EVENT_ARTICLES_W, LOOSE_F1_FLOOR_W, known_misses=KNOWN_MISSES_W, min_gold=120,
                    min_undated=2),
    "_x": CorpusSet("X", ARTICLES_X_PATH, GOLD_X_PATH, NO_EVENT_ARTICLES_X,
                    NO_SYRIA_EVENT_ARTICLES_X, LOOSE_F1_FLOOR_X, min_gold=120, min_undated=2),
    "_y": CorpusSet("Y", ARTICLES_Y_PATH, GOLD_Y_PATH, NO_EVENT_ARTICLES_Y,
                    NO_SYRIA_EVENT_ARTICLES_Y, LOOSE_F1_FLOOR_Y, known_misses=KNOWN_MISSES_Y, min_gold=120,
                    min_undated=2),
    "_z": CorpusSet("Z", ARTICLES_Z_PATH, GOLD_Z_PATH, NO_EVENT_ARTICLES_Z,
                    NO_SYRIA_EVENT_ARTICLES_Z, LOOSE_F1_FLOOR_Z, known_misses=KNOWN_MISSES_Z, min_gold=120,
                    min_undated=2, actors=ALL_ACTORS - {"hezbollah"}),
    "_aa": CorpusSet("AA", ARTICLES_AA_PATH, GOLD_AA_PATH, NO_EVENT_ARTICLES_AA,
                     NO_SYRIA_EVENT_ARTICLES_AA, LOOSE_F1_FLOOR_AA, known_misses=KNOWN_MISSES_AA, min_gold=120,
                     min_undated=2, actors=ALL_ACTORS - {"iran_militias"},
                     types=("airstrike", "missile_strike", "shelling", "ground_offensive", "raid")),
    "_ab": CorpusSet("AB", ARTICLES_AB_PATH, GOLD_AB_PATH, NO_EVENT_ARTICLES_AB,
                     NO_SYRIA_EVENT_ARTICLES_AB, LOOSE_F1_FLOOR_AB, known_misses=KNOWN_MISSES_AB, min_gold=120,
                     min_undated=2, actors=ALL_ACTORS - {"hezbollah"}),
}

# ---------------------------------------------------------------- reading the corpus


def _read_jsonl(path: Path) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for no, line in enumerate(fh, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as err:  # pragma: no cover - a broken corpus
                raise AssertionError(f"{path.name}:{no}: broken JSON ({err.msg})") from err
    return rows


@pytest.fixture(scope="module", params=list(CORPUS_SETS), ids=lambda k: "set" + (CORPUS_SETS[k].name))
def corpus_set(request) -> CorpusSet:
    return CORPUS_SETS[request.param]


@pytest.fixture(scope="module")
def articles(corpus_set) -> list[dict]:
    return _read_jsonl(corpus_set.articles_path)


@pytest.fixture(scope="module")
def gold(corpus_set) -> list[dict]:
    return _read_jsonl(corpus_set.gold_path)


# ---------------------------------------------------------------- matching (score.py's rule)

RADIUS_KM = {1: 15.0, 2: 30.0, 3: 40.0}

_ADMIN1 = {
    "idlib": "idlib", "idleb": "idlib",
    "hama": "hama", "hamah": "hama",
    "aleppo": "aleppo", "halab": "aleppo",
    "homs": "homs", "hims": "homs",
    "latakia": "latakia", "lattakia": "latakia", "al ladhiqiyah": "latakia", "ladhiqiyah": "latakia",
    "tartus": "tartus", "tartous": "tartus",
    "damascus": "damascus", "dimashq": "damascus",
    "rif dimashq": "rural damascus", "rural damascus": "rural damascus",
    "damascus countryside": "rural damascus", "reef damascus": "rural damascus",
    "daraa": "daraa", "dara": "daraa", "deraa": "daraa", "dar a": "daraa",
    "as suwayda": "suwayda", "suwayda": "suwayda", "as sweida": "suwayda", "sweida": "suwayda",
    "quneitra": "quneitra", "al qunaytirah": "quneitra", "qunaytirah": "quneitra",
    "deir ez zor": "deir ez zor", "dayr az zawr": "deir ez zor", "deir ezzor": "deir ez zor",
    "deir al zor": "deir ez zor",
    "ar raqqah": "raqqa", "raqqa": "raqqa", "ar raqqa": "raqqa", "al raqqa": "raqqa", "raqqah": "raqqa",
    "al hasakah": "hasakah", "hasakah": "hasakah", "hasaka": "hasakah", "al hasaka": "hasakah",
    "al hasakeh": "hasakah",
}
GOVERNORATES = set(_ADMIN1.values())


def norm_admin1(name: object) -> str | None:
    """Governorate name as a comparable key ("Rif Dimashq" == "Rural Damascus")."""
    if not name:
        return None
    s = unicodedata.normalize("NFKD", str(name))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"\(.*?\)", " ", s)
    s = re.sub(r"\b(governorate|province|muhafazat)\b", " ", s)
    s = re.sub(r"[^a-z ]+", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return _ADMIN1.get(s, s)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def place_ok(g: dict, p: dict) -> tuple[bool, float]:
    """Within 15/30/40 km by gold precision; precision 3 also matches on the governorate."""
    d = haversine_km(g["lat"], g["lon"], p["lat"], p["lon"])
    prec = int(g.get("geo_precision") or 1)
    if d <= RADIUS_KM.get(prec, 15.0):
        return True, d
    if prec == 3:
        ga, pa = norm_admin1(g.get("admin1")), norm_admin1(p.get("admin1"))
        if ga and pa and ga == pa:
            return True, d
    return False, d


def match(gold: list[dict], preds: list[dict]) -> list[tuple[int, int, float]]:
    """Loose matching: same article, same actor (or an ``actor_alt``), place agrees;
    one to one, closest pairs first."""
    by_key = defaultdict(list)
    for i, p in enumerate(preds):
        by_key[(str(p.get("article_id")), p.get("actor"))].append(i)
    pairs = []
    for gi, g in enumerate(gold):
        for actor in [g["actor"], *(g.get("actor_alt") or [])]:
            for pi in by_key.get((str(g["article_id"]), actor), []):
                ok, d = place_ok(g, preds[pi])
                if ok:
                    pairs.append((d, gi, pi))
    pairs.sort()
    used_g, used_p, matched = set(), set(), []
    for d, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        matched.append((gi, pi, d))
    return matched


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def test_matching_rule_self_check():
    """The re-implemented rule behaves as score.py describes."""
    g = {"article_id": "a", "actor": "russia", "lat": 35.0, "lon": 36.0, "geo_precision": 1,
         "admin1": "Hama"}
    near = {"article_id": "a", "actor": "russia", "lat": 35.1, "lon": 36.0, "admin1": "Hama"}
    far = {"article_id": "a", "actor": "russia", "lat": 35.3, "lon": 36.0, "admin1": "Hama"}
    assert match([g], [far, near]) == [(0, 1, pytest.approx(11.1, abs=0.2))]
    assert match([g], [far]) == []
    assert match([{**g, "geo_precision": 2}], [{**far, "lat": 35.25}])  # 27.8 km
    assert not match([{**g, "geo_precision": 2}], [far])  # 33.4 km
    assert match([{**g, "geo_precision": 3}], [{**far, "lat": 36.0, "admin1": "Hamah"}])
    assert not match([g], [{**near, "actor": "syrian_government"}])
    assert match([{**g, "actor_alt": ["syrian_government"]}], [{**near, "actor": "syrian_government"}])
    assert norm_admin1("Rif Dimashq Governorate") == norm_admin1("Damascus countryside")


# ---------------------------------------------------------------- (a) the corpus itself


def test_gold_scores_perfectly_against_itself(gold):
    preds = [{**g, "country_code": "SY"} for g in gold]
    assert len(match(gold, preds)) == len(gold)


def test_articles_well_formed(articles, corpus_set):
    assert 20 <= len(articles) <= 60
    ids = [a["id"] for a in articles]
    assert len(ids) == len(set(ids)), "duplicate article ids"
    undated = 0
    for a in articles:
        assert isinstance(a.get("id"), str) and a["id"], a
        assert isinstance(a.get("text"), str) and a["text"].strip(), a["id"]
        for key in ("title", "url", "source"):
            assert isinstance(a.get(key), str) and a[key], (a["id"], key)
        if "published" in a:
            dt.date.fromisoformat(a["published"])
        else:
            undated += 1
    # a few articles leave the date to be inferred from the text (set G dates every one)
    assert corpus_set.min_undated <= undated <= 5


def test_gold_well_formed(corpus_set, articles, gold):
    by_id = {a["id"]: a for a in articles}
    assert len(gold) >= corpus_set.min_gold
    for n, g in enumerate(gold, 1):
        where = f"gold.jsonl row {n}"
        missing = [f for f in GOLD_FIELDS if f not in g]
        assert not missing, f"{where}: missing {missing}"
        assert g["article_id"] in by_id, f"{where}: unknown article {g['article_id']}"
        assert g["actor"] in SCHEMA_ACTORS, f"{where}: actor {g['actor']}"
        assert set(g.get("actor_alt") or []) <= SCHEMA_ACTORS, where
        assert g["event_type"] in SCHEMA_TYPES, f"{where}: type {g['event_type']}"
        assert g["geo_precision"] in (1, 2, 3), where
        assert isinstance(g["lat"], (int, float)) and isinstance(g["lon"], (int, float)), where
        assert LAT_RANGE[0] <= g["lat"] <= LAT_RANGE[1], f"{where}: lat {g['lat']} outside Syria"
        assert LON_RANGE[0] <= g["lon"] <= LON_RANGE[1], f"{where}: lon {g['lon']} outside Syria"
        assert g["geonameid"] is None or isinstance(g["geonameid"], int), where
        assert norm_admin1(g["admin1"]) in GOVERNORATES, f"{where}: admin1 {g['admin1']}"
        assert g["place_as_written"] and g["place_canonical"], where
        if g["date"] is not None:
            day = dt.date.fromisoformat(g["date"])
            pub = by_id[g["article_id"]].get("published")
            if pub:  # an event is not reported before it happens
                assert day <= dt.date.fromisoformat(pub), where
        text = by_id[g["article_id"]]["text"]
        assert g["evidence"] in text, f"{where}: evidence is not a passage of the article"
        assert g["place_as_written"] in g["evidence"], f"{where}: place not in evidence"


def test_gold_one_event_per_actor_type_place_date(gold):
    keys = Counter(
        (g["article_id"], g["actor"], g["event_type"], g["place_canonical"], g["date"]) for g in gold
    )
    dup = [k for k, n in keys.items() if n > 1]
    assert not dup, dup


def test_non_event_articles_have_no_gold(corpus_set, articles, gold):
    no_event, no_syria = corpus_set.no_event, corpus_set.no_syria_event
    ids = {a["id"] for a in articles}
    assert no_event | no_syria <= ids
    with_gold = {g["article_id"] for g in gold}
    assert not (no_event | no_syria) & with_gold
    # every other article reports at least one event
    assert ids - no_event - no_syria == with_gold


def _sentences(text: str) -> set[str]:
    parts = re.split(r"(?<=[.!?;:])\s+|\n+", text)
    return {re.sub(r"\s+", " ", s).strip().lower() for s in parts if len(s.strip()) >= 40}


def test_sets_are_independent():
    """Set B shares no article id and no sentence with set A."""
    a = _read_jsonl(ARTICLES_PATH)
    b = _read_jsonl(ARTICLES_B_PATH)
    assert not {x["id"] for x in a} & {x["id"] for x in b}
    sa = set().union(*(_sentences(x["text"]) for x in a))
    shared = sorted(set().union(*(_sentences(x["text"]) for x in b)) & sa)
    assert not shared, shared


def test_corpus_coverage(gold, corpus_set):
    """The corpus exercises the actors, types and precisions the extractor must handle."""
    actors = {g["actor"] for g in gold}
    assert corpus_set.actors <= actors
    assert set(corpus_set.types) <= {g["event_type"] for g in gold}
    assert {1, 2, 3} <= {g["geo_precision"] for g in gold}
    assert len({norm_admin1(g["admin1"]) for g in gold}) >= 11


# ---------------------------------------------------------------- (b) the extractor on the corpus


def _import_extractor():
    try:
        from geo.extract import extract_events  # noqa: PLC0415
    except ImportError as err:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"geo.extract cannot be imported under CI=true: {err!r}")
        pytest.skip(f"geo.extract is not importable yet ({err}); corpus scoring skipped")
    return extract_events


@pytest.fixture(scope="module")
def extracted(tmp_path_factory, corpus_set, articles):
    """Run the extractor over the corpus; return the features read back from GeoJSON."""
    extract_events = _import_extractor()
    from geo.articles import parse_json_articles  # noqa: PLC0415

    path = corpus_set.articles_path
    parsed, errors = parse_json_articles(path.read_text(encoding="utf-8"), str(path), lines=True)
    assert not errors, errors
    assert len(parsed) == len(articles)
    features = []
    for art in parsed:
        try:
            events = extract_events(art, gazetteer=None)
        except Exception as err:  # noqa: BLE001 - name the article that broke it
            pytest.fail(f"extract_events raised on article {art.id}: {err!r}")
        for ev in events:
            features.append({
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [ev.lon, ev.lat]},
                "properties": ev.properties(),
            })
    out = tmp_path_factory.mktemp("corpus") / "events.geojson"
    out.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")

    preds = []
    for f in json.loads(out.read_text(encoding="utf-8"))["features"]:
        lon, lat = f["geometry"]["coordinates"][:2]
        preds.append({**f["properties"], "lat": float(lat), "lon": float(lon)})
    return preds


def _in_syria(p: dict) -> bool:
    cc = p.get("country_code")
    return not cc or str(cc).upper() == "SY"


def _report(gold: list[dict], preds: list[dict], matched) -> str:
    hit = Counter(gold[gi]["actor"] for gi, _, _ in matched)
    lines = ["recall by actor:"]
    for actor, n in Counter(g["actor"] for g in gold).most_common():
        lines.append(f"  {actor:18s} {hit[actor]:3d}/{n:<3d} {hit[actor] / n:.2f}")
    mg = {gi for gi, _, _ in matched}
    mp = {pi for _, pi, _ in matched}
    lines.append("missed gold events:")
    for gi, g in enumerate(gold):
        if gi not in mg:
            lines.append(f"  {g['article_id']} | {g['actor']} | {g['event_type']} | "
                         f"{g['place_as_written']} (p{g['geo_precision']}) | {g['date']}")
    lines.append("unmatched predictions:")
    for pi, p in enumerate(preds):
        if pi not in mp:
            lines.append(f"  {p.get('article_id')} | {p.get('actor')} | {p.get('event_type')} | "
                         f"{p.get('place_as_written') or p.get('place')} @ {p['lat']:.3f},{p['lon']:.3f}"
                         f" | {p.get('date')}")
    return "\n".join(lines)


def test_corpus_loose_f1(corpus_set, extracted, gold, articles):
    corpus_ids = {a["id"] for a in articles}
    # Every article of the corpus is annotated exhaustively (the non-event ones with no
    # events), so predictions for all of them count, not only for articles with gold rows
    # as in score.py; predictions placed outside Syria are left out as score.py does.
    preds = [p for p in extracted if str(p.get("article_id")) in corpus_ids and _in_syria(p)]
    matched = match(gold, preds)
    p, r, f = prf(len(matched), len(preds), len(gold))

    gold_ids = {g["article_id"] for g in gold}
    preds_sc = [q for q in preds if str(q.get("article_id")) in gold_ids]  # score.py's population
    f_sc = prf(len(match(gold, preds_sc)), len(preds_sc), len(gold))[2]

    dated = [(gold[gi], preds[pi]) for gi, pi, _ in matched if gold[gi]["date"]]
    date_acc = (sum(str(q.get("date") or "")[:10] == g["date"] for g, q in dated) / len(dated)) if dated else 0.0
    summary = (f"corpus set {corpus_set.name}: {len(articles)} articles, {len(gold)} gold events, {len(preds)} predictions in Syria\n"
               f"loose: P={p:.3f} R={r:.3f} F1={f:.3f} (score.py population F1={f_sc:.3f}); "
               f"date accuracy on matched dated pairs {date_acc:.3f}")
    report = _report(gold, preds, matched)
    print("\n" + summary + "\n" + report)
    floor = corpus_set.f1_floor
    assert f >= floor, f"set {corpus_set.name}: loose F1 {f:.3f} < floor {floor}\n{summary}\n{report}"


def test_no_events_from_non_event_articles(corpus_set, extracted):
    bad = [p for p in extracted if str(p.get("article_id")) in corpus_set.no_event - corpus_set.known_misses]
    bad += [p for p in extracted
            if str(p.get("article_id")) in corpus_set.no_syria_event - corpus_set.known_misses and _in_syria(p)]
    assert not bad, f"set {corpus_set.name}: events extracted from articles that report none:\n" + "\n".join(
        f"  {p.get('article_id')} | {p.get('actor')} | {p.get('event_type')} | "
        f"{p.get('place_as_written')} | {p.get('evidence')}" for p in bad
    )
