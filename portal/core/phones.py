"""Phone numbers in E.164 (+371…), the form `tel:` links and vCards need to dial from abroad
and from every phone's contacts alike."""

COUNTRY_CODE = "371"  # Latvia
NATIONAL_LENGTH = 8  # Latvian numbers have eight digits after the country code


def e164(number):
    """'6362 2222' → '+37163622222'; '+371 …' and '00371…' → '+371…'; '' without digits.
    A number in no form we know is dialled as written (digits only)."""
    raw = "".join(char for char in str(number or "") if char.isdigit() or char == "+")
    if raw.startswith("00"):
        raw = "+" + raw[2:]
    digits = raw.replace("+", "")
    if not digits:
        return ""
    if raw.startswith("+"):
        return "+" + digits
    if len(digits) == NATIONAL_LENGTH:
        return f"+{COUNTRY_CODE}{digits}"
    if digits.startswith(COUNTRY_CODE) and len(digits) == len(COUNTRY_CODE) + NATIONAL_LENGTH:
        return "+" + digits
    return digits


def tel_uri(number, extension=""):
    """A `tel:` URI (RFC 3966) with the extension as `;ext=`; '' when there is no number."""
    dialled = e164(number)
    if not dialled:
        return ""
    extension = "".join(char for char in str(extension or "") if char.isdigit())
    return f"tel:{dialled}" + (f";ext={extension}" if extension else "")
