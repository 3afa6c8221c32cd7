#!/usr/bin/env bash
# Installs Gestdesk as a headless systemd service on this machine from the repository: builds
# the release binary, copies it to /usr/local/bin and the unit to /etc/systemd/system, and makes
# the `gestdesk` system account. Run as root; then `systemctl enable --now gestdesk`. (The .deb
# package does the same with /usr/bin; see installer/build-packages.sh.)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -p gestdesk
# Where cargo put it: CARGO_TARGET_DIR when set, else ./target.
target_dir="${CARGO_TARGET_DIR:-target}"
install -m 0755 "$target_dir/release/gestdesk" /usr/local/bin/gestdesk
sed 's|/usr/bin/gestdesk|/usr/local/bin/gestdesk|' installer/gestdesk.service \
  > /etc/systemd/system/gestdesk.service
chmod 0644 /etc/systemd/system/gestdesk.service
getent passwd gestdesk >/dev/null || useradd --system --home-dir /var/lib/gestdesk \
  --no-create-home --shell /usr/sbin/nologin --user-group gestdesk
if command -v setcap >/dev/null; then setcap cap_net_raw+ep /usr/local/bin/gestdesk || true; fi
if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
  systemctl daemon-reload
fi
echo "installed: /usr/local/bin/gestdesk and /etc/systemd/system/gestdesk.service"
echo "start it with: systemctl enable --now gestdesk"
