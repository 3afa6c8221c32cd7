#!/usr/bin/env bash
# The Debian packages needed to build and run gestdesk-desktop (Tauri 2 on webkit2gtk 4.1).
# Sourced by install-test-deps.sh; run directly to install only these.
DESKTOP_BUILD_PACKAGES=(build-essential pkg-config file libwebkit2gtk-4.1-dev libjavascriptcoregtk-4.1-dev
  libsoup-3.0-dev libgtk-3-dev libayatana-appindicator3-dev librsvg2-dev libxdo-dev libssl-dev)

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=900 update -q
  "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=900 install -y -q --no-install-recommends "${DESKTOP_BUILD_PACKAGES[@]}"
fi
