"""The extractor on short reports written for these tests, one construction each.

Every test names the construction it pins. The fake gazetteer of ``conftest.py`` keeps
these tests independent of the gazetteer's data.
"""
from __future__ import annotations

import datetime as dt

import pytest

from geo.articles import Article
from geo.extract import extract, extract_events


def ev(text, gz, published="2019-05-15", **kw):
    return extract_events(Article(id="t", text=text, published=published, **kw), gz)


def keyset(events):
    return {(e.actor, e.event_type, e.place, e.date) for e in events}


# -- actors: active, passive, nominal, coreference ------------------------------------------

def test_active_subject_with_list_and_governorate_locator(gz):
    es = ev("Russian warplanes struck the towns of Al Latamneh and Kafr Zita in the northern countryside "
            "of Hama on Tuesday, activists said.", gz)
    assert keyset(es) == {("russia", "airstrike", "Al Lataminah", "2019-05-14"),
                          ("russia", "airstrike", "Kafr Zita", "2019-05-14")}
    assert all(e.reported_by == "activists" and e.geo_precision == 1 for e in es)


def test_passive_agent_after_trigger(gz):
    es = ev("A market was hit by air strikes carried out by the Russian air force in the town of Saraqib.", gz)
    assert keyset(es) == {("russia", "airstrike", "Saraqib", "2019-05-15")}


def test_nominal_agent_by(gz):
    es = ev("There have been bombings by the SAA in Khan Sheikhoun since dawn.", gz)
    assert {(e.actor, e.place) for e in es} == {("syrian_government", "Khan Shaykhun")}


def test_possessive_pronoun_refers_to_subject(gz):
    es = ev("The Assad regime has intensified its air raids on Aleppo.", gz)
    assert {(e.actor, e.event_type, e.place) for e in es} == {("syrian_government", "airstrike", "Aleppo")}
    assert es[0].geo_precision == 2  # a bare governorate-seat name: the city or the province


def test_gerund_subject(gz):
    es = ev("Officials said ISIS seizing the city of Palmyra was a blow to the government.", gz)
    assert {(e.actor, e.event_type, e.place) for e in es} == {("isis", "ground_offensive", "Tadmur")}


def test_anaphoric_strikes_take_previous_actor(gz):
    es = ev("Israeli jets flew over Lebanon overnight. Those strikes targeted depots near Damascus, state media said.", gz)
    assert {(e.actor, e.place, e.geo_precision) for e in es} == {("israel", "Damascus", 2)}
    assert es[0].reported_by == "state media"


def test_target_of_one_trigger_is_not_the_actor_of_the_next(gz):
    es = ev("Coalition strike summary.\nNear Raqqa, one strike engaged an ISIS tactical unit and destroyed an ISIS "
            "fighting position.", gz, source="CJTF-OIR press release")
    assert {(e.actor, e.event_type, e.place) for e in es} == {("us_coalition", "airstrike", "Ar Raqqah")}
    assert es[0].geo_precision == 2


def test_participle_inherits_actor(gz):
    es = ev("Syrian government warplanes pounded the enclave on Wednesday, striking Douma and Kafr Nabl.", gz)
    assert {(e.actor, e.place) for e in es} == {("syrian_government", "Douma"), ("syrian_government", "Kafr Nabl")}


def test_held_adjective_is_not_an_actor(gz):
    es = ev("Turkish drones hit a car in rebel-held Afrin.", gz)
    assert {(e.actor, e.event_type, e.place) for e in es} == {("turkey", "drone_strike", "Afrin")}


# -- event types -----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence,etype", [
    ("Regime helicopters dropped barrel bombs on Douma.", "airstrike"),
    ("Turkish artillery shelled Tal Rifaat.", "shelling"),
    ("Israel fired surface-to-surface missiles at Damascus.", "missile_strike"),
    ("A Turkish drone strike killed two fighters in Qamishli.", "drone_strike"),
    ("Government forces captured Khan Sheikhoun.", "ground_offensive"),
    ("US special forces raided a house in Afrin.", "raid"),
    ("The rebels attacked soldiers with rockets near Saraqib.", "shelling"),
    ("Russian strikes hit Saraqib.", "airstrike"),
])
def test_event_types(gz, sentence, etype):
    es = ev(sentence, gz)
    assert [e.event_type for e in es] == [etype], sentence


def test_coordinated_types_give_one_event_each(gz):
    es = ev("Turkish jets pounded the border. Afrin and Tal Rifaat were hit by air strikes and shelling.", gz)
    assert {(e.event_type, e.place) for e in es} == {("airstrike", "Afrin"), ("shelling", "Afrin"),
                                                     ("airstrike", "Tall Rif'at"), ("shelling", "Tall Rif'at")}


# -- places --------------------------------------------------------------------------------------

def test_lists_take_their_own_governorate(gz):
    es = ev("Russian jets bombed Kafr Zita and the village of Latamneh in Hama province and the towns of "
            "Khan Sheikhoun and Saraqib in Idlib.", gz)
    assert {(e.place, e.admin1) for e in es} == {("Kafr Zita", "Hama"), ("Al Lataminah", "Hama"),
                                                 ("Khan Shaykhun", "Idlib"), ("Saraqib", "Idlib")}


def test_governorate_only_mentions_are_precision_3(gz):
    es = ev("Russian air strikes pounded the southern countryside of Idlib and the province of Hama.", gz)
    assert {(e.place, e.geo_precision) for e in es} == {("Idlib", 3), ("Hama", 3)}


def test_near_is_precision_2(gz):
    es = ev("Regime artillery shelled positions near Saraqib.", gz)
    assert [(e.place, e.geo_precision) for e in es] == [("Saraqib", 2)]


