#!/usr/bin/env python3
"""The test suite's SMTP server (aiosmtpd, Debian's python3-aiosmtpd): two listeners on
127.0.0.1, every accepted mail written to a Maildir.
  PLAIN_PORT: plain SMTP; STARTTLS and AUTH PLAIN/LOGIN offered (AUTH allowed without TLS)
  TLS_PORT:   implicit TLS (like 465); AUTH PLAIN/LOGIN
Each stored mail gets X-Authenticated (the login, or "no") and X-Tls ("yes"/"no") headers.
A recipient starting with "reject" is refused for good (550), one starting with "later"
temporarily (451).
Env: MAILDIR, CERT, KEY, SMTP_USER, SMTP_PASS, AUTH_REQUIRED=0/1, PLAIN_PORT, TLS_PORT."""
import os, ssl, signal
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from aiosmtpd.handlers import Mailbox

MAILDIR = os.environ["MAILDIR"]
USER = os.environ.get("SMTP_USER", "helpdesk").encode()
PASS = os.environ.get("SMTP_PASS", "secret").encode()
AUTH_REQUIRED = os.environ.get("AUTH_REQUIRED", "0") == "1"


class Auth:
    def __call__(self, server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login == USER and auth_data.password == PASS
        return AuthResult(success=ok, handled=False, auth_data=auth_data.login if ok else None)


class Handler(Mailbox):
    def __init__(self, maildir, implicit_tls):
        super().__init__(maildir)
        self.implicit_tls = implicit_tls

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("reject"):
            return "550 5.1.1 No such mailbox here"
        if address.startswith("later"):
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    def prepare_message(self, session, envelope):
        message = super().prepare_message(session, envelope)
        login = session.auth_data.decode() if isinstance(session.auth_data, bytes) else "no"
        message["X-Authenticated"] = login if session.authenticated else "no"
        message["X-Tls"] = "yes" if (self.implicit_tls or session.ssl is not None) else "no"
        return message


ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
ctx.load_cert_chain(os.environ["CERT"], os.environ["KEY"])
common = dict(authenticator=Auth(), auth_required=AUTH_REQUIRED, auth_require_tls=False)
plain = Controller(Handler(MAILDIR, False), hostname="127.0.0.1", port=int(os.environ["PLAIN_PORT"]),
                   tls_context=ctx, require_starttls=False, **common)
smtps = Controller(Handler(MAILDIR, True), hostname="127.0.0.1", port=int(os.environ["TLS_PORT"]),
                   ssl_context=ctx, **common)
signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
plain.start()
smtps.start()
print(f"ready plain={plain.port} smtps={smtps.port}", flush=True)
signal.sigwait({signal.SIGINT, signal.SIGTERM})
plain.stop()
smtps.stop()
