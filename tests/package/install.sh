#!/usr/bin/env bash
# The packages, for real, on this machine (as root): builds them (installer/build-packages.sh),
# then
#   1. installs the .deb with dpkg -i: the desktop app, the gestdesk command, the systemd unit
#      (disabled), the menu entry, the `gestdesk` system account and the raw-socket capability
#      are there, and the maintainer field is filled;
#   2. starts the headless server with the unit's own command line and environment, as the
#      unit's user with its ambient capability and file limit, on a free port: /healthz
#      answers, the data is in /var/lib/gestdesk owned by that account; SIGTERM stops it;
#   3. the desktop app's update check: a newer package, signed with a key made here and served
#      on a loopback port with its manifest, is found by `gestdesk-desktop --check-update`;
#      one whose bytes were altered is refused by `--update` (the installed version stays); the
#      genuine one is installed by `--update` (through sudo dpkg -i), under a virtual display;
#   4. removes the package (dpkg -r: files gone, data kept), then purges it (data and account
#      gone);
#   5. unpacks the portable archive elsewhere and runs its server once.
# Prints how long the server took from its start to its first answer.
set -euo pipefail
cd "$(dirname "$0")/../.."
fail() { echo "package test: FAILED: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || { echo "package test: skipped (needs root for dpkg -i)"; exit 0; }

out=$(mktemp -d)
work=$(mktemp -d)
server=""
helpers=()
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  for p in "${helpers[@]}"; do kill "$p" 2>/dev/null || true; done
  dpkg --purge gestdesk >/dev/null 2>&1 || true
  rm -rf "$out" "$work"
}
trap cleanup EXIT
GESTDESK_PACKAGES_DIR="$out" installer/build-packages.sh
deb=$(ls "$out"/gestdesk_*.deb)
tarball=$(ls "$out"/gestdesk-*-linux.tar.gz)

# 1. Installed.
dpkg --purge gestdesk >/dev/null 2>&1 || true
dpkg -i "$deb" >/dev/null || fail "dpkg -i"
for f in /usr/bin/gestdesk /usr/bin/gestdesk-desktop /lib/systemd/system/gestdesk.service \
         /usr/share/applications/gestdesk.desktop /usr/share/icons/hicolor/128x128/apps/gestdesk.png; do
  [ -e "$f" ] || fail "$f is missing"
done
dpkg-query -W -f='${Maintainer}' gestdesk | grep -q '@' || fail "no maintainer"
getent passwd gestdesk >/dev/null || fail "no gestdesk account"
if command -v getcap >/dev/null; then
  getcap /usr/bin/gestdesk | grep -q cap_net_raw || fail "no raw-socket capability on gestdesk"
fi
[ ! -e /etc/systemd/system/multi-user.target.wants/gestdesk.service ] || fail "the unit is enabled"
/usr/bin/gestdesk --version | grep -q "gestdesk" || fail "gestdesk --version"

# 2. The unit's command line, environment, user, capability and file limit.
unit=/lib/systemd/system/gestdesk.service
exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
user=$(sed -n 's/^User=//p' "$unit")
nofile=$(sed -n 's/^LimitNOFILE=//p' "$unit")
# systemd raises the limit; a container may not let even root raise its hard limit that far.
hard=$(ulimit -Hn)
if [ "$hard" != unlimited ] && [ "$hard" -lt "$nofile" ]; then
  echo "package test: this machine's hard file limit is $hard, below the unit's $nofile; using $hard"
  nofile=$hard
fi
env_args=()
while IFS= read -r line; do env_args+=("$line"); done < <(sed -n 's/^Environment=//p' "$unit")
data_dir=$(printf '%s\n' "${env_args[@]}" | sed -n 's/^GESTDESK_DATA_DIR=//p')
[ "$data_dir" = /var/lib/gestdesk ] || fail "the unit's data folder is $data_dir"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# What StateDirectory= makes before the start.
install -d -o "$user" -g "$user" -m 0750 "$data_dir"
started=$(date +%s%N)
# shellcheck disable=SC2086 # the unit's command line splits on spaces, as systemd's does
prlimit --nofile="$nofile" -- setpriv --reuid="$user" --regid="$user" --init-groups \
  --inh-caps=+net_raw --ambient-caps=+net_raw -- \
  env -i PATH=/usr/bin:/bin "${env_args[@]}" GESTDESK_LISTEN="127.0.0.1:$port" $exec_start \
  >"$work/server.log" 2>&1 &
server=$!
answered=""
for _ in $(seq 1 2000); do
  if curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then answered=$(date +%s%N); break; fi
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; fail "the server exited"; }
  sleep 0.005
