#!/usr/bin/env bash
# The desktop app, for real: gestdesk-desktop under a virtual X display with a fresh data
# directory. Checks that
#   1. its in-process server answers and the window shows the set-up page (page-load log, the
#      window exists, and a screenshot shows the page: target/test-screenshots/desktop-*.png);
#   2. a second launch does not start a second instance: it exits and the first keeps serving;
#   3. SIGTERM stops it gracefully (exit status 0);
#   3b. with an update address and key given, the running app checks at start, finds the
#      newer version a signed manifest on a loopback port announces, and records it for the
#      system page;
#   4. started where a `gestdesk serve` already answers on the port, or holds the data folder,
#      the window shows a page that says so (page-load log, screenshots) instead of failing.
# Needs the packages of installer/install-test-deps.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
target_dir=${CARGO_TARGET_DIR:-$root/target}
shots="$root/target/test-screenshots"
mkdir -p "$shots"

fail() { echo "desktop test: FAILED: $*" >&2; exit 1; }

# Waits until app $1 (log $2) shows its page explaining why it did not start ($3: the case).
wait_failure_page() {
  for _ in $(seq 1 300); do
    grep -q "page loaded: gestdesk://localhost/" "$2" && return 0
    kill -0 "$1" 2>/dev/null || { cat "$2" >&2; fail "the app crashed when $3"; }
    sleep 0.1
  done
  cat "$2" >&2
  fail "no page explaining that $3"
}

cargo build --locked -p gestdesk-desktop -p gestdesk -p gestdesk-update-signer
bin="$target_dir/debug/gestdesk-desktop"
server_bin="$target_dir/debug/gestdesk"

work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for _ in $(seq 1 30); do
    alive=""
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=yes; done
    [ -z "$alive" ] && break
    sleep 0.1
  done
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# A free display number and a free port.
display=""
for n in $(seq 90 140); do
  if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then display=":$n"; break; fi
done
[ -n "$display" ] || fail "no free X display number"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

Xvfb "$display" -screen 0 1280x900x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
pids+=($!)
disown
for _ in $(seq 1 100); do xdpyinfo -display "$display" >/dev/null 2>&1 && break; sleep 0.1; done
xdpyinfo -display "$display" >/dev/null 2>&1 || fail "Xvfb did not start"

# A private session bus: the single-instance check goes through D-Bus.
eval "$(dbus-launch --sh-syntax)"
pids+=("$DBUS_SESSION_BUS_PID")

# An update source: a manifest announcing the next version, signed with a key made here.
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
next="${version%.*}.$(( ${version##*.} + 1 ))"
up_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$work/updates"
pubkey=$("$target_dir/debug/gestdesk-update-signer" keygen "$work/update.key")
printf 'the next version' > "$work/updates/package"
"$target_dir/debug/gestdesk-update-signer" sign --key "$work/update.key" --version "$next" \
  --platform "linux-$(uname -m)" --url "http://127.0.0.1:$up_port/package" "$work/updates/package" >/dev/null
python3 -m http.server "$up_port" --bind 127.0.0.1 --directory "$work/updates" >"$work/http.log" 2>&1 &
pids+=($!)
disown

export DISPLAY="$display" GESTDESK_DATA_DIR="$work/data" GESTDESK_LISTEN="127.0.0.1:$port" LANG=en_US.UTF-8
GESTDESK_UPDATE_URL="http://127.0.0.1:$up_port/latest.json" GESTDESK_UPDATE_KEY="$pubkey" \
  "$bin" >"$work/first.log" 2>&1 &
first=$!
pids+=("$first")
disown

loaded=""
for _ in $(seq 1 600); do
  if grep -q "page loaded: http://127.0.0.1:$port/setup/" "$work/first.log"; then loaded=yes; break; fi
  kill -0 "$first" 2>/dev/null || { cat "$work/first.log" >&2; fail "the app exited"; }
  sleep 0.1
done
[ -n "$loaded" ] || { cat "$work/first.log" >&2; fail "the window did not load the set-up page"; }
curl -sf "http://127.0.0.1:$port/healthz" | grep -q '"status":"ok"' || fail "the in-process server does not answer"
xdotool search --name '^Gestdesk$' >/dev/null || fail "no Gestdesk window"

