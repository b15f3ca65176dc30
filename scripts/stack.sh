#!/usr/bin/env bash
# The local OpenStack that Loupe runs and is tested against: Debian's Keystone and Glance on
# loopback (sqlite, Glance's file store), plus a small HTTP server with files for
# web-download imports. Config, data and logs all live in .stack/ at the repo root.
#
#   scripts/stack.sh up       install missing Debian packages, start, wait for health, seed once
#   scripts/stack.sh down     stop our processes (data is kept)
#   scripts/stack.sh status   what runs where; exit 0 when healthy, 3 otherwise
#   scripts/stack.sh reset    down, delete .stack/, up
#   scripts/stack.sh env      export lines for the URLs and ports
#
# Ports: LOUPE_KEYSTONE_PORT (15000), LOUPE_GLANCE_PORT (19292), LOUPE_FIXTURES_PORT (19080).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HERE="$ROOT/scripts/stack"
STACK="$ROOT/.stack"
MARKER="$STACK/seeded"   # written only once seeding finished: no marker = half-initialised

KEYSTONE_PORT=${LOUPE_KEYSTONE_PORT:-15000}
GLANCE_PORT=${LOUPE_GLANCE_PORT:-19292}
FIXTURES_PORT=${LOUPE_FIXTURES_PORT:-19080}
KEYSTONE_URL="http://127.0.0.1:$KEYSTONE_PORT"
GLANCE_URL="http://127.0.0.1:$GLANCE_PORT"
FIXTURES_URL="http://127.0.0.1:$FIXTURES_PORT"

# Debian's OpenStack code runs on Debian's python, never on a pyenv one earlier on PATH.
PY=/usr/bin/python3
export PATH="/usr/sbin:/usr/bin:/sbin:/bin:$PATH"
export OS_KEYSTONE_CONFIG_FILES="$STACK/etc/keystone.conf"

PACKAGES=(python3-keystone python3-glance glance-common python3-gunicorn curl)
SERVICES=(keystone fixtures glance)   # start order
WAIT_SECONDS=90

say() { printf '\033[35mstack\033[0m %s\n' "$*"; }
die() { printf '\033[31mstack: %s\033[0m\n' "$*" >&2; exit 1; }

port_of() {
  case $1 in keystone) echo "$KEYSTONE_PORT" ;; glance) echo "$GLANCE_PORT" ;; fixtures) echo "$FIXTURES_PORT" ;; esac
}

url_of() {
  case $1 in keystone) echo "$KEYSTONE_URL/v3" ;; glance) echo "$GLANCE_URL" ;; fixtures) echo "$FIXTURES_URL" ;; esac
}

# ── checks ───────────────────────────────────────────────────────────────────────────────

require_debian() {
  [ -f /etc/debian_version ] && command -v dpkg-query >/dev/null ||
    die "this is not Debian: the local stack uses Debian's Keystone and Glance packages."
}

check_port_numbers() {
  local port
  for port in "$KEYSTONE_PORT" "$GLANCE_PORT" "$FIXTURES_PORT"; do
    [[ $port =~ ^[0-9]+$ ]] && [ "$port" -ge 1 ] && [ "$port" -le 65535 ] || die "not a port number: '$port'"
  done
  [ "$KEYSTONE_PORT" != "$GLANCE_PORT" ] && [ "$KEYSTONE_PORT" != "$FIXTURES_PORT" ] &&
    [ "$GLANCE_PORT" != "$FIXTURES_PORT" ] || die "the Keystone, Glance and fixtures ports must differ."
}

listening_pids() { # pids that listen on TCP port $1 (any address), read from /proc
  local hex inode
  hex=$(printf ':%04X' "$1")
  # /proc/net/tcp{,6}: local address is field 2 (ADDR:PORT in hex), state 0A = LISTEN, inode field 10.
  for inode in $(awk -v p="$hex" '$4 == "0A" && substr($2, length($2) - 4) == p { print $10 }' \
                   /proc/net/tcp /proc/net/tcp6 2>/dev/null); do
    find /proc/[0-9]*/fd -lname "socket:\[$inode\]" 2>/dev/null | cut -d/ -f3
  done | sort -un
}

port_in_use() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

