#!/usr/bin/env bash
# The local OpenStack that Loupe runs and tests against: Debian's real Keystone and Glance
# on loopback, sqlite + Glance's file store, everything (config, data, logs) under .stack/.
#
#   scripts/stack.sh up       install what is missing, start, wait for health, seed once
#   scripts/stack.sh down     stop our processes
#   scripts/stack.sh status   what runs where (exit 0 healthy, 3 otherwise)
#   scripts/stack.sh reset    down, wipe .stack/, up
#   scripts/stack.sh env      export lines for the URLs and ports
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
STACK="$ROOT/.stack"
HERE="$ROOT/scripts/stack"
KEYSTONE_PORT=${LOUPE_KEYSTONE_PORT:-15000}
GLANCE_PORT=${LOUPE_GLANCE_PORT:-19292}
FIXTURES_PORT=${LOUPE_FIXTURES_PORT:-19080}
KEYSTONE_URL="http://127.0.0.1:$KEYSTONE_PORT"
GLANCE_URL="http://127.0.0.1:$GLANCE_PORT"
PY=/usr/bin/python3
# Debian's OpenStack tools must see Debian's python, not a pyenv one earlier on PATH.
export PATH="/usr/sbin:/usr/bin:/sbin:/bin:$PATH"
export OS_KEYSTONE_CONFIG_FILES="$STACK/etc/keystone.conf"
PACKAGES=(keystone python3-keystone python3-glance glance-common python3-gunicorn)

say() { printf '\033[35mstack\033[0m %s\n' "$*"; }
die() { printf '\033[31mstack: %s\033[0m\n' "$*" >&2; exit 1; }

missing_packages() {
  local p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || printf '%s ' "$p"
  done
}

install_packages() {
  [ -f /etc/debian_version ] || die "this is not Debian: install Keystone and Glance (Zed or newer) yourself, or point Loupe at a cloud with --keystone."
  local missing
  missing=$(missing_packages)
  [ -z "$missing" ] && return 0
  [ "$(id -u)" -eq 0 ] || die "missing Debian packages: $missing
  install them with: sudo apt-get install -y --no-install-recommends $missing"
  say "installing Debian packages: $missing"
  DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing >/dev/null
  # Packages may start their own services on the default ports; ours use other ports, but stop them anyway.
  pkill -f '/usr/bin/keystone-wsgi' 2>/dev/null || true
}

pid_alive() { [ -f "$STACK/run/$1.pid" ] && kill -0 "$(cat "$STACK/run/$1.pid")" 2>/dev/null; }

port_owner() { # prints who listens on the port, if anyone
  ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*users:(("\([^"]*\)",pid=\([0-9]*\).*/\1 (pid \2)/p' | head -1
}

check_port() { # $1 port, $2 our service name
  pid_alive "$2" && return 0
  local owner
  owner=$(port_owner "$1")
  [ -z "$owner" ] || die "port $1 (for $2) is in use by $owner. Stop it, or choose another port with LOUPE_${2^^}_PORT."
}

http_code() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$@" 2>/dev/null || true; }

wait_for() { # $1 name, $2 url, $3 expected code, $4 seconds
  local deadline=$((SECONDS + $4))
  while [ $SECONDS -lt $deadline ]; do
    [ "$(http_code "$2")" = "$3" ] && return 0
    pid_alive "$1" || die "$1 exited while starting; its log: $STACK/logs/$1.log
$(tail -n 15 "$STACK/logs/$1.log" 2>/dev/null)"
    sleep 0.5
  done
  die "$1 did not answer $2 within $4 s; its log: $STACK/logs/$1.log"
}

start_bg() { # $1 name, rest: command
  local name=$1; shift
  pid_alive "$name" && return 0
  setsid "$@" >>"$STACK/logs/$name.log" 2>&1 < /dev/null &
  echo $! >"$STACK/run/$name.pid"
}

render() { # template → file, with @VARS@ substituted
  sed -e "s|@STACK@|$STACK|g" -e "s|@KEYSTONE_PORT@|$KEYSTONE_PORT|g" -e "s|@GLANCE_PORT@|$GLANCE_PORT|g" \
      -e "s|@FIXTURES_PORT@|$FIXTURES_PORT|g" -e "s|@KEYSTONE_URL@|$KEYSTONE_URL|g" -e "s|@GLANCE_URL@|$GLANCE_URL|g" "$1" >"$2"
}

write_config() {
  mkdir -p "$STACK"/{etc,logs,run,images,staging,tasks,work,fixtures,fernet-keys,credential-keys}
  render "$HERE/keystone.conf" "$STACK/etc/keystone.conf"
  render "$HERE/catalog.templates" "$STACK/etc/catalog.templates"
  render "$HERE/glance-api.conf" "$STACK/etc/glance-api.conf"
  cp /usr/share/glance-common/glance-api-paste.ini "$STACK/etc/glance-api-paste.ini"
  [ -f /etc/glance/schema-image.json ] && cp /etc/glance/schema-image.json "$STACK/etc/schema-image.json"
}

