"""Schemathesis hooks for the contract run: the rules JSON Schema cannot state.

The OpenAPI document states each value's type, range, pattern and vocabulary, and the
server refuses what breaks them. A few rules of the API relate a value to something
else, which a schema cannot say:

- a reference in a body or a filter (`organisation_id`, `project_id`, `activity_id`)
  must name a record that exists;
- a date may not be after today, and some dates may not come before others (an answer
  before the input it answers, an activity ending before it starts or lasting more
  than 14 days);
- some fields go together (a response and its status; a signature and its date; a
  preferred way of contact and the detail it needs), whichever listed spelling of a
  value is sent;
- the people named as having said an input must have taken part in what it came
  from, and its owner must be staff of its organisation; it comes from an activity
  or an opportunity, not both, and from a project with neither; it is not due
  before it was received; commas part its themes, of which there are at most 10;
- an input published names no one known to its organisation and holds no email
  address or phone number, in what was said or in its response;
- a response is given with an owner who is staff of the input's organisation, and
  "will do" with a day it will be done by; feedback by hand needs a response, on a
  day from the input's until today;
- a project's lead is a staff account of its organisation, its partners are other
  organisations that exist, each once, and a new stage does not begin before the
  last; an activity's venue is one of its organisation's;
- keys in a charter are unique across it;
- how long someone took part is given only for someone who came, and support that
  was not met needs the reason;
- publishing, or changing a published activity, in a way that breaks one of the
  charter's meeting rules needs a reason to go ahead; ground rules attached are one
  of those listed for the activity; a charter's meeting rules take only the values
  their rule uses;
- an opportunity closes today or later, and names a network exactly when its
  members are the ones who may apply (a network and a project named are the
  organisation's own); a person said to be interested is one of those it is for;
- an outcome was made today or before, and a project or input it names is its
  organisation's own;
- a person's choice about payments has an amount exactly when taking less and a
  charity exactly when giving to one, chosen today or before; a payment is marked
  paid on a day neither ahead nor before it was approved; payments are worked out
  at a tier of the policy in force; a list of payments narrowed to a person names
  one that exists;
- a recognition policy offers each kind of recognition once; its tiers have keys
  of their own, and each rate is for one of them, with an activity type exactly
  when it is per activity, no two for the same thing, and at least one when
  payment is offered;
- a feedback form changed stays with a project of its organisation; a list of
  inputs narrowed to a form names one that exists;
- a paper's (or evidence's) content is of the kind its file name says (the type is read from the
  bytes), which a generated name and content are not; a paper form holds at least
  one answer or a comment.

A request that breaks one of these is refused with a 422 naming the field, which is
right; but schemathesis, knowing only the schema, would count it as a valid request
refused. So for *positive* cases only (those schemathesis believes valid), these hooks
bring the generated values within these rules, changing as little as they can. Negative
cases are sent as generated. Every rule here is listed in docs/api.md.
"""

from __future__ import annotations

import datetime as dt
import json
import os

import schemathesis

KNOWN: dict[str, list[int]] = json.loads(os.environ.get("COPRODUCE_CONTRACT_IDS", "{}"))


def _guard_body_url_scan() -> None:
    """schemathesis 4.32 reads every string in a successful JSON answer as a possible
    address, to learn links between operations, and stops the whole run with "Invalid
    IPv6 URL" when a string it generated itself (a title such as `http://[x`) comes
    back stored. Such a string is no address: it is read as none."""
    from schemathesis.engine import observations

    same_origin_path = observations._same_origin_path

    def guarded(value, origin):
        try:
            return same_origin_path(value, origin)
        except ValueError:
            return None

    observations._same_origin_path = guarded


_guard_body_url_scan()

# A reference field, and the records it names.
REFERENCES = {
    "organisation_id": "organisations",
    "project_id": "projects",
    "activity_id": "activities",
    "opportunity_id": "opportunities",
    "form_id": "forms",
}


def _today() -> dt.date:
    # The server keeps London time; a run near midnight is kept a day clear of it.
    return dt.date.today() - dt.timedelta(days=1)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _date(value: object) -> dt.date | None:
    if _blank(value):
        return None
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def _known(kind: str, value: object) -> object:
    """An id of a record that exists, chosen by the generated value."""
    ids = KNOWN.get(kind) or []
    if not ids or isinstance(value, bool):
        return value
    if isinstance(value, int):
        return ids[value % len(ids)]
    if isinstance(value, float) and value.is_integer():
        return ids[int(value) % len(ids)]
    if isinstance(value, str) and value.strip().isdigit():
        return str(ids[int(value) % len(ids)])
    return value


