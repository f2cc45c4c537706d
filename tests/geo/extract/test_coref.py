"""geo.extract.coref on small sentence records (the behaviour in whole articles is pinned by
test_unclaimed_and_aliases.py, test_relative_clauses.py, test_headlines_and_targets.py)."""
from __future__ import annotations

from types import SimpleNamespace

from geo.extract.actors import find_actors
from geo.extract.coref import claimant, targets, unclaimed
from geo.extract.lexicon import load_lexicon
from geo.extract.triggers import find_triggers, group_triggers

LEX = load_lexicon()


def sent(text, paragraph=0):
    actors = find_actors(text, LEX)
    return SimpleNamespace(s=SimpleNamespace(text=text, paragraph=paragraph), actors=actors,
                           groups=group_triggers(text, find_triggers(text, LEX), actors))


def test_unclaimed_reads_the_next_sentence_of_the_paragraph_only():
    a, b = sent("A car bomb exploded in Azaz."), sent("No group has claimed responsibility.")
    assert unclaimed([a, b], 0)
    assert not unclaimed([a, sent("No group has claimed responsibility.", paragraph=1)], 0)


def test_claimant_is_the_actor_before_claimed():
    a, b = sent("A car bomb exploded in Azaz."), sent("Daesh terrorist organization claimed responsibility.")
    assert claimant([a, b], 0, LEX) == "isis"
    assert claimant([a, sent("Daesh was blamed by officials.")], 0, LEX) is None


def test_targets_are_named_after_attacks_on_or_as_objects():
    s = sent("Fighters attacked regime positions in Azaz.")
    assert targets(s, s.groups[0]) == {"syrian_government"}
    s = sent("Regime forces attacked Azaz.")
    assert targets(s, s.groups[0]) == set()