def test_unknown_village_falls_back_to_its_governorate(gz):
    r = extract(Article(id="t", text="Russian jets struck the village of Zzyzxville in the southern countryside of Idlib.",
                        published="2019-05-15"), gz)
    assert [(e.place, e.geo_precision) for e in r.events] == [("Idlib", 3)]


def test_unresolved_places_are_reported(gz):
    r = extract(Article(id="t", text="Russian jets struck the village of Zzyzxville.", published="2019-05-15"), gz)
    assert r.events == [] and r.unresolved_places == ["Zzyzxville"]


def test_origin_meeting_and_metonyms_are_not_places(gz):
    assert ev("Russian bombers took off from Moscow and struck Saraqib.", gz)[0].place == "Saraqib"
    assert ev("Moscow said its jets struck nothing in Paris.", gz) == []
    assert ev("Ministers met in Paris to discuss the strikes.", gz) == []


def test_places_outside_syria_keep_their_country(gz):
    es = ev("Israeli jets struck a depot in Beirut on Sunday.", gz)
    assert [(e.place, e.country_code) for e in es] == [("Beirut", "LB")]


def test_the_province_refers_back(gz):
    es = ev("Fighting raged in Idlib. The rebels shelled the eastern edge of the province, towards Saraqib.", gz)
    assert {(e.actor, e.place) for e in es} == {("rebels", "Saraqib")}


# -- factuality ------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Turkey may soon launch an offensive on Afrin.",
    "Erdogan warned that Turkish forces would attack Tal Rifaat.",
    "Russia denied striking a hospital in Saraqib.",
    "If Turkey decided to attack Afrin, Russia would respond.",
    "Will Israel strike Damascus again?",
    "Ankara plans to capture Tal Rifaat.",
    "There is no sign of government advances on Saraqib.",
    "The army's objective: to take Saraqib.",
])
def test_non_factual_statements_give_no_event(gz, sentence):
    assert ev(sentence, gz) == [], sentence


def test_continued_to_is_factual(gz):
    assert [e.place for e in ev("Russian jets continued to pound Saraqib.", gz)] == ["Saraqib"]


# -- dates ----------------------------------------------------------------------------------------

def test_weekday_dates_resolve_against_the_article(gz):
    text = ("Russian warplanes struck Kafr Zita on Wednesday. Russian warplanes had already hit Saraqib last week "
            "on Wednesday. Regime forces shelled Khan Sheikhoun yesterday.")
    es = ev(text, gz, published="2015-10-07")
    assert {(e.place, e.date, e.date_precision) for e in es} == {
        ("Kafr Zita", "2015-10-07", "day"), ("Saraqib", "2015-09-30", "day"), ("Khan Shaykhun", "2015-10-06", "day")}


def test_explicit_dates_and_week_precision(gz):
    es = ev("On September 30, Russian jets struck Saraqib. Last week, regime helicopters bombed Douma.", gz,
            published="2015-10-07")
    assert {(e.place, e.date, e.date_precision) for e in es} == {
        ("Saraqib", "2015-09-30", "day"), ("Douma", "2015-09-28", "week")}


def test_no_article_date_leaves_relative_dates_null(gz):
    es = extract_events(Article(id="t", text="Russian jets struck Saraqib on Wednesday."), gz)
    assert [(e.date, e.date_precision) for e in es] == [(None, "unknown")]


def test_inferred_article_date_is_marked(gz):
    es = extract_events(Article(id="t", text="Russian jets struck Saraqib on Wednesday.\n"
                                             "Picture taken October 7, 2015."), gz)
    assert [(e.date, e.published, e.extra.get("published_inferred")) for e in es] == [("2015-10-07", "2015-10-07", True)]


def test_date_override_wins(gz):
    es = extract_events(Article(id="t", text="Russian jets struck Saraqib yesterday.", published="2015-10-07"), gz,
                        date_override=dt.date(2016, 1, 10))
    assert es[0].date == "2016-01-09"


# -- monitor notes and releases ---------------------------------------------------------------------

def test_monitor_one_liners(gz):
    text = ("- Russian warplanes struck Kafr Nabudah in the northern Hama countryside on 12 May.\n"
            "- Regime forces shelled Khan Sheikhoun.\n"
            "- HTS fighters attacked army positions near Kafr Nabudah")
    es = ev(text, gz, published="2019-05-13")
    assert {(e.actor, e.event_type, e.place) for e in es} == {
        ("russia", "airstrike", "Kafr Nabudah"), ("syrian_government", "shelling", "Khan Shaykhun"),
        ("hts_nusra", "attack", "Kafr Nabudah")}
    assert [e.date for e in es if e.actor == "russia"] == ["2019-05-12"]


# -- assembly ----------------------------------------------------------------------------------------

def test_duplicates_merge_and_keep_all_evidence(gz):
    text = "Russian jets struck Saraqib on Monday.\nCaption: Russian jets struck Saraqib on Monday, activists said."
    es = ev(text, gz)
    assert len(es) == 1
    assert es[0].evidence.count("Saraqib") == 2


def test_event_ids_are_stable(gz):
    a = Article(id="t", text="Russian jets struck Saraqib on Monday.", published="2019-05-15")
    assert [e.event_id for e in extract_events(a, gz)] == [e.event_id for e in extract_events(a, gz)]


def test_confidence_is_lower_for_coreference(gz):
    es = ev("Russian jets struck Saraqib. The strikes also hit Douma a day later.", gz)
    conf = {e.place: e.confidence for e in es}
    assert conf["Saraqib"] > conf["Douma"]
