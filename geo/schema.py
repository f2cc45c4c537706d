"""The data contract: actor ids, event types, the event record and its columns.

Everything here mirrors ``SCHEMA.md``; the GeoJSON writer, the store and the maps
all read events through :data:`EVENT_COLUMNS`.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = [
    "ACTORS",
    "EVENT_TYPES",
    "DATE_PRECISIONS",
    "EVENT_COLUMNS",
    "Event",
    "actor_label",
]

#: Actor id -> display name (``actor_label``). Order is the legend order.
ACTORS: dict[str, str] = {
    "russia": "Russia",
    "syrian_government": "Syrian government",
    "us_coalition": "US-led coalition",
    "turkey": "Turkey",
    "israel": "Israel",
    "france": "France",
    "uk": "United Kingdom",
    "isis": "Islamic State",
    "hts_nusra": "HTS / Nusra Front",
    "rebels": "Rebels / opposition",
    "sdf_ypg": "SDF / YPG",
    "iran_militias": "Iran-backed militias",
    "hezbollah": "Hezbollah",
    "unknown": "Unknown",
}

EVENT_TYPES: tuple[str, ...] = (
    "airstrike",
    "drone_strike",
    "missile_strike",
    "shelling",
    "ground_offensive",
    "raid",
    "bombing",
    "attack",
)

DATE_PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year", "unknown")

#: The properties of an event Feature, in SCHEMA.md order.
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id",
    "article_id",
    "actor",
    "actor_label",
    "target",
    "event_type",
    "date",
    "date_precision",
    "place_as_written",
    "place",
    "geonameid",
    "admin1",
    "country_code",
    "geo_precision",
    "confidence",
    "evidence",
    "reported_by",
    "title",
    "url",
    "source",
    "published",
)


def actor_label(actor: str) -> str:
    """Return the display name of an actor id.

    Examples
    --------
    >>> actor_label("russia")
    'Russia'
    """
    return ACTORS.get(actor, actor.replace("_", " ").title())


@dataclass
class Event:
    """One strike or offensive: who, what, where, when, and the sentence it came from.

    ``lat``/``lon`` become the Point geometry; every other field is a GeoJSON property.
    """

    event_id: str
    article_id: str
    actor: str
    event_type: str
    place_as_written: str
    place: str
    lat: float
    lon: float
    actor_label: str = ""
    target: str | None = None
    date: str | None = None
    date_precision: str = "unknown"
    geonameid: int | None = None
    admin1: str | None = None
    country_code: str = "SY"
    geo_precision: int = 1
    confidence: float = 0.5
    evidence: str = ""
    reported_by: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.actor_label:
            self.actor_label = actor_label(self.actor)

    def properties(self) -> dict[str, Any]:
        """The GeoJSON properties, in :data:`EVENT_COLUMNS` order, plus any extras."""
        d = asdict(self)
        props = {k: d[k] for k in EVENT_COLUMNS}
        props.update(self.extra)
        return props
