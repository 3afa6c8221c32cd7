#!/usr/bin/env bash
# Installs Gestdesk as a headless systemd service on this machine: builds the release binary,
# copies it to /usr/local/bin and the unit to /etc/systemd/system. Run as root from the
# repository; then `systemctl enable --now gestdesk`.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -p gestdesk
# Where cargo put it: CARGO_TARGET_DIR when set, else ./target.
target_dir="${CARGO_TARGET_DIR:-target}"
install -m 0755 "$target_dir/release/gestdesk" /usr/local/bin/gestdesk
install -m 0644 installer/gestdesk.service /etc/systemd/system/gestdesk.service
if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
  systemctl daemon-reload
fi
echo "installed: /usr/local/bin/gestdesk and /etc/systemd/system/gestdesk.service"
echo "start it with: systemctl enable --now gestdesk"
