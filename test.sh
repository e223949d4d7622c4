#!/usr/bin/env bash
# Run the tests. Creates .venv and installs the pinned dependencies when needed.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
.venv/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
exec .venv/bin/python -m pytest -q "$@"
