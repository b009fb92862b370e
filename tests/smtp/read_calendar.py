"""Reads the calendar events in email messages with an independent iCalendar
parser, and prints what a calendar program would see, as JSON.

    python read_calendar.py MESSAGE.eml [...]

For each message: its subject, the METHOD of its text/calendar part (None when it
has none), and each event's UID, SEQUENCE, start and end in UTC and as written
(with the time zone's name), summary, location, URL and status.
"""
import email
import email.policy
import json
import sys
from datetime import timezone

import icalendar


def events(text: bytes):
    cal = icalendar.Calendar.from_ical(text)
    out = []
    for ev in cal.walk("VEVENT"):
        start = ev.decoded("DTSTART")
        end = ev.decoded("DTEND")
        out.append({
            "uid": str(ev.get("UID")),
            "sequence": int(ev.get("SEQUENCE", 0)),
            "start_utc": start.astimezone(timezone.utc).isoformat(),
            "end_utc": end.astimezone(timezone.utc).isoformat(),
            "start_local": start.isoformat(),
            "tzid": ev["DTSTART"].params.get("TZID"),
            "summary": str(ev.get("SUMMARY")),
            "location": str(ev.get("LOCATION")) if ev.get("LOCATION") else None,
            "url": str(ev.get("URL")) if ev.get("URL") else None,
            "status": str(ev.get("STATUS")),
            "attendee": str(ev.get("ATTENDEE")) if ev.get("ATTENDEE") else None,
        })
    return str(cal.get("METHOD")), [str(z.get("TZID")) for z in cal.walk("VTIMEZONE")], out


def main() -> int:
    result = []
    for path in sys.argv[1:]:
        with open(path, "rb") as f:
            msg = email.message_from_binary_file(f, policy=email.policy.default)
        entry = {"subject": str(msg["Subject"]), "method": None, "zones": [], "events": [],
                 "text": None, "attachment": False}
        for part in msg.walk():
            kind = part.get_content_type()
            if kind == "text/plain" and entry["text"] is None:
                entry["text"] = part.get_content()
            elif kind == "text/calendar":
                method, zones, evs = events(part.get_payload(decode=True))
                entry.update(method=method, zones=zones, events=evs)
                entry["content_method"] = part.get_param("method")
            elif kind == "application/ics":
                entry["attachment"] = True
        result.append(entry)
    json.dump(result, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
