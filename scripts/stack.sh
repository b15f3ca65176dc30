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
#
# --multi (with any command) works on a second, independent stack instead: its own Keystone,
# Glance and fixtures server, state in .stack-multi/, and a Glance with two file stores
# (enabled_backends fast:file, slow:file; default fast) and the image cache on
# (scripts/stack/glance-api-multi.conf, read after glance-api.conf). Both stacks can run side by
# side. Its ports are LOUPE_MULTI_KEYSTONE_PORT, LOUPE_MULTI_GLANCE_PORT, LOUPE_MULTI_FIXTURES_PORT,
# by default the default stack's ports + 100 (15100, 19392, 19180), so that every set of
# LOUPE_*_PORT values gets its own pair of stacks. GET /v2/info/stores answers 200 there (up waits
# for it) and 404 on the default stack.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HERE="$ROOT/scripts/stack"

MULTI=false
COMMAND=
for arg; do
  case $arg in
    --multi) MULTI=true ;;
    *) [ -z "$COMMAND" ] && COMMAND=$arg || COMMAND=invalid ;;
  esac
done

plus_100() { [[ $1 =~ ^[0-9]+$ ]] && echo $(($1 + 100)) || echo "$1"; }   # junk stays junk for check_port_numbers

if $MULTI; then
  STACK="$ROOT/.stack-multi"
  KEYSTONE_PORT=${LOUPE_MULTI_KEYSTONE_PORT:-$(plus_100 "${LOUPE_KEYSTONE_PORT:-15000}")}
  GLANCE_PORT=${LOUPE_MULTI_GLANCE_PORT:-$(plus_100 "${LOUPE_GLANCE_PORT:-19292}")}
  FIXTURES_PORT=${LOUPE_MULTI_FIXTURES_PORT:-$(plus_100 "${LOUPE_FIXTURES_PORT:-19080}")}
  PORT_VARIABLE_PREFIX=LOUPE_MULTI_
else
  STACK="$ROOT/.stack"
  KEYSTONE_PORT=${LOUPE_KEYSTONE_PORT:-15000}
  GLANCE_PORT=${LOUPE_GLANCE_PORT:-19292}
  FIXTURES_PORT=${LOUPE_FIXTURES_PORT:-19080}
  PORT_VARIABLE_PREFIX=LOUPE_
fi
# Written once seeding finished (no marker = half-initialised), holding seed.py's hash: when
# seed.py changes, the next up seeds again (every seeding step is idempotent).
MARKER="$STACK/seeded"

KEYSTONE_URL="http://127.0.0.1:$KEYSTONE_PORT"
GLANCE_URL="http://127.0.0.1:$GLANCE_PORT"
FIXTURES_URL="http://127.0.0.1:$FIXTURES_PORT"

# Debian's OpenStack code runs on Debian's python, never on a pyenv one earlier on PATH.
PY=/usr/bin/python3
export PATH="/usr/sbin:/usr/bin:/sbin:/bin:$PATH"
export OS_KEYSTONE_CONFIG_FILES="$STACK/etc/keystone.conf"
# No __pycache__ next to keystone_wsgi.py in the work tree (Debian's modules come precompiled).
export PYTHONDONTWRITEBYTECODE=1
# Loopback only: never through a proxy from the environment (curl, urllib and requests, in
# our scripts and in the services, all honour no_proxy).
export no_proxy="127.0.0.1,localhost${no_proxy:+,$no_proxy}" NO_PROXY="127.0.0.1,localhost${NO_PROXY:+,$NO_PROXY}"

PACKAGES=(python3-keystone python3-glance glance-common python3-gunicorn curl)
SERVICES=(keystone fixtures glance)   # start order
WAIT_SECONDS=120   # per wait; a busy 2-core machine needs ~10-20 s to boot Keystone

NAME=stack
$MULTI && NAME="stack --multi"
say() { printf '\033[35m%s\033[0m %s\n' "$NAME" "$*"; }
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
  Stop it, or give $name another port with ${PORT_VARIABLE_PREFIX}${name^^}_PORT=…"
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
  [[ $pid =~ ^[0-9]+$ ]] && alive "$pid" || return 1
  # Guards against a recycled pid: each of our command lines names the stack's folder (followed
  # by / or a space: .stack is a prefix of .stack-multi).
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -e "$STACK/" -e "$STACK " || return 1
  echo "$pid"
}

