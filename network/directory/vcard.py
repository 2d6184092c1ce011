"""A vCard 3.0 (RFC 2426) of a service, so a mediator can save it in the phone's contacts."""

VCARD_TYPES = {"voice": "WORK,VOICE", "cell": "WORK,CELL", "text": "WORK,TEXT", "fax": "WORK,FAX"}


def escape(value):
    """Text value escaping of RFC 2426: backslash, comma, semicolon and newlines."""
    value = str(value or "")
    for char, escaped in (("\\", "\\\\"), (",", "\\,"), (";", "\\;")):
        value = value.replace(char, escaped)
    return value.replace("\r\n", "\\n").replace("\n", "\\n")


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
        number = phone.number + (f" ext. {phone.extension}" if phone.extension else "")
        lines.append(f"TEL;TYPE={VCARD_TYPES.get(phone.type, 'WORK')}:{escape(number)}")
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
    if service.description:
        lines.append(f"NOTE:{escape(service.description)}")
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"
