#!/usr/bin/env bash
# Copy the front-end libraries that package-lock.json pins from the npm registry into this
# folder, with their licences. The pages load these copies only: no third-party host, and CI
# needs no Node. To upgrade: change a version in package.json, run
# 'npm install --package-lock-only --ignore-scripts', then this script, and commit the result.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp package.json package-lock.json "$work/"
(cd "$work" && npm ci --ignore-scripts --no-audit --no-fund >/dev/null)
from="$work/node_modules"
version() { node -p "require('$from/$1/package.json').version"; }

rm -rf codemirror leaflet world-atlas
mkdir -p codemirror leaflet/images world-atlas
cm="$from/codemirror"
cp "$cm/LICENSE" "$cm/lib/codemirror.js" "$cm/lib/codemirror.css" codemirror/
cp "$cm/mode/sparql/sparql.js" codemirror/
cp "$cm/addon/hint/show-hint.js" "$cm/addon/hint/show-hint.css" codemirror/
cp "$cm/addon/lint/lint.js" "$cm/addon/lint/lint.css" codemirror/
echo "codemirror $(version codemirror) from the npm registry (MIT, see LICENSE): lib/codemirror.js, lib/codemirror.css, mode/sparql/sparql.js, addon/hint/show-hint.*, addon/lint/lint.*" > codemirror/SOURCE
lf="$from/leaflet"
cp "$lf/LICENSE" "$lf/dist/leaflet.js" "$lf/dist/leaflet.css" leaflet/
cp "$lf"/dist/images/*.png leaflet/images/
echo "leaflet $(version leaflet) from the npm registry (BSD-2-Clause, see LICENSE): dist/leaflet.js, dist/leaflet.css, dist/images/" > leaflet/SOURCE
wa="$from/world-atlas"
cp "$wa/LICENSE" "$wa/countries-110m.json" world-atlas/
echo "world-atlas $(version world-atlas) from the npm registry (ISC, see LICENSE): countries-110m.json, TopoJSON of Natural Earth 1:110m countries (public domain)" > world-atlas/SOURCE
