#!/usr/bin/env bash
# Builds the Linux packages from the release binaries, into target/packages/ (or
# $GESTDESK_PACKAGES_DIR):
#   gestdesk_<version>_<arch>.deb        the desktop app (gestdesk-desktop, with its menu entry)
#                                        and the `gestdesk` command with its systemd unit
#                                        (installed disabled; data in /var/lib/gestdesk under the
#                                        `gestdesk` system account), raw-socket capability set
#                                        on both binaries at install
#   gestdesk-<version>-<arch>-linux.tar.gz  the server alone, for other Linux distributions
#                                        (glibc): bin/gestdesk, the unit, and INSTALL.txt
# Needs the packages of installer/install-test-deps.sh (dpkg-deb is in every Debian).
#
# The desktop app's update check (off by default) is built in when these are set while building:
#   GESTDESK_UPDATE_URL      the address of the update manifest (https)
#   GESTDESK_UPDATE_PUBKEY   the public key of the publisher's signing key
#                            (target/release/gestdesk-update-signer keygen KEY_FILE prints it)
# and the packages are signed for it when these are set:
#   GESTDESK_UPDATE_SIGNING_KEY  the secret key file (made by gestdesk-update-signer keygen)
#   GESTDESK_UPDATE_BASE_URL     where the packages will be downloaded from (ends with /)
# which writes <package>.sig and latest.json beside the packages: put them at those addresses.
# GESTDESK_PACKAGE_VERSION overrides the version written in the packages.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
target_dir="${CARGO_TARGET_DIR:-$root/target}"
out="${GESTDESK_PACKAGES_DIR:-$root/target/packages}"
cargo build --release --locked -p gestdesk -p gestdesk-desktop -p gestdesk-update-signer
version=${GESTDESK_PACKAGE_VERSION:-$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)}
arch=$(dpkg --print-architecture)
mkdir -p "$out"

# The .deb.
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
pkg="$stage/gestdesk_${version}_${arch}"
install -d "$pkg/DEBIAN" "$pkg/usr/bin" "$pkg/lib/systemd/system" "$pkg/usr/share/applications" \
  "$pkg/usr/share/icons/hicolor/32x32/apps" "$pkg/usr/share/icons/hicolor/128x128/apps" \
  "$pkg/usr/share/doc/gestdesk"
install -m 0755 -s "$target_dir/release/gestdesk" "$pkg/usr/bin/gestdesk"
install -m 0755 -s "$target_dir/release/gestdesk-desktop" "$pkg/usr/bin/gestdesk-desktop"
# Tells the desktop app's updater that it was installed from a .deb, so that an update is
# installed with dpkg: the same mark, of the same length, that Tauri's own bundler writes.
python3 - "$pkg/usr/bin/gestdesk-desktop" <<'PATCH'
import sys
path = sys.argv[1]
data = open(path, "rb").read()
unknown, deb = b"__TAURI_BUNDLE_TYPE_VAR_UNK", b"__TAURI_BUNDLE_TYPE_VAR_DEB"
if data.count(unknown) != 1:
    sys.exit(f"build-packages: the bundle mark was found {data.count(unknown)} times in {path}")
open(path, "wb").write(data.replace(unknown, deb))
PATCH
install -m 0644 installer/gestdesk.service "$pkg/lib/systemd/system/gestdesk.service"
install -m 0644 installer/gestdesk.desktop "$pkg/usr/share/applications/gestdesk.desktop"
install -m 0644 src-tauri/icons/32x32.png "$pkg/usr/share/icons/hicolor/32x32/apps/gestdesk.png"
install -m 0644 src-tauri/icons/128x128.png "$pkg/usr/share/icons/hicolor/128x128/apps/gestdesk.png"
install -m 0644 LICENSE "$pkg/usr/share/doc/gestdesk/copyright"
for script in postinst prerm postrm; do
  install -m 0755 "installer/deb/$script" "$pkg/DEBIAN/$script"
done
size=$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)
cat > "$pkg/DEBIAN/control" <<CONTROL
Package: gestdesk
Version: $version
Architecture: $arch
Maintainer: Gestdesk Team <team@gestdesk.org>
Installed-Size: $size
Depends: libc6, libgcc-s1, libgtk-3-0, libwebkit2gtk-4.1-0, libsoup-3.0-0, passwd
Recommends: libayatana-appindicator3-1, libcap2-bin
Section: net
Priority: optional
Homepage: https://gestdesk.org
Description: self-contained helpdesk: tickets, assets and a desktop console
 Gestdesk is a helpdesk for small IT teams. Users declare requests and incidents
 from their browser, technicians handle them and talk with the requester until
 closure, and the team keeps an inventory of its assets with ping, Wake-on-LAN
 and network discovery. One program serves the network from an embedded
 database: no web server, no PHP, no database server to set up.
 .
 This package holds the desktop app (gestdesk-desktop), which serves and opens
 the administration console, and the gestdesk command with a systemd unit for
 a headless server (installed disabled: systemctl enable --now gestdesk).
CONTROL
deb="$out/gestdesk_${version}_${arch}.deb"
dpkg-deb --root-owner-group --build "$pkg" "$deb" >/dev/null
echo "built $deb"
if [ -n "${GESTDESK_UPDATE_SIGNING_KEY:-}" ]; then
  [ -n "${GESTDESK_UPDATE_BASE_URL:-}" ] || { echo "build-packages: GESTDESK_UPDATE_BASE_URL is needed to sign" >&2; exit 1; }
  "$target_dir/release/gestdesk-update-signer" sign --key "$GESTDESK_UPDATE_SIGNING_KEY" \
    --version "$version" --platform "linux-$(uname -m)-deb" \
    --url "${GESTDESK_UPDATE_BASE_URL}$(basename "$deb")" --manifest "$out/latest.json" "$deb"
fi

# The portable archive of the server.
tar_arch=$(uname -m)
name="gestdesk-${version}-${tar_arch}-linux"
tdir="$stage/$name"
install -d "$tdir/bin"
install -m 0755 -s "$target_dir/release/gestdesk" "$tdir/bin/gestdesk"
install -m 0644 installer/gestdesk.service "$tdir/gestdesk.service"
install -m 0644 LICENSE "$tdir/LICENSE"
cat > "$tdir/INSTALL.txt" <<TEXT
Gestdesk $version, the server alone, for Linux (x86-64, glibc 2.36 or later).

Try it:          bin/gestdesk --data-dir ./data
                 then open the set-up link it prints.
As a service:    install -m 0755 bin/gestdesk /usr/bin/gestdesk
                 useradd --system --user-group --no-create-home --shell /usr/sbin/nologin gestdesk
                 install -m 0644 gestdesk.service /etc/systemd/system/
                 setcap cap_net_raw+ep /usr/bin/gestdesk   (real pings; optional)
                 systemctl daemon-reload && systemctl enable --now gestdesk
Data lives in /var/lib/gestdesk; the first start prints the set-up link in
journalctl -u gestdesk. gestdesk --help lists the commands (backup, restore, ...).
TEXT
tarball="$out/$name.tar.gz"
tar -C "$stage" -czf "$tarball" "$name"
echo "built $tarball"
