# Sourced by the bench scripts: fresh_database NAME starts the local Debian PostgreSQL (as root), creates role NAME
# if missing, drops and re-creates database NAME, and prints its connection string.
fresh_database() {
  local name="$1" version
  version="$(ls /etc/postgresql | sort -n | tail -n 1)"
  pg_ctlcluster "$version" main start >/dev/null 2>&1 || true
  admin() { su postgres -c "psql -v ON_ERROR_STOP=1 -qtA" <<<"$1"; }
  [[ "$(admin "SELECT 1 FROM pg_roles WHERE rolname = '$name'")" == 1 ]] || admin "CREATE ROLE $name LOGIN PASSWORD '$name';" >/dev/null
  admin "DROP DATABASE IF EXISTS $name WITH (FORCE);" >/dev/null
  admin "CREATE DATABASE $name OWNER $name;" >/dev/null
  echo "Host=127.0.0.1;Port=5432;Database=$name;Username=$name;Password=$name"
}
