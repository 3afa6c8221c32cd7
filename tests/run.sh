#!/usr/bin/env bash
# Runs every Gestdesk test: installs the system packages the tests need (once), checks the
# formatting and the lints, then the Rust tests (unit, integration against a real server,
# headless Chromium through WebDriver), then the desktop app under a virtual display.
#
#   tests/run.sh                        everything
#   GESTDESK_SKIP_DESKTOP=1 tests/run.sh   without the desktop app and the packages (no webkit
#                                          build, no release build)
set -euo pipefail
cd "$(dirname "$0")/.."

installer/install-test-deps.sh
# The API's conformance stories use openapi-spec-validator and Schemathesis from PyPI.
tests/peers/api-tools.sh
# The network stories make a private LAN of network namespaces, the incoming-mail stories a
# private Dovecot, the directory stories a slapd, the GestSup stories a MariaDB; all go when
# the tests end.
trap 'tests/peers/net-down.sh; pkill -f "dovecot -F -c /tmp/gd-imap-" || true; pkill -f "slapd -F /tmp/gd-ldap-" || true; pkill -f "mariadbd --defaults-file=/tmp/gd-mariadb-" || true' EXIT
# The code is formatted and free of lints, or nothing else runs.
cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings
cargo test --locked
if [ "${GESTDESK_SKIP_DESKTOP:-0}" != "1" ]; then
  # The desktop app is outside the default members (webkit): its lints and unit tests here.
  cargo clippy --locked -p gestdesk-desktop --all-targets -- -D warnings
  cargo test --locked -p gestdesk-desktop
  # The server and the desktop app type-check for Windows and macOS.
  tests/cross/check.sh
  tests/desktop/smoke.sh
  # The .deb (desktop app and headless server) and the portable archive, installed for real.
  tests/package/install.sh
fi
echo "all tests passed"