port_owner() { # "pid N (command line)" of whoever listens on port $1, empty when the port is free
  local pid
  pid=$(listening_pids "$1" | head -1)
  if [ -n "$pid" ]; then
    printf 'pid %s (%s)' "$pid" "$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | cut -c1-120 | sed 's/ *$//')"
  elif port_in_use "$1"; then
    echo "another process (not visible to this user)"
  fi
}

check_ports() { # each service's port must be free unless that service is already ours and running
  local name owner
  for name in "${SERVICES[@]}"; do
    running_pid "$name" >/dev/null && continue
    owner=$(port_owner "$(port_of "$name")")
    [ -z "$owner" ] || die "port $(port_of "$name") is in use by $owner.
  Stop it, or give $name another port with LOUPE_${name^^}_PORT=…"
  done
}

# ── Debian packages ──────────────────────────────────────────────────────────────────────

missing_packages() {
  local package
  for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || printf '%s ' "$package"
  done
}

install_packages() {
  local missing log="$STACK/logs/apt.log"
  missing=$(missing_packages)
  [ -z "$missing" ] && return 0
  [ "$(id -u)" -eq 0 ] || die "missing Debian packages: $missing
  Install them with: sudo apt-get install -y --no-install-recommends $missing"
  mkdir -p "$STACK/logs"
  say "installing Debian packages: $missing(a few minutes on a fresh machine; log: $log)"
  # Lock::Timeout: wait for another apt/dpkg run instead of failing at once.
  local apt=(env DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=600)
  # shellcheck disable=SC2086
  if ! { "${apt[@]}" update && "${apt[@]}" install -y --no-install-recommends $missing; } >>"$log" 2>&1; then
    tail -n 20 "$log" >&2
    die "apt-get failed (full log: $log)"
  fi
  missing=$(missing_packages)
  [ -z "$missing" ] || die "still missing after apt-get: $missing (log: $log)"
}

# ── our processes ────────────────────────────────────────────────────────────────────────

running_pid() { # prints the pid of our running service $1; fails if it is not running
  local pid
  pid=$(cat "$STACK/run/$1.pid" 2>/dev/null) || return 1
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  # Guards against a recycled pid: each of our command lines names the .stack folder.
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$STACK" || return 1
  echo "$pid"
}

start_bg() { # $1 service name, then its command; runs in its own session, logging to .stack/logs
  local name=$1
  shift
  running_pid "$name" >/dev/null && return 0
  setsid "$@" >>"$STACK/logs/$name.log" 2>&1 </dev/null &
  echo $! >"$STACK/run/$name.pid"
}

stop_service() {
  local name=$1 pid
  if pid=$(running_pid "$name"); then
    # setsid made the service a process group leader: signal the group (gunicorn's workers too).
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL -- "-$pid" 2>/dev/null || true
    say "stopped $name (pid $pid)"
  fi
  rm -f "$STACK/run/$name.pid"
}

stop_all() {
  local name
  for name in glance fixtures keystone; do stop_service "$name"; done
}

start_keystone() {
  # gunicorn with threads: keystone-wsgi-public's own server handles one request at a time.
  start_bg keystone "$PY" -m gunicorn --bind "127.0.0.1:$KEYSTONE_PORT" --workers 2 --threads 4 \
    --timeout 120 --pythonpath "$HERE" --chdir "$STACK" keystone_wsgi:application
  wait_until keystone "Keystone to answer $KEYSTONE_URL/v3" is_200 "$KEYSTONE_URL/v3"
}

start_fixtures() {
  start_bg fixtures "$PY" -m http.server "$FIXTURES_PORT" --bind 127.0.0.1 --directory "$STACK/fixtures"
}

start_glance() {
  # glance-api's console script lives in the glance-api package (which also brings a system
  # service); the module is the same program.
  start_bg glance "$PY" -m glance.cmd.api --config-file "$STACK/etc/glance-api.conf"
  wait_until glance "Glance to answer $GLANCE_URL/versions" is_200 "$GLANCE_URL/versions"
  wait_until glance "an authenticated Glance call to succeed" glance_auth_ok
}

# ── health ───────────────────────────────────────────────────────────────────────────────