done
[ -n "$answered" ] || { cat "$work/server.log" >&2; fail "no answer on /healthz"; }
echo "package test: the server from the .deb answered $(( (answered - started) / 1000000 )) ms after its start"
[ "$(stat -c %U "$data_dir/gestdesk.sqlite3")" = "$user" ] || fail "the database is not the account's"
grep -q "/setup/" "$work/server.log" || fail "no set-up link printed"
kill -TERM "$server"
wait "$server" || fail "the server did not stop cleanly"
server=""

# 3. The update check of the installed desktop app.
target_dir=${CARGO_TARGET_DIR:-$(pwd)/target}
signer="$target_dir/release/gestdesk-update-signer"
pubkey=$("$signer" keygen "$work/update.key")
up_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
installed=$(dpkg-query -W -f='${Version}' gestdesk)
next="${installed%.*}.$(( ${installed##*.} + 1 ))"
mkdir -p "$work/updates"
GESTDESK_PACKAGES_DIR="$work/updates" GESTDESK_PACKAGE_VERSION="$next" \
  GESTDESK_UPDATE_SIGNING_KEY="$work/update.key" GESTDESK_UPDATE_BASE_URL="http://127.0.0.1:$up_port/" \
  installer/build-packages.sh >/dev/null
[ -s "$work/updates/latest.json" ] && ls "$work/updates"/gestdesk_"$next"_*.deb.sig >/dev/null \
  || fail "no signed package and manifest"
# A copy whose package was altered after signing.
mkdir -p "$work/updates/altered"
cp "$work/updates"/gestdesk_"$next"_*.deb "$work/updates/altered/"
printf 'x' >> "$(ls "$work/updates/altered"/*.deb)"
sed "s#http://127.0.0.1:$up_port/#http://127.0.0.1:$up_port/altered/#" "$work/updates/latest.json" \
  > "$work/updates/altered/latest.json"
python3 -m http.server "$up_port" --bind 127.0.0.1 --directory "$work/updates" >"$work/http.log" 2>&1 &
helpers+=($!)
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$up_port/latest.json" >/dev/null && break; sleep 0.1; done
display=""
for n in $(seq 150 199); do
  if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then display=":$n"; break; fi
done
Xvfb "$display" -screen 0 1024x768x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
helpers+=($!)
for _ in $(seq 1 100); do xdpyinfo -display "$display" >/dev/null 2>&1 && break; sleep 0.1; done
desktop() {
  DISPLAY="$display" LANG=en_US.UTF-8 timeout 300 /usr/bin/gestdesk-desktop "$@" \
    --update-key "$pubkey" >"$work/desktop.log" 2>&1
}
desktop --check-update --update-url "http://127.0.0.1:$up_port/latest.json" \
  || { cat "$work/desktop.log" >&2; fail "--check-update"; }
grep -q "Version $next is available" "$work/desktop.log" || { cat "$work/desktop.log" >&2; fail "the update was not found"; }
if desktop --update --update-url "http://127.0.0.1:$up_port/altered/latest.json"; then
  cat "$work/desktop.log" >&2; fail "an altered package was accepted"
fi
grep -q "signature verification failed" "$work/desktop.log" || { cat "$work/desktop.log" >&2; fail "the refusal does not name the signature"; }
[ "$(dpkg-query -W -f='${Version}' gestdesk)" = "$installed" ] || fail "the altered package was installed"
desktop --update --update-url "http://127.0.0.1:$up_port/latest.json" \
  || { cat "$work/desktop.log" >&2; fail "--update"; }
grep -q "Version $next is installed" "$work/desktop.log" || { cat "$work/desktop.log" >&2; fail "no installation reported"; }
[ "$(dpkg-query -W -f='${Version}' gestdesk)" = "$next" ] || fail "the update was not installed"
echo "package test: the desktop app found, refused the altered, and installed the signed update $next"

# 4. Removed, then purged.
dpkg -r gestdesk >/dev/null || fail "dpkg -r"
[ ! -e /usr/bin/gestdesk ] && [ ! -e /lib/systemd/system/gestdesk.service ] || fail "files left after removal"
[ -e "$data_dir/gestdesk.sqlite3" ] || fail "removal took the data"
dpkg --purge gestdesk >/dev/null || fail "dpkg --purge"
[ ! -e "$data_dir" ] || fail "purge left the data"
! getent passwd gestdesk >/dev/null || fail "purge left the account"
dpkg-query -W gestdesk >/dev/null 2>&1 && fail "the package is still known"

# 5. The portable archive.
tar -C "$work" -xzf "$tarball"
portable=$(ls -d "$work"/gestdesk-*-linux)
[ -x "$portable/bin/gestdesk" ] && [ -f "$portable/gestdesk.service" ] && [ -f "$portable/INSTALL.txt" ] \
  || fail "the archive lacks a file"
"$portable/bin/gestdesk" --version | grep -q gestdesk || fail "the archive's gestdesk does not run"
echo "package test: passed"
