#!/usr/bin/env bash
# Memory over time: a PostgreSQL-backed cluster (deploy/cluster.sh: 2 silos, 1 Api) driven by the simulator, the
# working set (VmRSS) of every process, the silos' managed heap after their last garbage collection (what is live,
# as opposed to what the collector keeps reserved) and their activation counts, sampled every minute.
#   bench/soak.sh [minutes, default 60] [orders per minute, default 60]
# Prints a row per sample, a table at 10, 30 and 60 minutes (or the run's end) and one JSON line.
# Needs PostgreSQL: TANDEM_DB, or (as root) the local Debian cluster, where a fresh database "tandem_soak" is created.
# Ports: Api 5180, issuer 5190, silos as in deploy/cluster.sh (11111/11112, 30000/30001, /metrics on 5081/5082).
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-60}"
rate="${2:-60}"

if [[ -z "${TANDEM_DB:-}" ]]; then
  source bench/fresh-database.sh
  TANDEM_DB="$(fresh_database tandem_soak)"
  export TANDEM_DB
fi
export API_PORT=5180 ISSUER_PORT=5190

trap 'kill "${simulator:-0}" 2>/dev/null || true; deploy/cluster.sh stop >/dev/null' EXIT
deploy/cluster.sh start
dotnet build Simulator -c Release -v quiet -nologo >/dev/null
dotnet Simulator/bin/Release/net10.0/Tandem.Simulator.dll --url "http://127.0.0.1:$API_PORT" --issuer "http://127.0.0.1:$ISSUER_PORT" \
  --orders-per-minute "$rate" --seconds $((minutes * 60 + 30)) >deploy/.run/simulator.log 2>&1 &
simulator=$!

rss() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$(cat "deploy/.run/$1.pid")/status"; }
activations() { curl -s "http://127.0.0.1:$1/metrics" | awk '/^orleans_catalog_activations[{ ]/ { s += $NF } END { printf "%d", s }'; }
heap() { curl -s "http://127.0.0.1:$1/metrics" | awk '/^dotnet_gc_last_collection_heap_size_bytes[{ ]/ { s += $NF } END { printf "%.0f", s / 1048576 }'; }

samples="$(mktemp)"
echo "| minute | silo-1 MiB | silo-2 MiB | Api MiB | silo-1 activations | silo-2 activations | silo-1 heap MiB | silo-2 heap MiB |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
for minute in $(seq 1 "$minutes"); do
  sleep 60
  kill -0 "$simulator" 2>/dev/null || { echo "the simulator stopped early; see deploy/.run/simulator.log" >&2; exit 1; }
  row="| $minute | $(rss silo-1) | $(rss silo-2) | $(rss api) | $(activations 5081) | $(activations 5082) | $(heap 5081) | $(heap 5082) |"
  echo "$row" | tee -a "$samples" >/dev/null
  echo "$row"
done

echo
echo "What the city did: $(grep '^city: ' deploy/.run/simulator.log | grep -v stopped | tail -n 1)"
echo
echo "| minute | silo-1 MiB | silo-2 MiB | Api MiB | silo-1 activations | silo-2 activations | silo-1 heap MiB | silo-2 heap MiB |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
grep -E "^\| ($(printf '%s|' 10 30 60 "$minutes" | sed 's/|$//')) \|" "$samples" | sort -u -t'|' -k2,2n
echo
echo "| grain type | activations created | deactivated | live now |"
echo "|---|---:|---:|---:|"
for type in session order shopperholds inventorycell; do
  created=0; destroyed=0
  for port in 5081 5082; do
    metrics="$(curl -s "http://127.0.0.1:$port/metrics")"
    created=$((created + $(awk -v t="\"$type\"" '/^orleans_catalog_activation_created_total/ && index($0, "grain_type=" t) { s += $NF } END { printf "%d", s }' <<<"$metrics")))
    destroyed=$((destroyed + $(awk -v t="\"$type\"" '/^orleans_catalog_activation_destroyed_total/ && index($0, "grain_type=" t) { s += $NF } END { printf "%d", s }' <<<"$metrics")))
  done
  echo "| $type | $created | $destroyed | $((created - destroyed)) |"
done
awk -F'|' -v rate="$rate" 'BEGIN { printf "{\"ordersPerMinute\":%s,\"samples\":[", rate }
  { gsub(/ /, ""); printf "%s{\"minute\":%s,\"silo1MiB\":%s,\"silo2MiB\":%s,\"apiMiB\":%s,\"activations\":%d,\"silo1HeapMiB\":%s,\"silo2HeapMiB\":%s}", (NR > 1 ? "," : ""), $2, $3, $4, $5, $6 + $7, $8, $9 }
  END { print "]}" }' "$samples"
