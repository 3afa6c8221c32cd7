#!/usr/bin/env bash
# Installs the Debian packages that Gestdesk's test suite and desktop build need.
# Idempotent: packages already present are skipped, so a second run takes well under a second.
#   browser tests:  chromium, chromium-driver (WebDriver on 127.0.0.1)
#   network tests:  iproute2 (network namespaces), util-linux (setpriv, to deny raw sockets), procps (sysctl)
#   package test:   libcap2-bin (getcap, and the .deb sets the raw-socket capability with setcap),
#                   sudo (the desktop app's updater installs a package with `sudo dpkg -i` when
#                   there is no pkexec)
#   incoming mail:  dovecot-imapd (a private Dovecot the stories start on free loopback ports)
#   directory:      slapd, ldap-utils (a private OpenLDAP the stories start on free loopback
#                   ports; preseeded so that installing it configures no system directory)
#   GestSup import: mariadb-server, mariadb-client (a private MariaDB the stories start on a
#                   free loopback port, and mysqldump)
#   mail tests:     python3-aiosmtpd (the SMTP server tests/peers/smtp_server.py runs on), openssl
#   calendar tests: python3-icalendar (reads the calendar feed and the invitations)
#   API tests:      python3-venv (tests/peers/api-tools.sh installs the conformance tools in one)
#                   (its self-signed certificate)
#   cross check:    gcc-mingw-w64-x86-64 (the C parts of some dependencies, for
#                   `cargo check --target x86_64-pc-windows-gnu`; tests/cross/check.sh)
#   desktop shell:  webkit2gtk 4.1 and the other Tauri 2 build dependencies (see desktop-deps.sh)
#   desktop test:   xvfb, xauth, imagemagick (screenshots), x11-utils, xdotool, dbus (a session
#                   bus, so that a second launch finds the first instance)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

packages=(iproute2 util-linux procps libcap2-bin sudo gcc-mingw-w64-x86-64 dovecot-imapd slapd ldap-utils mariadb-server mariadb-client chromium chromium-driver curl ca-certificates python3 python3-aiosmtpd python3-icalendar python3-venv openssl xvfb xauth imagemagick x11-utils xdotool dbus dbus-x11)
# shellcheck source=desktop-deps.sh
source "$here/desktop-deps.sh"
packages+=("${DESKTOP_BUILD_PACKAGES[@]}")

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
echo "slapd slapd/no_configuration boolean true" | "${sudo_cmd[@]}" debconf-set-selections
echo "installing: ${missing[*]}"
"${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=900 update -q
"${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=900 install -y -q --no-install-recommends "${missing[@]}"
