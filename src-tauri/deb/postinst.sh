#!/bin/sh
# After installing the .deb: let the app send real pings and run network discovery (raw
# sockets) without running as root. Without the capability it still works, probing over TCP.
set -e
if command -v setcap >/dev/null 2>&1; then
  setcap cap_net_raw+ep /usr/bin/gestdesk-desktop || true
fi
exit 0