start_bg() { # $1 service name, then its command; runs in its own session, logging to .stack/logs
  local name=$1
  shift
  running_pid "$name" >/dev/null && return 0
  # 9<&-: the service must not inherit (and so hold) our lock.
  setsid "$@" >>"$STACK/logs/$name.log" 2>&1 </dev/null 9<&- &
  echo $! >"$STACK/run/$name.pid"
}

stop_all() { # signals all our services at once, then waits up to 10 s before SIGKILL
  local name pid pids=()
  for name in glance fixtures keystone; do
    if pid=$(running_pid "$name"); then
      # setsid made each service a process group leader: signal the group (gunicorn's workers too).
      kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
      say "stopping $name (pid $pid)"
    fi
    rm -f "$STACK/run/$name.pid"
  done
  local deadline=$((SECONDS + 10))
  while [ $SECONDS -lt $deadline ]; do
    none_alive "${pids[@]}" && return 0
    sleep 0.2
  done
  for pid in "${pids[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
}

alive() { # process $1 runs (a zombie waiting to be reaped does not count)
  local state
  state=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)
  [ -n "$state" ] && [ "$state" != Z ]
}

none_alive() {
  local pid
  for pid; do alive "$pid" && return 1; done
  return 0
}

start_services() { # all three boot side by side; wait_for_keystone/wait_for_glance follow
  # gunicorn with threads (keystone-wsgi-public's own server handles one request at a time);
  # --preload imports Keystone once, before forking the workers. The access log keeps each
  # request's time in ms (npm test prints the slow ones when e2e fails).
  start_bg keystone "$PY" -m gunicorn --bind "127.0.0.1:$KEYSTONE_PORT" --workers 2 --threads 4 --preload \
    --access-logfile "$STACK/logs/keystone-access.log" --access-logformat '%(t)s "%(r)s" %(s)s %(M)sms' \
    --timeout 120 --graceful-timeout 3 --pythonpath "$HERE" --chdir "$STACK" keystone_wsgi:application
  start_bg fixtures "$PY" -m http.server "$FIXTURES_PORT" --bind 127.0.0.1 --directory "$STACK/fixtures"
  # glance-api's console script is in the glance-api package (which also brings a system
  # service); the module is the same program.
  start_bg glance "$PY" -m glance.cmd.api "${GLANCE_CONFIG_ARGS[@]}"
}

wait_for_keystone() {
  wait_until keystone "Keystone to answer $KEYSTONE_URL/v3" is_200 "$KEYSTONE_URL/v3"
}

