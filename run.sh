#!/usr/bin/env bash
# Start the dashboard on its demo data. On a fresh machine this creates .venv, installs the pinned
# dependencies, and the app builds data/pke.duckdb on first start (with a progress bar).
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
.venv/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
exec .venv/bin/streamlit run app.py --server.headless true "$@"
