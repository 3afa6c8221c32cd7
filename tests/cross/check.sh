#!/usr/bin/env bash
# The server and the desktop app type-check for Windows (x86_64-pc-windows-gnu) and macOS
# (aarch64-apple-darwin): every path specific to one system (the data folder, the tray, raw
# sockets, the service) is chosen per system in the code. `cargo check` only; nothing is
# linked or run. The C parts of some dependencies (SQLite, ring, mimalloc) are compiled for
# Windows with MinGW (installer/install-test-deps.sh installs it); for macOS, whose SDK is
# not available on Linux, tests/cross/no-cc stands in for the C compiler, so their C code is
# not checked there, only ours.
# Where rustup cannot add a target (no access to its servers), it says so and skips it.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=$(pwd)/tests/cross
status=0
for target in x86_64-pc-windows-gnu aarch64-apple-darwin; do
  if ! rustup target list --installed 2>/dev/null | grep -qx "$target" \
     && ! timeout 600 rustup target add "$target" >/dev/null 2>&1; then
    echo "cross check: $target skipped (rustup could not add the target here)"
    continue
  fi
  env_args=()
  case "$target" in
    *-apple-darwin)
      var=$(echo "$target" | tr - _)
      env_args=("CC_$var=$here/no-cc" "AR_$var=ar")
      ;;
  esac
  if env "${env_args[@]}" cargo check --locked --target "$target" -p gestdesk -p gestdesk-desktop; then
    echo "cross check: $target passed"
  else
    echo "cross check: $target FAILED" >&2
    status=1
  fi
done
exit $status