http_code() { curl -s -o /dev/null -m 10 -w '%{http_code}' "$@" 2>/dev/null || true; }

is_200() { [ "$(http_code "$@")" = 200 ]; }

admin_token() {
  local body='{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"admin","domain":{"id":"default"},"password":"admin-secret"}}},"scope":{"project":{"name":"admin","domain":{"id":"default"}}}}}'
  curl -s -m 10 -o /dev/null -D - -H 'Content-Type: application/json' -d "$body" "$KEYSTONE_URL/v3/auth/tokens" 2>/dev/null |
    tr -d '\r' | sed -n 's/^[Xx]-[Ss]ubject-[Tt]oken: //p'
}

glance_auth_ok() { # a token from Keystone, validated by Glance through keystonemiddleware
  local token
  token=$(admin_token)
  [ -n "$token" ] && is_200 -H "X-Auth-Token: $token" "$GLANCE_URL/v2/images?limit=1"
}

wait_until() { # $1 service, $2 what we wait for, then a check command; dies on timeout or exit
  local name=$1 what=$2 deadline=$((SECONDS + WAIT_SECONDS))
  shift 2
  until "$@"; do
    running_pid "$name" >/dev/null || die "$name exited while starting. End of $STACK/logs/$name.log:
$(tail -n 20 "$STACK/logs/$name.log" 2>/dev/null)"
    [ $SECONDS -lt $deadline ] || die "gave up after ${WAIT_SECONDS}s waiting for $what (log: $STACK/logs/$name.log)"
    sleep 0.3
  done
}

all_running() {
  local name
  for name in "${SERVICES[@]}"; do running_pid "$name" >/dev/null || return 1; done
}

healthy() {
  [ -f "$MARKER" ] && all_running && is_200 "$KEYSTONE_URL/v3" && is_200 "$GLANCE_URL/versions" &&
    is_200 "$FIXTURES_URL/" && glance_auth_ok
}

# ── configuration and first-time setup ───────────────────────────────────────────────────

render() { # template $1 → file $2, with @NAMES@ substituted
  sed -e "s|@STACK@|$STACK|g" -e "s|@KEYSTONE_URL@|$KEYSTONE_URL|g" -e "s|@GLANCE_URL@|$GLANCE_URL|g" \
      -e "s|@GLANCE_PORT@|$GLANCE_PORT|g" -e "s|@FIXTURES_PORT@|$FIXTURES_PORT|g" "$1" >"$2"
}

write_config() { # rewritten on every up, so changed ports take effect
  mkdir -p "$STACK"/{etc,logs,run,images,staging,tasks,work,fixtures}
  render "$HERE/keystone.conf" "$STACK/etc/keystone.conf"
  render "$HERE/catalog.templates" "$STACK/etc/catalog.templates"
  render "$HERE/glance-api.conf" "$STACK/etc/glance-api.conf"
  # Pristine copies from the package (not /etc/glance, which an admin may have edited).
  cp /usr/share/glance-common/glance-api-paste.ini /usr/share/glance-common/schema-image.json "$STACK/etc/"
}

manage() { # $1 keystone|glance, then the subcommand; output goes to the setup log
  local tool=$1
  shift
  if [ "$tool" = keystone ]; then
    keystone-manage --config-file "$STACK/etc/keystone.conf" "$@" >>"$STACK/logs/setup.log" 2>&1
  else
    glance-manage --config-file "$STACK/etc/glance-api.conf" "$@" >>"$STACK/logs/setup.log" 2>&1
  fi || die "$tool-manage $1 failed. End of $STACK/logs/setup.log:
$(tail -n 20 "$STACK/logs/setup.log")"
}

use_wal() { # readers stop blocking the writer (sqlite otherwise answers "database is locked")
  "$PY" -c 'import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute("PRAGMA journal_mode=WAL")' "$1"
}

init_keystone() {
  local user group
  user=$(id -un) group=$(id -gn)
  manage keystone db_sync
  manage keystone fernet_setup --keystone-user "$user" --keystone-group "$group"
  manage keystone credential_setup --keystone-user "$user" --keystone-group "$group"
  # The admin user, project "admin", roles admin/member/reader (admin implies member implies reader).
  manage keystone bootstrap --bootstrap-username admin --bootstrap-password admin-secret \
    --bootstrap-project-name admin --bootstrap-role-name admin --bootstrap-region-id RegionOne
  use_wal "$STACK/keystone.db"
}

