#!/usr/bin/env bash
# Prepare what the browser tests (pytest -m browser) and offline maps need:
#   1. Debian's Chromium at /usr/bin/chromium (apt-get, only when missing);
#   2. the npm packages that serve the CDN files folium and strikemap's maps emit,
#      installed into an asset cache folder ($STRIKEMAP_NPM_CACHE, default
#      .cache/npm-assets under the repository).
# Idempotent: a second run with everything in place does no network access.
# Never runs `playwright install` (it downloads its own browser and fails offline).
#
# Usage:  bash .ci/setup-browser.sh            (from anywhere)
#         STRIKEMAP_NPM_CACHE=/tmp/assets bash .ci/setup-browser.sh
#         SKIP_CHROMIUM=1 bash .ci/setup-browser.sh   (assets only)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${STRIKEMAP_NPM_CACHE:-$repo/.cache/npm-assets}"

# --- 1. Chromium -----------------------------------------------------------
if [[ "${SKIP_CHROMIUM:-0}" != "1" ]]; then
    if [[ -x /usr/bin/chromium ]]; then
        echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo present)"
    else
        sudo=""
        if [[ "$(id -u)" != "0" ]]; then sudo="sudo"; fi
        echo "chromium: installing the Debian package"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium
        /usr/bin/chromium --version
    fi
fi

# --- 2. npm asset packages -------------------------------------------------
# The versions match the URLs folium 0.20 and strikemap's maps emit; the
# URL -> file table lives in maps/assets.py (ASSET_SOURCES).
packages=(
    "leaflet@1.9.3"
    "jquery@3.7.1"
    "bootstrap@5.2.2"
    "bootstrap3@npm:bootstrap@3.4.1"
    "@fortawesome/fontawesome-free@6.2.0"
    "drmonty-leaflet-awesome-markers@2.0.2"
    "leaflet.markercluster@1.1.0"
    "leaflet.featuregroup.subgroup@1.0.2"
    "leaflet.timeline@1.6.0"
    "leaflet-timedimension@1.1.1"
    "iso8601-js-period@0.2.1"
    "moment@2.18.1"
    "jquery-ui-dist@1.12.1"
    "leaflet.heat@0.2.0"
    "highlight.js@8.4.0"
    "leaflet.fullscreen@3.0.0"
    "leaflet-groupedlayercontrol@0.6.1"
    "leaflet-search@2.9.7"
)

stamp="$cache/.installed"
wanted="$(printf '%s\n' "${packages[@]}")"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$wanted" && -d "$cache/node_modules/leaflet" ]]; then
    echo "npm assets: up to date in $cache"
    exit 0
fi

mkdir -p "$cache"
if [[ ! -f "$cache/package.json" ]]; then
    printf '{\n  "name": "strikemap-npm-assets",\n  "private": true,\n  "description": "CDN files for strikemap maps, served locally"\n}\n' > "$cache/package.json"
fi
echo "npm assets: installing ${#packages[@]} packages into $cache"
(cd "$cache" && npm install --no-audit --no-fund --ignore-scripts --loglevel=error "${packages[@]}")
printf '%s\n' "${packages[@]}" > "$stamp"
echo "npm assets: done"
