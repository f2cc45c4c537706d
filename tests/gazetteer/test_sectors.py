"""Parts of governorates: "the northern countryside of Hama", "eastern Idlib" as points."""
from __future__ import annotations

from hypothesis import given, strategies as st

from gazetteer.admin import admin_mentions, direction_in
from gazetteer.sectors import DIRECTIONS, direction_of, sector_centre

coords = st.tuples(st.floats(32.0, 37.5), st.floats(35.5, 42.5))


@given(st.lists(coords, min_size=3, max_size=60))
def test_a_northern_part_lies_north_of_the_southern_one(points):
    n, s = sector_centre(points, "north"), sector_centre(points, "south")
    e, w = sector_centre(points, "east"), sector_centre(points, "west")
    assert n[0] >= s[0] - 1e-9 and e[1] >= w[1] - 1e-9
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    for c in (n, s, e, w):  # a mean of some of the points: inside their bounding box
        assert min(lats) - 1e-4 <= c[0] <= max(lats) + 1e-4 and min(lons) - 1e-4 <= c[1] <= max(lons) + 1e-4


def test_too_few_points_or_no_direction_give_nothing():
    assert sector_centre([(35.0, 36.0), (35.1, 36.1)], "north") is None
    assert sector_centre([(35.0, 36.0)] * 5, "upwards") is None


def test_direction_words():
    assert {direction_of(w) for w in ("northeastern", "north-eastern", "North East", "northeast")} == {"north-east"}
    assert set(DIRECTIONS) >= {direction_of(w) for w in ("northern", "south", "eastern", "West", "southwestern")}
    assert direction_of("central") is None and direction_of("") is None and direction_of("ern") is None


def test_directions_in_context():
    assert direction_in("shelling on the western edge of the province of Idlib", "Idlib") == "west"
    assert direction_in("Hama's northern countryside", "Hama") == "north"
    assert direction_in("villages north of Hama", "Hama") is None      # outside it, not a part of it
    assert direction_in("the eastern countryside of Aleppo", "Aleppo") == "east"
    assert direction_in("eastern Aleppo", "Aleppo") is None             # the east of the city, in the news
    assert [m.direction for m in admin_mentions("in southern Idlib and in Hama")] == ["south", None]


def test_governorate_point_follows_the_direction(gz):
    centre = gz.governorate_point("Hama")
    north, south = gz.governorate_point("Hama", "north"), gz.governorate_point("Hama", "south")
    east, west = gz.governorate_point("Idlib", "east"), gz.governorate_point("Idlib", "west")
    assert (centre.name, north.name, east.name) == ("Hama", "northern Hama", "eastern Idlib")
    assert north.lat > south.lat and east.lon > west.lon
    assert all(p.admin1 in ("Hama", "Idlib") and p.precision == 3 for p in (north, south, east, west))
    assert gz.governorate_point("Hama", "sideways") is centre
    assert gz.governorate_point("Atlantis", "north") is None


def test_an_unknown_village_in_a_named_part_gets_that_part(gz):
    r = gz.geocode("Zurbiyat al-Fawqa", context="shelling hit Zurbiyat al-Fawqa in the northern countryside of Hama")
    assert (r.name, r.admin1, r.geo_precision) == ("northern Hama", "Hama", 3)
    assert r.lat > gz.governorate_point("Hama", "south").lat
    assert "northern Hama" in r.note
    plain = gz.geocode("Zurbiyat al-Fawqa", context="shelling hit Zurbiyat al-Fawqa in Hama province")
    assert plain.name == "Hama"


def test_a_named_part_by_itself(gz):
    r = gz.geocode("southern Idlib")
    assert (r.admin1, r.geo_precision) == ("Idlib", 3)
    assert r.lat < gz.governorate_point("Idlib", "north").lat


def test_a_governorate_far_into_a_long_context_still_counts(gz):
    long_context = ("Witnesses described heavy damage to homes and a school, and rescue teams worked through "
                    "the night to reach people trapped under the rubble, according to local council members, "
                    "as the village of Zurbiyat al-Fawqa in Hama province was hit again.")
    assert len(long_context) > 200
    assert gz.geocode("Zurbiyat al-Fawqa", context=long_context).admin1 == "Hama"
