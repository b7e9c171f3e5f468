#!/usr/bin/env bash
# Lints every OpenAPI spec at the root of api-spec/ (openapi.yaml, admin-openapi.yaml, any *-openapi.yaml)
# with Spectral (spectral:oas) and Redocly (recommended), at the exact versions package-lock.json pins.
# Fails on any linter error; warnings are printed and do not fail. Maven runs this in api-spec's `test` phase
# (skip with -Dlint.skip=true); run it by hand with `bash api-spec/lint.sh` from the repository root.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "lint.sh: Node.js (>= 20.19) and npm are required to lint the specs (or skip with -Dlint.skip=true)." >&2
  exit 2
fi

# Install exactly what the lockfile pins, but only when node_modules is missing or older than the lockfile:
# `npm ci` wipes node_modules, and doing that on every build costs seconds for nothing.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "lint.sh: installing the pinned linters (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# No telemetry and no update checks: builds must not phone home, and the output should stay about the specs.
export REDOCLY_TELEMETRY=off
export REDOCLY_SUPPRESS_UPDATE_NOTICE=true
export NO_UPDATE_NOTIFIER=1

shopt -s nullglob
specs=(*openapi.yaml)
if [[ ${#specs[@]} -eq 0 ]]; then
  echo "lint.sh: no *openapi.yaml found in $(pwd)" >&2
  exit 2
fi

status=0
for spec in "${specs[@]}"; do
  echo "== Spectral (spectral:oas): ${spec}"
  ./node_modules/.bin/spectral lint --ruleset .spectral.yaml --fail-severity error "${spec}" || status=1
  echo "== Redocly (recommended): ${spec}"
  ./node_modules/.bin/redocly lint --config redocly.yaml "${spec}" || status=1
done

if [[ ${status} -ne 0 ]]; then
  echo "lint.sh: FAILED: a linter reported errors (see above)." >&2
else
  echo "lint.sh: OK: ${specs[*]} lint with zero errors."
fi
exit ${status}