init_databases() {
  say "initialising Keystone and Glance databases (first run)…"
  keystone-manage --config-file "$STACK/etc/keystone.conf" db_sync >>"$STACK/logs/setup.log" 2>&1
  keystone-manage --config-file "$STACK/etc/keystone.conf" fernet_setup --keystone-user root --keystone-group root >>"$STACK/logs/setup.log" 2>&1
  keystone-manage --config-file "$STACK/etc/keystone.conf" credential_setup --keystone-user root --keystone-group root >>"$STACK/logs/setup.log" 2>&1
  keystone-manage --config-file "$STACK/etc/keystone.conf" bootstrap --bootstrap-password admin-secret --bootstrap-username admin \
    --bootstrap-project-name admin --bootstrap-role-name admin --bootstrap-region-id RegionOne >>"$STACK/logs/setup.log" 2>&1
  glance-manage --config-file "$STACK/etc/glance-api.conf" db_sync >>"$STACK/logs/setup.log" 2>&1
  glance-manage --config-file "$STACK/etc/glance-api.conf" db_load_metadefs /usr/share/glance-common/metadefs >>"$STACK/logs/setup.log" 2>&1
  # WAL journaling: readers no longer block writers (sqlite otherwise answers "database is locked").
  local db
  for db in keystone glance; do
    $PY -c "import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute('PRAGMA journal_mode=WAL')" "$STACK/$db.db"
  done
}

start_services() {
  check_port "$KEYSTONE_PORT" keystone
  check_port "$GLANCE_PORT" glance
  check_port "$FIXTURES_PORT" fixtures
  # Keystone under gunicorn with threads: the bundled wsgiref server handles one request at a time.
  start_bg keystone env OS_KEYSTONE_CONFIG_FILES="$STACK/etc/keystone.conf" \
    $PY -m gunicorn --bind "127.0.0.1:$KEYSTONE_PORT" --workers 1 --threads 8 --timeout 120 \
    --pythonpath "$HERE" --chdir "$STACK" keystone_wsgi:application
  wait_for keystone "$KEYSTONE_URL/v3" 200 60
  start_bg fixtures $PY -m http.server "$FIXTURES_PORT" --bind 127.0.0.1 --directory "$STACK/fixtures"
}

start_glance() {
  start_bg glance $PY -m glance.cmd.api --config-file "$STACK/etc/glance-api.conf"
  wait_for glance "$GLANCE_URL/versions" 200 60
}

healthy() {
  [ "$(http_code "$KEYSTONE_URL/v3")" = 200 ] && [ "$(http_code "$GLANCE_URL/versions")" = 200 ] && [ -f "$STACK/seeded" ]
}

cmd_up() {
  if healthy && pid_alive keystone && pid_alive glance; then
    say "already running (Keystone $KEYSTONE_URL, Glance $GLANCE_URL)"
    return 0
  fi
  install_packages
  # A half-initialised stack (no marker) is wiped and made again.
  if [ -d "$STACK" ] && [ ! -f "$STACK/seeded" ]; then
    cmd_down >/dev/null 2>&1 || true
    rm -rf "$STACK"
  fi
  local fresh=0
  [ -f "$STACK/seeded" ] || fresh=1
  write_config
  [ $fresh = 1 ] && init_databases
  start_services
  # The service user Glance authenticates with must exist before Glance serves requests.
  [ $fresh = 1 ] && $PY "$HERE/seed.py" identity "$STACK" "$KEYSTONE_URL"
  start_glance
  if [ $fresh = 1 ]; then
    $PY "$HERE/seed.py" images "$STACK" "$KEYSTONE_URL" "$GLANCE_URL" "$FIXTURES_PORT"
    touch "$STACK/seeded"
  fi
  say "up: Keystone $KEYSTONE_URL/v3, Glance $GLANCE_URL, fixtures http://127.0.0.1:$FIXTURES_PORT"
  [ $fresh = 1 ] && $PY "$HERE/seed.py" logins "$STACK"
  return 0
}

cmd_down() {
  local name pid
  for name in glance keystone fixtures; do
    if pid_alive "$name"; then
      pid=$(cat "$STACK/run/$name.pid")
      kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      kill -KILL -- "-$pid" 2>/dev/null || true
    fi
    rm -f "$STACK/run/$name.pid"
  done
  say "down"
}

cmd_status() {
  local name state
  for name in keystone glance fixtures; do
    if pid_alive "$name"; then state="running (pid $(cat "$STACK/run/$name.pid"))"; else state="stopped"; fi
    say "$name: $state"
  done
  if healthy; then say "healthy: Keystone $KEYSTONE_URL/v3, Glance $GLANCE_URL"; return 0; fi
  say "not healthy (logs in $STACK/logs/)"
  return 3
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  reset) cmd_down; rm -rf "$STACK"; cmd_up ;;
  env)
    printf 'export KEYSTONE_URL=%s/v3\nexport GLANCE_URL=%s\nexport LOUPE_KEYSTONE_PORT=%s\nexport LOUPE_GLANCE_PORT=%s\nexport LOUPE_FIXTURES_PORT=%s\n' \
      "$KEYSTONE_URL" "$GLANCE_URL" "$KEYSTONE_PORT" "$GLANCE_PORT" "$FIXTURES_PORT" ;;
  *) echo "usage: $0 up|down|status|reset|env" >&2; exit 2 ;;
esac
