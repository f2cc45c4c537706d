"""Extracting strike and offensive events from news articles.

A pipeline of small steps, each a module: :mod:`~geo.extract.sentences`,
:mod:`~geo.extract.actors`, :mod:`~geo.extract.triggers`, :mod:`~geo.extract.dates`,
:mod:`~geo.extract.places`, :mod:`~geo.extract.factuality` and
:mod:`~geo.extract.assemble`, run by :mod:`~geo.extract.pipeline`. The word lists are
data files in ``geo/data`` (see :mod:`~geo.extract.lexicon`).

Examples
--------
>>> from geo.extract import extract_events, EXTRACTOR_VERSION, infer_article_date
>>> events = extract_events(article)  # doctest: +SKIP
"""
from __future__ import annotations

from geo.extract.dates import infer_article_date
from geo.extract.lexicon import lexicon_hash
from geo.extract.pipeline import ExtractionResult, extract, extract_events

__all__ = ["EXTRACTOR_VERSION", "CODE_VERSION", "ExtractionResult", "extract", "extract_events", "infer_article_date",
           "warm_up"]

#: Bump when the extraction code changes its output.
CODE_VERSION = "2.0"


def warm_up(gazetteer: object | None = None) -> None:
    """Load and compile everything the extractor needs (lexicons, patterns, the gazetteer's home places).

    Call it once in the parent before forking worker processes: the workers then share the
    compiled lexicon instead of each compiling it again on its first articles.
    """
    from geo.extract import dates
    from geo.extract.lexicon import warm_up as warm_lexicon
    from geo.extract.places import _patterns

    lex = warm_lexicon()
    _patterns(lex)
    for alt in (dates._DATE_ALT, dates._FULL_ALT, dates._WDM_ALT):
        alt.warm()
    from geo.articles import Article

    if gazetteer is None:
        from gazetteer import default_gazetteer

        gazetteer = default_gazetteer()
    if gazetteer and callable(getattr(gazetteer, "warm", None)):
        gazetteer.warm()  # the places of Syria and its neighbours, read once before the workers fork
    extract(Article(id="warm-up", text="Russian warplanes struck Idlib on Tuesday, SOHR said.", published="2019-05-15"),
            gazetteer)
#: The code version plus a hash of the lexicon files: changes whenever rules or lexicons do.
EXTRACTOR_VERSION = f"{CODE_VERSION}+{lexicon_hash()}"
