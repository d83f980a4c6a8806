#!/usr/bin/env bash
# The order path and the authenticated read against an anonymous one-grain GET, measured by wrk (a load generator
# outside Tandem's process) against the Api as `dotnet run --project Api` starts it (embedded silo, in-memory
# storage, demo city), in one run. Prints a table, the ratios, and one JSON line.
#   bench/http-ratios.sh [seconds per scenario, default 20] [signed-in shoppers, default 2000]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
shoppers="${2:-2000}"
port=5499
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
# Measure only the Api this run starts: a process still serving the port would be measured instead.
if curl -fs "http://127.0.0.1:$port/health/live" >/dev/null 2>&1; then echo "port $port already serves a Tandem; stop it first" >&2; exit 2; fi

dotnet build -c Release Api -nologo -v q >/dev/null
work="$(mktemp -d)"
trap 'kill -TERM "$api" 2>/dev/null || true; wait "$api" 2>/dev/null || true; rm -rf "$work"' EXIT
# exec: the trap's TERM reaches the Api itself (a subshell around it would die and leave the Api serving the port).
(cd Api && exec env Urls="http://127.0.0.1:$port" DOTNET_ENVIRONMENT=Production \
  Tandem__Cluster__SiloPort=11499 Tandem__Cluster__GatewayPort=30499 Tandem__Cluster__ClusterId="ratios-$$" \
  Tandem__Auth__DevKeyPath="$work/dev-key.pem" Tandem__Push__VapidKeyPath="$work/vapid.pem" \
  Tandem__RateLimits__OrdersPerMinute=100000000 Tandem__RateLimits__EventBatchesPerMinute=100000000 \
  Tandem__Orders__MaxReservedUnitsPerShopper=100000000 Logging__LogLevel__Default=Warning \
  dotnet bin/Release/net10.0/Tandem.Api.dll >"$work/api.log" 2>&1) &
api=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 1; done
curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null || { cat "$work/api.log" >&2; exit 1; }
python3 bench/wrk/setup.py "http://127.0.0.1:$port" "$shoppers" "$work/data.txt"

# CPU time the Api process has used so far, in clock ticks (user + system).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$api/stat"; }
ticks_per_second="$(getconf CLK_TCK)"

# Every path is warmed up before any is measured (JIT tiers, caches, activations): measured cold, the first
# anonymous run cost twice the CPU per request of the last one.
warm() { wrk -t2 -c64 -d"$(( seconds / 2 + 2 ))s" -s bench/wrk/tandem.lua "http://127.0.0.1:$port" -- "$1" "$work/data.txt" >/dev/null; }

# One scenario: "<requests/s> <p99 ms> <non-2xx> <Api CPU ms per request>" after a warm-up of a quarter of the time.
# CPU per request is the Api process's own CPU time (server work only, not wrk's) over the requests wrk counted: on a
# shared machine it moves less than the rates do.
measure() {
  wrk -t2 -c64 -d"$(( seconds / 4 + 1 ))s" -s bench/wrk/tandem.lua "http://127.0.0.1:$port" -- "$1" "$work/data.txt" >/dev/null
  local before after
  before="$(cpu_ticks)"
  wrk -t2 -c64 -d"${seconds}s" --latency -s bench/wrk/tandem.lua "http://127.0.0.1:$port" -- "$1" "$work/data.txt" >"$work/$1.$2.txt"
  after="$(cpu_ticks)"
  local rps p99 bad cpu
  cpu="$(awk -v b="$before" -v a="$after" -v hz="$ticks_per_second" '/ requests in / {printf "%.4f", (a - b) * 1000 / hz / $1}' "$work/$1.$2.txt")"
  rps="$(awk '/^Requests\/sec:/ {print $2}' "$work/$1.$2.txt")"
  p99="$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' "$work/$1.$2.txt")"
  bad="$(awk '/Non-2xx/ {print $5}' "$work/$1.$2.txt")"
  echo "$rps $p99 ${bad:-0} $cpu"
}
warm anonymous; warm token; warm session; warm order
read -r a1 a1p a1b a1c < <(measure anonymous 1)
read -r t t_p t_b t_c < <(measure token 1)
read -r s s_p s_b s_c < <(measure session 1)
read -r o o_p o_b o_c < <(measure order 1)
read -r a2 a2p a2b a2c < <(measure anonymous 2)

python3 - "$seconds" "$shoppers" "$a1" "$a1p" "$a1b" "$a1c" "$t" "$t_p" "$t_b" "$t_c" "$s" "$s_p" "$s_b" "$s_c" \
  "$o" "$o_p" "$o_b" "$o_c" "$a2" "$a2p" "$a2b" "$a2c" <<'PY'
import json, sys
seconds, shoppers = int(sys.argv[1]), int(sys.argv[2])
v = [float(x) for x in sys.argv[3:]]
names = ["GET /api/products/{sku} · anonymous (first)", "GET /api/products/{sku} · with a bearer token (authentication alone)",
         "GET /api/sessions/{id} · bearer token", "POST /api/orders · pickup, every stocked store cell",
         "GET /api/products/{sku} · anonymous (last)"]
# Each scenario: requests/s, p99 ms, non-2xx, Api CPU ms per request.
first, token, session, order, last = (v[i:i + 4] for i in range(0, 20, 4))
baseline = (first[0] + last[0]) / 2
baseline_cpu = (first[3] + last[3]) / 2
print(f"wrk -t2 -c64, {seconds} s per scenario after every path's warm-up and its own, {shoppers:,} signed-in shoppers, embedded Tandem (Release)\n")
print("| scenario | requests/s | p99 ms | non-2xx | Api CPU ms per request |\n|---|---:|---:|---:|---:|")
for name, (rps, p99, bad, cpu) in zip(names, (first, token, session, order, last)):
    print(f"| {name} | {rps:,.0f} | {p99:.2f} | {bad:,.0f} | {cpu:.4f} |")
print(f"\nratios to the mean anonymous GET ({baseline:,.0f}/s): authenticated GET {session[0]/baseline:.2f}, orders {order[0]/baseline:.2f}")
print(f"by the Api's CPU per request (mean anonymous {baseline_cpu:.4f} ms): authenticated GET {baseline_cpu/session[3]:.2f}, orders {baseline_cpu/order[3]:.2f}")
print(json.dumps({"bench": "http-ratios", "seconds": seconds, "shoppers": shoppers, "anonymous_get_per_s": [first[0], last[0]],
                  "session_get_per_s": session[0], "orders_per_s": order[0], "session_ratio": round(session[0]/baseline, 3),
                  "orders_ratio": round(order[0]/baseline, 3), "p99_ms": {"anonymous": first[1], "session": session[1], "orders": order[1]},
                  "cpu_ms_per_request": {"anonymous": [first[3], last[3]], "token": token[3], "session": session[3], "orders": order[3]},
                  "session_cpu_ratio": round(baseline_cpu/session[3], 3), "orders_cpu_ratio": round(baseline_cpu/order[3], 3),
                  "non_2xx": first[2] + token[2] + session[2] + order[2] + last[2]}))
PY