def _not_after_today(value: object) -> object:
    day = _date(value)
    if day is not None and day > _today():
        return _today().isoformat()
    return value


# Vocabulary values are read by slug, label or a listed spelling. The rules below
# depend on a few of them; these are every spelling the contract lists for those.
CONTACT = {
    "email": "email", "Email": "email", "e-mail": "email",
    "phone": "phone", "Phone call": "phone", "telephone": "phone", "call": "phone",
    "mobile": "phone",
    "text": "text", "Text message": "text", "SMS": "text",
    "letter": "letter", "Letter": "letter", "post": "letter", "letter by post": "letter",
}
SIGNED = {"signed", "Signed"}


def _input(body: dict) -> None:
    # Who said it must have taken part in what it came from, which a generated id
    # has not; the owner must be staff of its organisation, and by default is
    # whoever records it.
    body["said_by"] = []
    body["owner_account_id"] = None
    # It came from an activity or an opportunity, not both; with neither, a project.
    if not _blank(body.get("activity_id")):
        body["opportunity_id"] = None
    elif _blank(body.get("opportunity_id")) or not KNOWN.get("opportunities"):
        body["opportunity_id"] = None
        if _blank(body.get("project_id")):
            body["activity_id"] = _known("activities", 0)
    received = _date(body.get("received_on"))
    if received is not None and received > _today():
        received = _today()
        body["received_on"] = received.isoformat()
    # It is not due before it was received.
    due = _date(body.get("due_on"))
    if due is not None and received is not None and due < received:
        body["due_on"] = received.isoformat()
    # Commas part themes, and a theme is counted once it is parted: at most 10.
    if isinstance(body.get("themes"), list):
        body["themes"] = [t.replace(",", " ") if isinstance(t, str) else t for t in body["themes"]]


def _response(case) -> None:
    # A response is to an input of the organisation its owner is staff of: the
    # demo's, with its owner; "will do" needs a day it will be done by, not before
    # the input (today is never before it).
    inputs, owners = KNOWN.get("answered_input") or [], KNOWN.get("input_owner") or []
    if inputs and owners and isinstance(case.body, dict):
        case.path_parameters["id"] = inputs[0]
        case.body["owner_account_id"] = owners[0]
        case.body["will_do_by"] = _today().isoformat()


def _publish(case) -> None:
    # What is published names no one and holds no email address or phone number,
    # which generated words may: the demo's answered input, whose words do not.
    inputs = KNOWN.get("answered_input") or []
    if inputs:
        case.path_parameters["id"] = inputs[0]


def _form_change(case) -> None:
    # A form's project may change only to another of the form's organisation's,
    # which a generated id, or one taken from another answer, need not be: the
    # demo's form, kept on its own project.
    forms = KNOWN.get("form") or []
    projects = KNOWN.get("form_project") or []
    if forms and projects and isinstance(case.body, dict):
        case.path_parameters["id"] = forms[0]
        case.body["project_id"] = projects[0]


def _fed_back(case) -> None:
    # Feedback by hand is for an input that has a response, on a day from the one it
    # was received until today.
    inputs = KNOWN.get("answered_input") or []
    if inputs and isinstance(case.body, dict):
        case.path_parameters["id"] = inputs[0]
        case.body["fed_back_on"] = _today().isoformat()


def _activity(body: dict) -> None:
    # A venue must be one of the project's organisation's, which a generated id is not.
    if "venue_id" in body:
        body["venue_id"] = None
    _go_ahead(body)
    _activity_times(body)


def _go_ahead(body: dict) -> None:
    # A plan that breaks a meeting rule goes ahead only with a reason.
    if _blank(body.get("go_ahead_reason")):
        body["go_ahead_reason"] = "The group agreed to it."


def _ground_rules(body: dict) -> None:
    # A choice must be one listed for the activity, which a generated one is not.
    body["choice"] = None


def _activity_times(body: dict) -> None:
    def parse(value: object) -> dt.datetime | None:
        try:
            return dt.datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
        except ValueError:
            return None

    starts, ends = parse(body.get("starts_at")), parse(body.get("ends_at"))
    if starts is None or ends is None:
        return
    # The server keeps times to the second.
    starts_s = starts.replace(microsecond=0)
    ends_s = ends.replace(microsecond=0)
    # An activity ends after it starts, and lasts at most 14 days.
    if ends_s <= starts_s or ends_s - starts_s > dt.timedelta(days=14):
        if starts_s.year < 9999:
            body["ends_at"] = (starts_s + dt.timedelta(hours=1)).isoformat()
        else:
            body["starts_at"] = (ends_s - dt.timedelta(hours=1)).isoformat()


