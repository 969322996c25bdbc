# A real SMTP server on loopback for the email tests (Debian's python3-aiosmtpd). Each message received is parsed with
# Python's email package and written as JSON, so the test reads back what a mail client would show.
# Usage: smtp_sink.py FOLDER PORT [USER PASSWORD]; prints "ready" once listening, stops when stdin closes.
import json, os, sys
from email import policy
from email.parser import BytesParser
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

folder, port = sys.argv[1], int(sys.argv[2])
user, password = (sys.argv[3], sys.argv[4]) if len(sys.argv) > 4 else (None, None)


class Handler:
    count = 0

    async def handle_DATA(self, server, session, envelope):
        Handler.count += 1
        message = BytesParser(policy=policy.default).parsebytes(envelope.original_content or envelope.content)
        body = message.get_body(preferencelist=("html",))
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "authenticated_as": session.login_data.login.decode() if getattr(session, "login_data", None) else None,
            "subject": str(message["subject"]),
            "to": str(message["to"]),
            "from": str(message["from"]),
            "html": body.get_content() if body is not None else None,
            "attachments": [
                {"filename": part.get_filename(), "content_type": part.get_content_type(), "text": part.get_content().decode("utf-8") if isinstance(part.get_content(), bytes) else part.get_content()}
                for part in message.iter_attachments()
            ],
        }
        path = os.path.join(folder, f"{Handler.count:04d}.json")
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            json.dump(record, f)
        os.replace(path + ".tmp", path)
        return "250 OK"


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and auth_data.password.decode() == password
    return AuthResult(success=ok, handled=False)


kwargs = {"auth_require_tls": False, "authenticator": authenticate, "auth_required": True} if user else {}
controller = Controller(Handler(), hostname="127.0.0.1", port=port, **kwargs)
controller.start()
print("ready", flush=True)
sys.stdin.read()
controller.stop()
