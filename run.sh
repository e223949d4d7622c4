#!/usr/bin/env bash
# Start the dashboard on its demo data. On a fresh machine this creates .venv, installs the pinned
# dependencies, and the app builds data/pke.duckdb on first start (with a progress bar).
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
.venv/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
# Files the app creates (databases, the operational store, reports) are readable by this user only.
umask 077
# .streamlit/config.toml makes it listen on 127.0.0.1 only; serve an office network through a reverse proxy
# with HTTPS (README), or pass --server.address 0.0.0.0 deliberately.
exec .venv/bin/streamlit run app.py --server.headless true "$@"
