"""Render map elements without a second pass through Jinja.

branca's :class:`~branca.element.MacroElement` renders each macro (``header``,
``html``, ``script``) to text and then wraps that text in a *new Jinja template*
(``Element(text)``), which is rendered again when the page is. Any ``{{ ... }}`` or
``{% ... %}`` that article text brought into a macro's output is then executed as
template code at build time: ``{{ 7*7 }}`` in an evidence sentence becomes ``49``,
``{{ cycler.__init__.__globals__.os... }}`` runs Python, ``{% raw %}`` breaks the
build. :class:`SafeMacroElement` renders the macros once and keeps their output as
fixed text (:class:`RawText`). Every element of :mod:`maps` that carries data
inherits it; it is also much faster for large payloads (no 20 MB template compiled).
"""
from __future__ import annotations

from typing import Any

from branca.element import Element, Figure, MacroElement

__all__ = ["RawText", "SafeMacroElement"]


class RawText(Element):
    """An element whose output is the given text, verbatim (never parsed as a template).

    Examples
    --------
    >>> RawText("{{ 7*7 }}").render()
    '{{ 7*7 }}'
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "RawText"
        self.text = str(text)

    def render(self, **kwargs: Any) -> str:
        return self.text


class SafeMacroElement(MacroElement):
    """A :class:`~branca.element.MacroElement` whose rendered macros are not re-templated.

    Put it after folium's classes in the bases (``class X(JSCSSMixin, Layer,
    SafeMacroElement)``) so that its :meth:`render` takes the place of
    ``MacroElement.render`` in the method resolution order.
    """

    def render(self, **kwargs: Any) -> None:
        figure = self.get_root()
        if not isinstance(figure, Figure):
            raise TypeError("You cannot render this Element if it is not in a Figure.")
        module = self._template.module.__dict__
        for part, target in (("header", figure.header), ("html", figure.html), ("script", figure.script)):
            macro = module.get(part)
            if macro is not None:
                target.add_child(RawText(macro(self, kwargs)), name=self.get_name())
        for element in self._children.values():
            element.render(**kwargs)