wait_for_glance() { # needs the glance service user in Keystone: Glance validates tokens with it
  wait_until fixtures "the fixtures server to answer $FIXTURES_URL/" is_200 "$FIXTURES_URL/"
  wait_until glance "Glance to answer $GLANCE_URL/versions" is_200 "$GLANCE_URL/versions"
  wait_until glance "an authenticated Glance call to succeed" glance_auth_ok
  if $MULTI; then wait_until glance "GET /v2/info/stores to list $EXPECTED_STORES" stores_ok; fi
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

EXPECTED_STORES="fast (default), slow"   # as store_list prints them; the multi stack's glance-api-multi.conf

store_list() { # the stores GET /v2/info/stores lists ("" when it does not answer 200, e.g. 404 on one store)
  local token
  token=$(admin_token)
  [ -n "$token" ] || return 0
  curl -sf -m 10 -H "X-Auth-Token: $token" -H 'Accept: application/json' "$GLANCE_URL/v2/info/stores" 2>/dev/null |
    "$PY" -c 'import json, sys
stores = json.load(sys.stdin)["stores"]
print(", ".join(store["id"] + (" (default)" if store.get("default") else "") for store in stores))' 2>/dev/null || true
}

stores_ok() { [ "$(store_list)" = "$EXPECTED_STORES" ]; }

wait_until() { # $1 service, $2 what we wait for, then a check command; dies on timeout or exit
  local name=$1 what=$2 deadline=$((SECONDS + WAIT_SECONDS))
  shift 2
  until "$@"; do
    # Not running_pid: just after start the pid may not have exec'd the command line it checks.
    alive "$(cat "$STACK/run/$name.pid" 2>/dev/null)" || die "$name exited while starting. End of $STACK/logs/$name.log:
$(tail -n 20 "$STACK/logs/$name.log" 2>/dev/null)"
    [ $SECONDS -lt $deadline ] || die "gave up after ${WAIT_SECONDS}s waiting for $what (log: $STACK/logs/$name.log)"
    sleep 0.3
  done
}

all_running() {
  local name
  for name in "${SERVICES[@]}"; do running_pid "$name" >/dev/null || return 1; done
}

any_running() {
  local name
  for name in "${SERVICES[@]}"; do running_pid "$name" >/dev/null && return 0; done
  return 1
}

healthy() {
  [ -f "$MARKER" ] && all_running && is_200 "$KEYSTONE_URL/v3" && is_200 "$GLANCE_URL/versions" &&
    is_200 "$FIXTURES_URL/" && glance_auth_ok && { ! $MULTI || stores_ok; }
}

# ── configuration and first-time setup ───────────────────────────────────────────────────

CONFIG_FILES=(keystone.conf catalog.templates glance-api.conf)   # templates in scripts/stack/
GLANCE_CONFIG_ARGS=(--config-file "$STACK/etc/glance-api.conf")
if $MULTI; then   # oslo.config: a later --config-file overrides the earlier ones
  CONFIG_FILES+=(glance-api-multi.conf)
  GLANCE_CONFIG_ARGS+=(--config-file "$STACK/etc/glance-api-multi.conf")
fi

render() { # prints template $1 with the @NAMES@ substituted
  sed -e "s|@STACK@|$STACK|g" -e "s|@KEYSTONE_URL@|$KEYSTONE_URL|g" -e "s|@GLANCE_URL@|$GLANCE_URL|g" \
      -e "s|@GLANCE_PORT@|$GLANCE_PORT|g" -e "s|@FIXTURES_PORT@|$FIXTURES_PORT|g" "$1"
}

config_changed() { # the templates or the ports changed since .stack/etc was written
  local file
  for file in "${CONFIG_FILES[@]}"; do
    render "$HERE/$file" | cmp -s - "$STACK/etc/$file" || return 0
  done
  return 1
}

write_config() {
  local file
  mkdir -p "$STACK"/{etc,logs,run,images,staging,tasks,work,fixtures}
  if $MULTI; then mkdir -p "$STACK"/{images/fast,images/slow,cache}; fi
  for file in "${CONFIG_FILES[@]}"; do render "$HERE/$file" >"$STACK/etc/$file"; done
  # Pristine copies from the package (not /etc/glance, which an admin may have edited).
  cp /usr/share/glance-common/glance-api-paste.ini /usr/share/glance-common/schema-image.json "$STACK/etc/"
}

manage() { # $1 keystone|glance, then the subcommand; output goes to the setup log
  local tool=$1
  shift
  if [ "$tool" = keystone ]; then
    keystone-manage --config-file "$STACK/etc/keystone.conf" "$@" >>"$STACK/logs/setup.log" 2>&1
  else
    glance-manage "${GLANCE_CONFIG_ARGS[@]}" "$@" >>"$STACK/logs/setup.log" 2>&1
  fi || die "$tool-manage $1 failed. End of $STACK/logs/setup.log:
$(tail -n 20 "$STACK/logs/setup.log")"
}

use_wal() { # readers stop blocking the writer (sqlite otherwise answers "database is locked")
  "$PY" -c 'import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute("PRAGMA journal_mode=WAL")' "$1"
}

init_databases() { # each *-manage run spends seconds importing: independent ones run side by side
  local user group fernet credential
  user=$(id -un) group=$(id -gn)
  init_glance & GLANCE_INIT_PID=$!   # waited for before Glance starts
  manage keystone fernet_setup --keystone-user "$user" --keystone-group "$group" & fernet=$!
  manage keystone credential_setup --keystone-user "$user" --keystone-group "$group" & credential=$!
  manage keystone db_sync
  # The admin user, project "admin", roles admin/member/reader (admin implies member implies reader).
  manage keystone bootstrap --bootstrap-username admin --bootstrap-password admin-secret \
    --bootstrap-project-name admin --bootstrap-role-name admin --bootstrap-region-id RegionOne
  use_wal "$STACK/keystone.db"
  wait "$fernet" && wait "$credential" || exit 1
}

init_glance() {
  manage glance db_sync
  manage glance db_load_metadefs /usr/share/glance-common/metadefs
  use_wal "$STACK/glance.db"
}

seed() {
  "$PY" "$HERE/seed.py" "$1" "$STACK" "$KEYSTONE_URL" "$GLANCE_URL" "$FIXTURES_URL" ||
    die "seeding ($1) failed; the Keystone and Glance logs are in $STACK/logs/"
}

seed_hash() { sha256sum "$HERE/seed.py" | cut -d' ' -f1; }

seed_current() { [ "$(cat "$MARKER" 2>/dev/null)" = "$(seed_hash)" ]; }

# ── commands ─────────────────────────────────────────────────────────────────────────────

LOCKED=false
lock() { # one up/down/reset at a time per stack (the lock is on a file in scripts/stack/, which
  # reset never deletes: the folder itself for the default stack, the multi overlay for --multi,
  # so that both stacks can start at once)
  $LOCKED && return 0
  LOCKED=true
  if $MULTI; then exec 9<"$HERE/glance-api-multi.conf"; else exec 9<"$HERE"; fi
  flock -n 9 && return 0
  say "another stack.sh is running; waiting for it…"
  flock -w 900 9 || die "gave up waiting for the other stack.sh"
}

print_summary() {
  say "up in ${SECONDS}s: Keystone $KEYSTONE_URL/v3, Glance $GLANCE_URL, fixtures $FIXTURES_URL"
  say "data and logs: $STACK (seed data for tests: $STACK/seed.json)"
  if $MULTI; then say "stores: $EXPECTED_STORES (in $STACK/images/); image cache in $STACK/cache"; fi
  "$PY" "$HERE/seed.py" logins "$STACK"
}

discard_half_initialised() {
  [ -d "$STACK" ] && [ ! -f "$MARKER" ] || return 0
  say "found a half-initialised $STACK (no seed marker): starting over"
  stop_all
  rm -rf "$STACK"
}

seed_data() { # $1 = true on a fresh stack (identity was seeded already, before Glance started)
  if $1; then
    seed images
  elif ! seed_current; then
    say "scripts/stack/seed.py changed since the last seeding: seeding again"
    seed identity
    seed images
  else
    seed urls   # the ports may differ from the run that seeded
  fi
  seed_hash >"$MARKER"
}

already_up() { # running, healthy, and nothing to apply: up has nothing to do
  healthy && seed_current && ! config_changed || return 1
  say "already up: Keystone $KEYSTONE_URL/v3, Glance $GLANCE_URL, fixtures $FIXTURES_URL"
}

cmd_up() {
  check_port_numbers
  already_up && return 0
  require_debian
  lock
  already_up && return 0   # another up may have finished while we waited for the lock
  discard_half_initialised
  check_ports
  install_packages
  local fresh=false
  [ -f "$MARKER" ] || fresh=true
  if any_running && config_changed; then
    say "the configuration changed (ports or scripts/stack/): restarting the running services"
    stop_all
    check_ports
  fi
  write_config
  # keystone-manage makes these 0700; older stacks had 0755, and Keystone warns on every call.
  chmod 700 "$STACK/fernet-keys" "$STACK/credential-keys" 2>/dev/null || true
  if $fresh; then
    say "first run: creating the databases and seeding (about a minute)…"
    init_databases
    wait "$GLANCE_INIT_PID" || exit 1
  fi
  start_services
  wait_for_keystone
  if $fresh; then seed identity; fi   # Glance validates tokens as the glance service user
  wait_for_glance
  seed_data $fresh
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
  if [ ! -f "$MARKER" ]; then
    say "not initialised (no $MARKER): run scripts/stack.sh up"
    code=3
  elif ! seed_current; then
    say "seeded by an older scripts/stack/seed.py: the next up seeds again"
  fi
  if [ -d "$STACK/etc" ] && config_changed; then
    say "the configuration changed (ports or scripts/stack/): the next up applies it"
  fi
  if [ $code = 0 ] && healthy; then
    say "healthy: Keystone /v3, Glance /versions and an authenticated image list all answer 200"
    if $MULTI; then say "stores: $(store_list)"; fi
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
export ${PORT_VARIABLE_PREFIX}KEYSTONE_PORT=$KEYSTONE_PORT
export ${PORT_VARIABLE_PREFIX}GLANCE_PORT=$GLANCE_PORT
export ${PORT_VARIABLE_PREFIX}FIXTURES_PORT=$FIXTURES_PORT
export LOUPE_STACK_DIR=$STACK
EOF
}

case "$COMMAND" in
  up | down | status | reset | env) "cmd_$COMMAND" ;;
  *) echo "usage: $0 up|down|status|reset|env [--multi]" >&2; exit 2 ;;
esac