init_glance() {
  manage glance db_sync
  manage glance db_load_metadefs /usr/share/glance-common/metadefs
  use_wal "$STACK/glance.db"
}

seed() { "$PY" "$HERE/seed.py" "$@" "$STACK" "$KEYSTONE_URL" "$GLANCE_URL" "$FIXTURES_URL"; }

# ── commands ─────────────────────────────────────────────────────────────────────────────

LOCKED=false
lock() { # one up/down/reset at a time (the lock is on scripts/stack/, which reset never deletes)
  $LOCKED && return 0
  LOCKED=true
  exec 9<"$HERE"
  flock -n 9 && return 0
  say "another stack.sh is running; waiting for it…"
  flock -w 900 9 || die "gave up waiting for the other stack.sh"
}

print_summary() {
  say "up in ${SECONDS}s: Keystone $KEYSTONE_URL/v3, Glance $GLANCE_URL, fixtures $FIXTURES_URL"
  say "data and logs: $STACK (seed data for tests: $STACK/seed.json)"
  "$PY" "$HERE/seed.py" logins "$STACK"
}

cmd_up() {
  check_port_numbers
  if healthy; then
    say "already up: Keystone $KEYSTONE_URL/v3, Glance $GLANCE_URL, fixtures $FIXTURES_URL"
    return 0
  fi
  require_debian
  lock
  if [ -d "$STACK" ] && [ ! -f "$MARKER" ]; then
    say "found a half-initialised $STACK (no seed marker): starting over"
    stop_all
    rm -rf "$STACK"
  fi
  check_ports
  install_packages
  local fresh=false glance_init
  [ -f "$MARKER" ] || fresh=true
  write_config
  if $fresh; then
    say "first run: creating the databases and seeding (about a minute)…"
    init_glance & glance_init=$!   # in parallel with Keystone's setup: two cores
    init_keystone
  fi
  chmod 700 "$STACK/fernet-keys" "$STACK/credential-keys"   # Keystone warns on every call otherwise
  start_keystone
  # Glance authenticates as the glance service user: it must exist before Glance serves.
  if $fresh; then
    seed identity
    wait "$glance_init" || exit 1
  fi
  start_fixtures
  start_glance
  if $fresh; then
    seed images
    touch "$MARKER"
  else
    seed urls   # the ports may differ from the run that seeded
  fi
  print_summary
}

cmd_down() {
  lock
  stop_all
  say "down (data kept in $STACK)"
}

cmd_status() {
  local name pid code=0
  for name in "${SERVICES[@]}"; do
    if pid=$(running_pid "$name"); then
      say "$(printf '%-8s running (pid %s)  %s' "$name" "$pid" "$(url_of "$name")")"
    else
      say "$(printf '%-8s stopped' "$name")"
      code=3
    fi
  done
  [ -f "$MARKER" ] || { say "not initialised (no $MARKER): run scripts/stack.sh up"; code=3; }
  if [ $code = 0 ] && healthy; then
    say "healthy: Keystone /v3, Glance /versions and an authenticated image list all answer 200"
  else
    say "not healthy (logs in $STACK/logs/)"
    code=3
  fi
  return $code
}

cmd_reset() {
  lock
  stop_all
  rm -rf "$STACK"
  say "deleted $STACK"
  cmd_up
}

cmd_env() {
  cat <<EOF
export KEYSTONE_URL=$KEYSTONE_URL
export OS_AUTH_URL=$KEYSTONE_URL/v3
export GLANCE_URL=$GLANCE_URL
export FIXTURES_URL=$FIXTURES_URL
export LOUPE_KEYSTONE_PORT=$KEYSTONE_PORT
export LOUPE_GLANCE_PORT=$GLANCE_PORT
export LOUPE_FIXTURES_PORT=$FIXTURES_PORT
export LOUPE_STACK_DIR=$STACK
EOF
}

case "${1:-}" in
  up | down | status | reset | env) "cmd_$1" ;;
  *) echo "usage: $0 up|down|status|reset|env" >&2; exit 2 ;;
esac
