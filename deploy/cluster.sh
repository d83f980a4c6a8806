#!/usr/bin/env bash
# A PostgreSQL-backed Tandem cluster on this machine: 2 silos + 1 Api on loopback ports, and an issuer.
#
#   deploy/cluster.sh start    build (Release), prepare the database, start silo-1, silo-2 and the Api
#   deploy/cluster.sh status   what runs, and the cluster membership
#   deploy/cluster.sh stop     stop the Api, then the silos (SIGTERM; SIGKILL after 30 s)
#
# TANDEM_DB overrides the connection string. Without it a local PostgreSQL (Debian's package) is used:
# as root the script installs/starts it and creates role and database "tandem".
# A cluster trusts only an OpenID Connect issuer: TANDEM_AUTHORITY and TANDEM_AUDIENCE name yours. Without them
# the script starts Tandem's stand-alone development issuer on ISSUER_PORT (5090), where
#   curl -X POST http://127.0.0.1:5090/api/dev/token -H 'content-type: application/json' -d '{"role":"ops","subject":"me"}'
# signs in anyone as anyone: for trying the cluster out, never for production.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
run="$root/deploy/.run"
mkdir -p "$run"

: "${API_PORT:=5080}"
: "${ISSUER_PORT:=5090}"
silo_ports=("11111:30000:5081" "11112:30001:5082")

database() {
  if [[ -n "${TANDEM_DB:-}" ]]; then echo "$TANDEM_DB"; return; fi
  if [[ "$(id -u)" == 0 ]]; then
    if ! command -v pg_ctlcluster >/dev/null || [[ -z "$(ls /etc/postgresql 2>/dev/null)" ]]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    local version; version="$(ls /etc/postgresql | sort -n | tail -n 1)"
    pg_ctlcluster "$version" main start >/dev/null 2>&1 || true
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
    admin() { su postgres -c "psql -v ON_ERROR_STOP=1 -qtA" <<<"$1"; }
    [[ "$(admin "SELECT 1 FROM pg_roles WHERE rolname = 'tandem'")" == 1 ]] || admin "CREATE ROLE tandem LOGIN PASSWORD 'tandem';" >/dev/null
    [[ "$(admin "SELECT 1 FROM pg_database WHERE datname = 'tandem'")" == 1 ]] || admin "CREATE DATABASE tandem OWNER tandem;" >/dev/null
  fi
  echo "Host=127.0.0.1;Port=5432;Database=tandem;Username=tandem;Password=tandem"
}

alive() { [[ -f "$run/$1.pid" ]] && kill -0 "$(cat "$run/$1.pid")" 2>/dev/null; }

launch() { # name, dll, extra environment... [-- arguments...]
  local name="$1" dll="$2"; shift 2
  local environment=() arguments=()
  while [[ $# -gt 0 && "$1" != "--" ]]; do environment+=("$1"); shift; done
  [[ "${1:-}" == "--" ]] && { shift; arguments=("$@"); }
  if alive "$name"; then echo "$name already runs (pid $(cat "$run/$name.pid"))"; return; fi
  (cd "$(dirname "$dll")" || exit 1; env "${environment[@]}" nohup dotnet "$dll" "${arguments[@]}" >"$run/$name.log" 2>&1 & echo $! >"$run/$name.pid")
  echo "$name started (pid $(cat "$run/$name.pid"), log deploy/.run/$name.log)"
}

start() {
  local db; db="$(database)"
  dotnet build "$root/Tandem.slnx" -c Release -v quiet -nologo >/dev/null
  local out="bin/Release/net10.0"
  local common=("DOTNET_ENVIRONMENT=Production" "ConnectionStrings__Tandem=$db")
  env "${common[@]}" dotnet "$root/Silo/$out/Tandem.Silo.dll" migrate >"$run/migrate.log" 2>&1 || { cat "$run/migrate.log" >&2; return 1; }
  local i=1
  for ports in "${silo_ports[@]}"; do
    local seed=false; [[ $i == 1 ]] && seed=true
    launch "silo-$i" "$root/Silo/$out/Tandem.Silo.dll" "${common[@]}" \
      "Tandem__Cluster__SiloPort=$(cut -d: -f1 <<<"$ports")" "Tandem__Cluster__GatewayPort=$(cut -d: -f2 <<<"$ports")" \
      "Urls=http://127.0.0.1:$(cut -d: -f3 <<<"$ports")" "Tandem__Demo__Seed=$seed"
    i=$((i + 1))
  done
  local auth=("Tandem__Auth__Authority=${TANDEM_AUTHORITY:-}" "Tandem__Auth__Audience=${TANDEM_AUDIENCE:-}")
  if [[ -z "${TANDEM_AUTHORITY:-}" ]]; then
    launch issuer "$root/Api/$out/Tandem.Api.dll" "Urls=http://127.0.0.1:$ISSUER_PORT" -- dev-issuer
    auth=("Tandem__Auth__Authority=http://127.0.0.1:$ISSUER_PORT" "Tandem__Auth__Audience=tandem" "Tandem__Auth__RequireHttpsMetadata=false")
  fi
  launch api "$root/Api/$out/Tandem.Api.dll" "${common[@]}" "${auth[@]}" "Urls=http://127.0.0.1:$API_PORT"
  for _ in $(seq 1 120); do
    if curl -sf "http://127.0.0.1:$API_PORT/health/ready" >/dev/null; then
      echo "Tandem cluster ready: http://127.0.0.1:$API_PORT"; return 0
    fi
    sleep 1
  done
  echo "the Api did not become ready in 120 s; see deploy/.run/*.log" >&2; return 1
}

stop_one() {
  local name="$1"
  alive "$name" || { rm -f "$run/$name.pid"; return 0; }
  local pid; pid="$(cat "$run/$name.pid")"
  kill -TERM "$pid"
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; echo "$name killed after 30 s"; else echo "$name stopped"; fi
  rm -f "$run/$name.pid"
}

stop() { stop_one api; stop_one silo-2; stop_one silo-1; stop_one issuer; }

status() {
  for name in issuer silo-1 silo-2 api; do
    if alive "$name"; then echo "$name: running (pid $(cat "$run/$name.pid"))"; else echo "$name: stopped"; fi
  done
  curl -s "http://127.0.0.1:$API_PORT/health/ready" >/dev/null && echo "api ready: http://127.0.0.1:$API_PORT" || true
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: deploy/cluster.sh start|stop|status" >&2; exit 2 ;;
esac
