"""Hostile article text for the map tests: none of it may run, all of it must show as text."""
from __future__ import annotations

__all__ = ["PAYLOADS", "JS_URL", "HOSTILE_TEXT"]

#: Payloads that must run nothing and show as text.
PAYLOADS = {
    "script": "<script>window.__xss=1</script>",
    "img": '<img src=x onerror="window.__xss=2">',
    "template": "${window.__xss=3}",
    "close": "</script><script>window.__xss=4</script>",
    "backtick": "`+(window.__xss=5)+`",
    "backslash": "C:\\users\\x \\u0041 \\",
    "svg": "<svg onload=window.__xss=6>",
    # branca re-renders macro output as a Jinja template: this would run Python at build time
    "jinja": "{{ 7*7 }}{{ cycler.__init__.__globals__.os.getcwd() }}{% raw %}",
}
JS_URL = "javascript:window.__xss=7"
HOSTILE_TEXT = " ".join(PAYLOADS.values())
