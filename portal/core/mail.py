"""The portal's one way to send e-mail: the message is stored in the outbox (OutgoingMail) with
the action that causes it and sent once that action is committed. A send error is logged and
kept on the message for `send_pending_mail` (cron); it never reaches the user as an error."""

import logging
import unicodedata

from django.conf import settings
from django.contrib import messages
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import OutgoingMail

logger = logging.getLogger(__name__)

# After this many failed sends a message stays in the outbox for an administrator to see.
MAX_ATTEMPTS = 5


def one_line(text):
    """A header value: line breaks and other control characters become single spaces."""
    text = "".join(
        " " if unicodedata.category(char) in ("Cc", "Zl", "Zp") else char for char in str(text)
    )
    return " ".join(text.split())


def send(subject, body, recipients, request=None, headers=None):
    """Stores the message and sends it after the current transaction commits (at once when
    there is none). With a request, a failed send tells the user the notice may be late."""
    message = OutgoingMail.objects.create(
        subject=one_line(subject),
        body=str(body),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipients=list(recipients),
        headers=dict(headers or {}),
    )

    def send_now():
        if not deliver(message) and request is not None:
            messages.warning(
                request, _("E-pasta paziņojumu neizdevās nosūtīt uzreiz; tas var pienākt vēlāk.")
            )

    transaction.on_commit(send_now, robust=True)
    return message


def deliver(message):
    """Sends one stored message; True when sent. A failure is logged and kept, not raised."""
    message.attempts += 1
    try:
        EmailMessage(
            message.subject,
            message.body,
            message.from_email,
            message.recipients,
            headers=message.headers,
        ).send()
    except Exception as error:  # any backend's failure: the action itself is already saved
        logger.exception("portal: e-mail %s not sent (attempt %s)", message.pk, message.attempts)
        message.last_error = f"{type(error).__name__}: {error}"
        message.save(update_fields=["attempts", "last_error"])
        return False
    message.sent_at = timezone.now()
    message.last_error = ""
    message.save(update_fields=["attempts", "sent_at", "last_error"])
    return True
