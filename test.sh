#!/usr/bin/env bash
# Runs Tandem's whole test suite and ends with one line "N passed, N failed, N skipped".
# Installs and starts whatever the tests need first (PostgreSQL, Chromium; npm packages come through the
# build), so it works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")"

# PostgreSQL for the persistence and cluster tests. Without it (and outside CI) those tests are skipped
# with the reason shown; CI always provides it.
ensure_postgres() {
  if [[ -n "${TANDEM_TEST_POSTGRES:-}" ]]; then return 0; fi
  if ! command -v pg_ctlcluster >/dev/null || [[ -z "$(ls /etc/postgresql 2>/dev/null)" ]]; then
    if [[ "$(id -u)" != 0 ]]; then
      echo "PostgreSQL is not installed and this is not root: PostgreSQL tests will be skipped." >&2
      return 0
    fi
    echo "Installing PostgreSQL (Debian package)..." >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  local version
  version="$(ls /etc/postgresql | sort -n | tail -n 1)"
  pg_ctlcluster "$version" main start >/dev/null 2>&1 || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
  run_admin() {
    if [[ "$(id -u)" == 0 ]]; then su postgres -c "psql -v ON_ERROR_STOP=1 -qtA" <<<"$1"; else psql -v ON_ERROR_STOP=1 -qtA <<<"$1"; fi
  }
  if [[ "$(run_admin "SELECT 1 FROM pg_roles WHERE rolname = 'tandem_test'")" != 1 ]]; then
    run_admin "CREATE ROLE tandem_test LOGIN PASSWORD 'tandem_test' CREATEDB;" >/dev/null
  fi
  run_admin "DROP DATABASE IF EXISTS tandem_test WITH (FORCE);" >/dev/null
  run_admin "CREATE DATABASE tandem_test OWNER tandem_test;" >/dev/null
  export TANDEM_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Database=tandem_test;Username=tandem_test;Password=tandem_test"
  echo "PostgreSQL $version ready: database tandem_test" >&2
}
ensure_postgres

# Debian's Chromium for the browser tests (Playwright drives it; no browser download). Without it (and
# outside CI) those tests are skipped with the reason shown; CI always installs it.
ensure_chromium() {
  if [[ -x /usr/bin/chromium ]]; then return 0; fi
  if [[ "$(id -u)" != 0 ]]; then
    echo "Chromium is not installed and this is not root: browser tests will be skipped." >&2
    return 0
  fi
  echo "Installing Chromium (Debian package)..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1
}
ensure_chromium

# Two speeds: the fast tests (units, grains on a test cluster, the Api in-process; about a minute) and the slow ones
# (real processes, PostgreSQL, Chromium, the simulator). "./test.sh --fast" runs the fast ones alone; other
# arguments go to every "dotnet test" (e.g. --filter).
projects=(tests/Tandem.Tests tests/Tandem.Tests.Slow)
if [[ "${1:-}" == "--fast" ]]; then projects=(tests/Tandem.Tests); shift; fi

results="$(mktemp -d)"
status=0
if dotnet build Tandem.slnx -nologo -v q; then
  for project in "${projects[@]}"; do
    # One project after the other: both measure timings and start servers, so they do not share the two cores.
    # A test that hangs fails after 10 minutes (the test host is stopped and the hang reported) instead of at CI's limit.
    dotnet test "$project" --no-build --logger "trx;LogFileName=$(basename "$project").trx" --results-directory "$results" \
      --blame-hang-timeout 10m --blame-hang-dump-type none "$@" || status=$?
  done
else
  status=1
fi

mapfile -t trx < <(find "$results" -name '*.trx')
if (( ${#trx[@]} < ${#projects[@]} )); then
  if [[ -n "${TANDEM_TEST_SUMMARY:-}" ]]; then echo "0 1 0" >"$TANDEM_TEST_SUMMARY"; fi
  echo "0 passed, 1 failed"
  echo "not every test project wrote results (build failure?)" >&2
  exit 1
fi

# The sum of one counter over every project's results.
counter() {
  local sum=0 v file
  for file in "${trx[@]}"; do
    v="$(grep -o '<Counters [^>]*' "$file" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || true)"
    sum=$(( sum + ${v:-0} ))
  done
  echo "$sum"
}
passed="$(counter passed)"
failed="$(counter failed)"
total="$(counter total)"
executed="$(counter executed)"
skipped=$(( total - executed ))
errors=$(( failed + $(counter error) + $(counter timeout) + $(counter aborted) ))
if (( status != 0 && errors == 0 )); then errors=1; fi
echo "${passed} passed, ${errors} failed, ${skipped} skipped"
if [[ -n "${TANDEM_TEST_SUMMARY:-}" ]]; then echo "$passed $errors $skipped" >"$TANDEM_TEST_SUMMARY"; fi
exit "$status"