def _signatory(body: dict) -> None:
    for field in ("invited_on", "signed_on"):
        body[field] = _not_after_today(body.get(field))
    signed = body.get("status") in SIGNED
    if signed and _blank(body.get("signed_on")):
        body["signed_on"] = _today().isoformat()
    if not signed:
        body["signed_on"] = None


def _person(body: dict) -> None:
    born = _date(body.get("born_on"))
    if born is not None:
        today = _today()
        if born > today or today.year - born.year > 120:
            body["born_on"] = dt.date(today.year - 40, 1, 1).isoformat()
    needs = {
        "email": ("email",),
        "phone": ("phone",),
        "text": ("phone",),
        "letter": ("address", "postcode"),
    }.get(CONTACT.get(body.get("preferred_contact")) if isinstance(body.get("preferred_contact"), str) else "")
    if needs and any(_blank(body.get(field)) for field in needs):
        body["preferred_contact"] = None


def _project(body: dict) -> None:
    # A lead must be a staff account of the organisation, which a generated id is
    # not; a new stage's day may not come before the last; partners are other
    # organisations that exist, each once.
    if "lead_account_id" in body:
        body["lead_account_id"] = None
    if "stage_began_on" in body:
        body["stage_began_on"] = None
    partners = body.get("partners")
    if isinstance(partners, list):
        seen = {body.get("organisation_id")}
        kept = []
        for partner in partners:
            if not isinstance(partner, dict):
                continue
            partner["organisation_id"] = _known("organisations", partner.get("organisation_id"))
            if partner["organisation_id"] in seen:
                continue
            seen.add(partner["organisation_id"])
            kept.append(partner)
        body["partners"] = kept


def _charter(body: dict) -> None:
    sections = body.get("sections")
    if not isinstance(sections, list):
        return
    seen_sections: set[str] = set()
    seen_commitments: set[str] = set()
    for i, section in enumerate(sections):
        if not isinstance(section, dict):
            continue
        key = section.get("key")
        if isinstance(key, str) and key.strip() in seen_sections:
            section["key"] = f"s{i}"
        if isinstance(section.get("key"), str):
            seen_sections.add(section["key"].strip())
        for j, commitment in enumerate(section.get("commitments") or []):
            if not isinstance(commitment, dict):
                continue
            key = commitment.get("key")
            if isinstance(key, str) and key.strip() in seen_commitments:
                commitment["key"] = f"c{i}-{j}"
            # Each meeting rule takes only the values its rule uses, in its range.
            if "meeting_rules" in commitment:
                commitment["meeting_rules"] = []
            if isinstance(commitment.get("key"), str):
                seen_commitments.add(commitment["key"].strip())


BODY_RULES = {
    ("POST", "/api/v1/inputs"): _input,
    ("PUT", "/api/v1/inputs/{id}"): _input,
    ("POST", "/api/v1/activities"): _activity,
    ("PUT", "/api/v1/activities/{id}"): _activity,
    ("POST", "/api/v1/charters/{id}/signatories"): _signatory,
    ("POST", "/api/v1/people"): _person,
    ("PUT", "/api/v1/people/{id}"): _person,
    ("POST", "/api/v1/charters"): _charter,
    ("POST", "/api/v1/projects"): _project,
    ("PUT", "/api/v1/projects/{id}"): _project,
}


def _attendance(body: dict) -> None:
    # How long someone took part is for someone who came.
    if str(body.get("status", "")).strip().lower() != "attended":
        body.pop("minutes", None)


BODY_RULES[("PUT", "/api/v1/activities/{id}/attendance/{person_id}")] = _attendance


def _provision_outcome(body: dict) -> None:
    # Support that was not met needs the reason.
    if body.get("met") is False and _blank(body.get("reason")):
        body["reason"] = "The interpreter cancelled on the day."


BODY_RULES[("POST", "/api/v1/activities/{id}/provision/outcome")] = _provision_outcome
BODY_RULES[("POST", "/api/v1/activities/{id}/publish")] = _go_ahead
BODY_RULES[("PUT", "/api/v1/activities/{id}/ground-rules")] = _ground_rules


def _meeting_rule(body: dict) -> None:
    # Each rule takes only the values it uses, each in that rule's own range: left
    # out, the rule takes its defaults.
    for field in ("amount", "windows", "not_counting"):
        body.pop(field, None)


BODY_RULES[("PUT", "/api/v1/organisations/{id}/meeting-rules/{key}")] = _meeting_rule


