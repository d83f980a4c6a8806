#!/usr/bin/env bash
# Runs Tandem's whole test suite and ends with one line "N passed, N failed, N skipped".
# Installs and starts whatever the tests need first, so it works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")"

results="$(mktemp -d)"
status=0
dotnet test Tandem.slnx --logger "trx;LogFileName=tandem.trx" --results-directory "$results" "$@" || status=$?

trx="$(find "$results" -name '*.trx' | head -n 1)"
if [[ -z "$trx" ]]; then
  echo "0 passed, 1 failed"
  echo "no test results were written (build failure?)" >&2
  exit 1
fi

counter() { local v; v="$(grep -o '<Counters [^>]*' "$trx" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || true)"; echo "${v:-0}"; }
passed="$(counter passed)"
failed="$(counter failed)"
total="$(counter total)"
executed="$(counter executed)"
skipped=$(( total - executed ))
errors=$(( failed + $(counter error) + $(counter timeout) + $(counter aborted) ))
if (( status != 0 && errors == 0 )); then errors=1; fi
echo "${passed} passed, ${errors} failed, ${skipped} skipped"
exit "$status"