sleep 2 # let the page paint
shot="$shots/desktop-setup.png"
import -display "$display" -window root "$shot"
# The page is drawn: many colours, and the brand blue of the set-up card and its button.
colours=$(convert "$shot" -format '%k' info:)
blue=$(convert "$shot" -fuzz 6% -fill black +opaque '#2a6ebb' -fill white -opaque '#2a6ebb' -format '%[fx:mean]' info:)
echo "desktop screenshot: $shot ($colours colours, blue share $blue)"
[ "$colours" -gt 50 ] || fail "the window looks empty ($colours colours)"
awk -v b="$blue" 'BEGIN { exit !(b > 0.0012) }' || fail "the set-up page is not visible (blue share $blue)"

# The update check at start found the next version.
found=""
for _ in $(seq 1 300); do
  grep -q "Version $next is available" "$work/first.log" && { found=yes; break; }
  sleep 0.1
done
[ -n "$found" ] || { cat "$work/first.log" >&2; fail "the update check at start did not find version $next"; }
# ...and recorded it for the system page.
recorded=""
for _ in $(seq 1 50); do
  recorded=$(python3 -c 'import sqlite3, sys
c = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
r = c.execute("SELECT detail FROM connector_status WHERE connector = ?", ("updates",)).fetchone()
print(r[0] if r else "")' "$work/data/gestdesk.sqlite3" 2>/dev/null || true)
  [ "$recorded" = "$next" ] && break
  sleep 0.1
done
[ "$recorded" = "$next" ] || fail "the update check's finding was not recorded (got '$recorded')"

# A second launch hands over to the first instance and exits.
"$bin" >"$work/second.log" 2>&1 &
second=$!
pids+=("$second")
disown
for _ in $(seq 1 200); do kill -0 "$second" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$second" 2>/dev/null; then cat "$work/second.log" >&2; fail "a second instance kept running"; fi
kill -0 "$first" 2>/dev/null || fail "the first instance died"
curl -sf "http://127.0.0.1:$port/healthz" >/dev/null || fail "the first instance stopped serving"
[ "$(xdotool search --name '^Gestdesk$' | wc -l)" -eq 1 ] || fail "more than one Gestdesk window"

# SIGTERM stops the app gracefully, like the server.
kill -TERM "$first"
status=""
for _ in $(seq 1 150); do
  if ! kill -0 "$first" 2>/dev/null; then status=done; break; fi
  sleep 0.1
done
[ -n "$status" ] || fail "the app did not stop on SIGTERM"
grep -q "panicked" "$work/first.log" && { cat "$work/first.log" >&2; fail "the app panicked while stopping"; }

# A Gestdesk service already on the port: the window says so, with a way to open it.
port2=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
GESTDESK_DATA_DIR="$work/service" "$server_bin" serve --listen "127.0.0.1:$port2" >"$work/service.log" 2>&1 &
service=$!
pids+=("$service")
disown
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port2/healthz" >/dev/null && break; sleep 0.1; done
curl -sf "http://127.0.0.1:$port2/healthz" >/dev/null || fail "the service did not start"
"$bin" --listen "127.0.0.1:$port2" --data-dir "$work/other" >"$work/busy-port.log" 2>&1 &
third=$!
pids+=("$third")
disown
wait_failure_page "$third" "$work/busy-port.log" "the port was taken"
grep -q "Gestdesk is already running on this PC" "$work/busy-port.log" || fail "the reason was not given"
sleep 1
import -display "$display" -window root "$shots/desktop-already-running.png"
kill -TERM "$third"
for _ in $(seq 1 100); do kill -0 "$third" 2>/dev/null || break; sleep 0.1; done
kill -0 "$third" 2>/dev/null && fail "the app did not stop on SIGTERM"

# The service's data folder: in use, said so.
"$bin" --listen "127.0.0.1:$port" --data-dir "$work/service" >"$work/busy-dir.log" 2>&1 &
fourth=$!
pids+=("$fourth")
disown
wait_failure_page "$fourth" "$work/busy-dir.log" "the data folder was in use"
grep -q "The data folder is in use" "$work/busy-dir.log" || fail "the reason was not given"
sleep 1
import -display "$display" -window root "$shots/desktop-data-busy.png"
kill -TERM "$fourth"
curl -sf "http://127.0.0.1:$port2/healthz" >/dev/null || fail "the service was disturbed"

echo "desktop test: ok"
