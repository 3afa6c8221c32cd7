#!/usr/bin/env bash
# A private Dovecot for the incoming-mail stories, in its own folder and on the ports given,
# run in the foreground by the caller (which stops it): plain IMAP with STARTTLS on the first
# port, implicit TLS on the second, a self-signed certificate for localhost and 127.0.0.1,
# one passwd-file per user in DIR/users/, written by the stories (a new file is read at the
# user's first login; appending to one shared file within the second it was read is missed).
#   setup-imap.sh DIR IMAP_PORT IMAPS_PORT     (prints the command line to run)
# Needs root (Dovecot runs mail as the vmail user) and dovecot-imapd.
set -euo pipefail
D=$1; PLAIN=$2; TLS=$3
id vmail >/dev/null 2>&1 || useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin vmail
mkdir -p "$D/mail" "$D/run" "$D/state"
chmod 755 "$D"
[ -f "$D/cert.pem" ] || openssl req -x509 -newkey rsa:2048 -nodes -keyout "$D/key.pem" -out "$D/cert.pem" \
  -days 3650 -subj /CN=localhost -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" 2>/dev/null
mkdir -p "$D/users"
chown -R vmail:vmail "$D/mail"
cat > "$D/dovecot.conf" <<CONF
protocols = imap
listen = 127.0.0.1
base_dir = $D/run
state_dir = $D/state
instance_name = gestdesk-test-imap-$PLAIN
log_path = $D/dovecot.log
ssl = yes
ssl_cert = <$D/cert.pem
ssl_key = <$D/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
mail_location = maildir:$D/mail/%u/Maildir
namespace inbox {
  inbox = yes
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $D/users/%u
}
userdb {
  driver = static
  args = uid=vmail gid=vmail home=$D/mail/%u
}
service imap-login {
  inet_listener imap {
    port = $PLAIN
  }
  inet_listener imaps {
    port = $TLS
    ssl = yes
  }
}
CONF
echo "dovecot -F -c $D/dovecot.conf"
