#!/usr/bin/env bash
# The test command of the README: sets up everything on a fresh machine, then runs pytest.
#   bash tests/run.sh            # all tests
#   bash tests/run.sh -k gazetteer
# Installs: a virtual environment in .venv with strikemap and its test extra; Debian's
# chromium and the npm packages the browser tests serve folium's scripts from
# (.ci/setup-browser.sh). Set STRIKEMAP_SKIP_BROWSER_SETUP=1 to skip that part.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test]"
if [ "${STRIKEMAP_SKIP_BROWSER_SETUP:-0}" != "1" ]; then
  bash .ci/setup-browser.sh
fi
exec .venv/bin/python -m pytest "$@"
