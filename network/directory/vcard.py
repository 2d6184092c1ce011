"""A vCard 3.0 (RFC 2426) of a service, so a mediator can save it in the phone's contacts."""

from django.utils.translation import gettext as _

from portal.core.phones import e164

VCARD_TYPES = {"voice": "WORK,VOICE", "cell": "WORK,CELL", "text": "WORK,TEXT", "fax": "WORK,FAX"}
# RFC 6350 3.2 / RFC 2426 2.6: a physical line is at most 75 octets, the line break excluded.
LINE_OCTETS = 75


def phone_value(phone):
    """E.164, and an extension after a comma: phones dial it after a pause."""
    number = e164(phone.number)
    extension = "".join(char for char in phone.extension if char.isdigit())
    return f"{number},{extension}" if number and extension else number


def fold(line):
    """The line folded into physical lines of at most 75 octets (CRLF and one space before
    each continuation), never inside a UTF-8 character."""
    lines, current, octets = [], [], 0
    for char in line:
        size = len(char.encode())
        if octets + size > LINE_OCTETS:
            lines.append("".join(current))
            current, octets = [" "], 1
        current.append(char)
        octets += size
    lines.append("".join(current))
    return "\r\n".join(lines)


def escape(value):
    """Text value escaping of RFC 2426: backslash, comma, semicolon and newlines."""
    value = str(value or "")
    for char, escaped in (("\\", "\\\\"), (",", "\\,"), (";", "\\;")):
        value = value.replace(char, escaped)
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def service_vcard(service, url=""):
    """The vCard text (CRLF line ends) for one service and its organisation."""
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        # An organisation's card: the name people look for first, an empty personal name.
        f"FN:{escape(service.organization.name)}: {escape(service.name)}",
        "N:;;;;",
        f"ORG:{escape(service.organization.name)};{escape(service.name)}",
        "X-ABShowAs:COMPANY",
    ]
    contacts = list(service.contacts.all())
    if contacts:
        people = ", ".join(
            " ".join(part for part in (c.name, f"({c.title})" if c.title else "") if part)
            for c in contacts
        )
        lines.append(f"TITLE:{escape(people)}")
    for phone in service.phones.all():
        if value := phone_value(phone):
            lines.append(f"TEL;TYPE={VCARD_TYPES.get(phone.type, 'WORK')}:{value}")
    emails = [service.email] + [c.email for c in contacts]
    for email in dict.fromkeys(e for e in emails if e):
        lines.append(f"EMAIL;TYPE=INTERNET,WORK:{escape(email)}")
    for location in service.addresses():
        parts = ["", "", location.address_1, location.city, location.region]
        parts += [location.postal_code, location.country]
        lines.append("ADR;TYPE=WORK:" + ";".join(escape(p) for p in parts))
    if service.url:
        lines.append(f"URL:{escape(service.url)}")
    elif url:
        lines.append(f"URL:{escape(url)}")
    note = service.description
    if service.is_demo:  # a demo card saved in a phone still says its numbers are not real
        # The demo badge's own words (templates/network/includes/demo_badge.html).
        demo = _("Piemēra ieraksts no semināra materiāliem; kontaktinformācija nav pārbaudīta.")
        note = f"{demo} {note}".strip()
    if note:
        lines.append(f"NOTE:{escape(note)}")
    lines.append("END:VCARD")
    return "".join(fold(line) + "\r\n" for line in lines)