def _paper(body: dict) -> None:
    # The content must be of the kind the name says: a short text file.
    body["file_name"] = "agenda.txt"
    body["content_base64"] = "QWdlbmRhOiB3ZWxjb21lLCBwbGFucywgbmV4dCBzdGVwcy4="


BODY_RULES[("POST", "/api/v1/activities/{id}/papers")] = _paper


def _paper_form(body: dict) -> None:
    # A paper form holds at least one answer or a comment.
    if all(_blank(body.get(k)) for k in ("listened-to", "needs-met", "know-next", "comment")):
        body["listened-to"] = "yes"


BODY_RULES[("POST", "/api/v1/activities/{id}/feedback")] = _paper_form


def _interest(case) -> None:
    # Someone said to be interested must be one of the people the opportunity is
    # for: the demo's open opportunity for anyone, and someone of its organisation.
    opportunity = KNOWN.get("open_opportunity") or []
    people = KNOWN.get("open_opportunity_people") or []
    if opportunity and people and isinstance(case.body, dict):
        case.path_parameters["id"] = opportunity[0]
        case.body["person_id"] = _known("open_opportunity_people", case.body.get("person_id", 0))


@schemathesis.hook
def map_case(context, case):
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive:
        return case
    operation = (case.operation.method.upper(), case.operation.path)
    if operation == ("POST", "/api/v1/opportunities/{id}/applications"):
        _interest(case)
    if operation == ("POST", "/api/v1/inputs/{id}/responses"):
        _response(case)
    if operation == ("POST", "/api/v1/inputs/{id}/fed-back"):
        _fed_back(case)
    if operation == ("POST", "/api/v1/inputs/{id}/publish"):
        _publish(case)
    if operation == ("PUT", "/api/v1/forms/{id}"):
        _form_change(case)
    body = case.body
    if isinstance(body, dict):
        for field, kind in REFERENCES.items():
            if field in body:
                body[field] = _known(kind, body[field])
        rule = BODY_RULES.get(operation)
        if rule is not None:
            rule(body)
    query = case.query
    if isinstance(query, dict):
        # A list narrowed to a project, activity or opportunity must name one that
        # exists.
        for field in ("project_id", "activity_id", "opportunity_id", "form_id"):
            if field in query:
                query[field] = _known(REFERENCES[field], query[field])
        if "person_id" in query:
            query["person_id"] = _known("people", query["person_id"])
        if operation[1].startswith("/api/v1/organisations/{id}/indicators/"):
            # The period starts no later than it ends (by default, today).
            start, end = _date(query.get("from")), _date(query.get("to"))
            if start is not None and start > (end or _today()):
                query["from"] = (end or _today()).isoformat()
    return case


def _opportunity(body: dict) -> None:
    # The closing date is today or later; a network (or project) named must be one of
    # the organisation's own, which a generated id is not, so none is named and the
    # opportunity is open to anyone.
    day = _date(body.get("closes_on"))
    if day is None or day < _today() + dt.timedelta(days=2):
        body["closes_on"] = (_today() + dt.timedelta(days=30)).isoformat()
    body["network_id"] = None
    body["project_id"] = None
    body["who_may_apply"] = "public"


BODY_RULES[("POST", "/api/v1/organisations/{id}/opportunities")] = _opportunity


def _outcome(body: dict) -> None:
    # The change was made today or before; a project or input named must be the
    # organisation's own, which a generated id is not, so none is named.
    day = _date(body.get("happened_on"))
    if day is None or day > _today():
        body["happened_on"] = _today().isoformat()
    body["project_id"] = None
    body["inputs"] = []


RECOGNITION = {
    "payment": "payment", "Payment": "payment", "paid": "payment", "fee": "payment",
    "vouchers": "vouchers", "Vouchers": "vouchers", "voucher": "vouchers",
    "time-credits": "time-credits", "Time credits": "time-credits",
    "training": "training", "Training": "training",
    "expenses-only": "expenses-only", "Expenses repaid only": "expenses-only",
    "expenses": "expenses-only", "unpaid": "expenses-only",
}


BASIS = {
    "hour": "hour", "Per hour": "hour", "hourly": "hour", "an hour": "hour",
    "half-day": "half-day", "Per half day": "half-day", "half day": "half-day",
    "session": "half-day",
    "day": "day", "Per day": "day", "daily": "day", "a day": "day",
    "activity": "activity", "Per activity of a type": "activity",
    "per activity": "activity", "fixed": "activity",
}


