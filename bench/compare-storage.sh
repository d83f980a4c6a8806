#!/usr/bin/env bash
# The same reservation load against in-memory and PostgreSQL grain storage, and the ratio between them.
#   bench/compare-storage.sh [seconds per scenario]
# Needs PostgreSQL: TANDEM_BENCH_POSTGRES, or (as root) the local Debian cluster, where a fresh
# database "tandem_bench" is created for the run.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"

if [[ -z "${TANDEM_BENCH_POSTGRES:-}" ]]; then
  source bench/fresh-database.sh
  TANDEM_BENCH_POSTGRES="$(fresh_database tandem_bench);Maximum Pool Size=64"
fi

dotnet build bench/Tandem.Bench -c Release -v quiet -nologo >/dev/null
memory="$(mktemp)"; postgres="$(mktemp)"; postgres_all="$(mktemp)"
# Only the results table (the program prints its other tables after a blank line).
# A run with failed operations still prints its tables (the failed column says how many, a line after them why).
memory_all="$(mktemp)"
dotnet run -c Release --no-build --project bench/Tandem.Bench -- --seconds "$seconds" >"$memory_all" || true
dotnet run -c Release --no-build --project bench/Tandem.Bench -- --seconds "$seconds" --postgres "$TANDEM_BENCH_POSTGRES" >"$postgres_all" || true
sed -n '/^| scenario | per second/,/^$/p' "$memory_all" | grep '^|' >"$memory" || { echo "the in-memory run printed no results:" >&2; tail -n 20 "$memory_all" >&2; exit 1; }
sed -n '/^| scenario | per second/,/^$/p' "$postgres_all" | grep '^|' >"$postgres" || { echo "the PostgreSQL run printed no results:" >&2; tail -n 20 "$postgres_all" >&2; exit 1; }

echo "| scenario | in-memory /s | PostgreSQL /s | PostgreSQL ÷ memory | in-memory p99 ms | PostgreSQL p99 ms | failed (memory / PostgreSQL) |"
echo "|---|---:|---:|---:|---:|---:|---:|"
paste -d'#' <(tail -n +3 "$memory") <(tail -n +3 "$postgres") | awk -F'#' '{
  split($1, m, "|"); split($2, p, "|");
  mr = m[3]; pr = p[3]; gsub(/[ ,]/, "", mr); gsub(/[ ,]/, "", pr);
  printf "|%s| %s | %s | %.3f | %s | %s | %s / %s |\n", m[2], mr, pr, pr / mr, m[5], p[5], m[7], p[7]
}' | sed 's/  */ /g'
grep -h ' failed, the first with ' "$memory_all" "$postgres_all" || true

# How the PostgreSQL run's grain storage grouped its rows.
echo
sed -n '/^| scenario | write statements/,/^$/p' "$postgres_all" | grep '^|'
