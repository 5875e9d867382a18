#!/usr/bin/env bash
# Create or update the project's own virtual environment in .venv (sourced by serve and test).
# Reinstalls only when a requirements file changed, so repeated runs start fast.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PYTHON="${PYTHON:-python3}"
if [ ! -x "$VENV/bin/python" ]; then
  echo "==> creating $VENV"
  "$PYTHON" -m venv "$VENV"
fi
stamp="$VENV/.requirements.sha256"
want="$(cat "$ROOT/requirements.lock" "$ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  # requirements.lock pins every package, transitive ones too, with the hashes of its files (scripts/lock
  # makes it from requirements*.txt): a file that is not the one locked is refused, not installed.
  echo "==> installing locked requirements"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --require-hashes \
    -r "$ROOT/requirements.lock"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -e "$ROOT"
  echo "$want" > "$stamp"
fi
export PATH="$VENV/bin:$PATH"
export NO_MKDOCS_2_WARNING=1