def _policy(body: dict) -> None:
    # What is offered is named once each and is not empty; tiers have keys of their
    # own (1 to 8 of them); each rate is for one of them, with an activity type
    # exactly when it is per activity, and no two rates for the same thing; payment
    # offered needs a rate.
    offered = body.get("offered")
    if isinstance(offered, list):
        seen = []
        for o in offered:
            slug = RECOGNITION.get(o, o)
            if slug not in seen:
                seen.append(slug)
        body["offered"] = seen or ["vouchers"]
    tiers = body.get("tiers")
    if isinstance(tiers, list):
        tiers = tiers[:8] or [{"key": "tier-1", "name": "Sharing views"}]
        for i, t in enumerate(tiers):
            if isinstance(t, dict):
                t["key"] = f"tier-{i + 1}"
        body["tiers"] = tiers
    rates = body.get("rates")
    if isinstance(rates, list):
        kept, keys = [], set()
        for r in rates[:64]:
            if not isinstance(r, dict):
                continue
            r["tier"] = "tier-1"
            r["basis"] = BASIS.get(r.get("basis"), r.get("basis"))
            if r["basis"] == "activity":
                r["activity_type"] = "meeting"
            else:
                r["activity_type"] = None
            key = (r.get("basis"), r.get("activity_type"))
            if key not in keys:
                keys.add(key)
                kept.append(r)
        body["rates"] = kept
        if not kept and "payment" in body.get("offered", []):
            body["offered"] = [o for o in body["offered"] if o != "payment"] or ["vouchers"]


BODY_RULES[("POST", "/api/v1/organisations/{id}/recognition-policies")] = _policy


CHOICE = {
    "take": "take", "Take the payment": "take", "yes": "take", "paid": "take",
    "less": "less", "Take less than the full amount": "less", "take less": "less",
    "reduced": "less",
    "decline": "decline", "Decline it": "decline", "declined": "decline", "no": "decline",
    "none": "decline",
    "charity": "charity", "Give it to a charity": "charity", "donate": "charity",
    "voucher": "voucher", "Take a voucher instead": "voucher", "vouchers": "voucher",
    "time-credits": "time-credits", "Take time credits instead": "time-credits",
    "time credits": "time-credits",
}


def _choice(body: dict) -> None:
    # An amount only when taking less, and then one; a charity only when giving to
    # one, and then a name; chosen today or before.
    choice = CHOICE.get(body.get("choice"))
    if choice == "less":
        amount = body.get("amount_pence")
        if not isinstance(amount, (int, float)) or isinstance(amount, bool) or amount < 1:
            body["amount_pence"] = 2000
    else:
        body["amount_pence"] = None
    if choice == "charity":
        if _blank(body.get("charity")):
            body["charity"] = "Mind"
    else:
        body["charity"] = None
    body["chosen_on"] = _not_after_today(body.get("chosen_on"))


def _london_today() -> dt.date:
    from zoneinfo import ZoneInfo

    return dt.datetime.now(ZoneInfo("Europe/London")).date()


def _paid(body: dict) -> None:
    # Paid today: not in the future, nor before it was approved (which may be today).
    body["paid_on"] = _london_today().isoformat()


def _work_out(body: dict) -> None:
    # A tier of the policy in force on the activity's day: every policy here, the
    # demo's and those the run sets, has tier-1.
    body["tier"] = "tier-1"


BODY_RULES[("POST", "/api/v1/people/{id}/recognition-choices")] = _choice
BODY_RULES[("POST", "/api/v1/payments/{id}/paid")] = _paid
BODY_RULES[("POST", "/api/v1/activities/{id}/payments")] = _work_out
BODY_RULES[("POST", "/api/v1/organisations/{id}/outcomes")] = _outcome
BODY_RULES[("PUT", "/api/v1/outcomes/{id}")] = _outcome
BODY_RULES[("POST", "/api/v1/outcomes/{id}/evidence")] = _paper
BODY_RULES[("PUT", "/api/v1/opportunities/{id}")] = _opportunity


@schemathesis.hook
def before_call(context, case, kwargs):
    # The stateful phase fills bodies from earlier answers after the cases are
    # made: a project, activity or opportunity it takes from one answer may be
    # another organisation's, or two of them together. The rules above are kept
    # for these too.
    meta = case.meta
    if meta is not None and not meta.generation.mode.is_positive:
        return
    operation = (case.operation.method.upper(), case.operation.path)
    rule = BODY_RULES.get(operation)
    if rule is not None and isinstance(case.body, dict):
        rule(case.body)
    if operation == ("POST", "/api/v1/inputs/{id}/publish"):
        _publish(case)
    if operation == ("PUT", "/api/v1/forms/{id}"):
        _form_change(case)
