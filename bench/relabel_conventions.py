"""Apply the label conventions of ``bench/eval/CONVENTIONS.md`` to evaluation sets.

Usage::

    python bench/relabel_conventions.py bench/eval/tuning bench/eval/blind1 ... \
        [--data /work/evaldata] [--fields-cache DIR] [--dry-run] [--report changes.tsv]

Each labels.txt (format in ``eval_metadata.py``) is rewritten in place: only fields of the kinds
that CONVENTIONS.md names are moved between P, S, A and not personal (N, not listed); every other
label, the order of the lines and the header stay as they were, and one header line records the
number of fields changed. Kinds that turn a not-personal field into S or A (message content,
bookkeeping of person rows) need the field list of each dataset: with ``--data`` (the folder that
holds one folder per set, as ``eval_rebuild.py`` builds them) the readers list them, schema only;
without it only listed fields change. ``--fields-cache`` keeps those lists between runs.
``--report`` writes one line per change (set, file, dataset, field, old, new, kind) for review.

The rules read names only (dataset and field names, and the labels already on the line); they are
deliberately narrow so that a change is one a reviewer can check from the line alone. Running the
script again changes nothing.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_metadata import _FIELD, _relative, parse_labels

DATE = "2026-12-07"
KINDS = {
    "a": "guardian columns of a minor's record -> S",
    "b": "bookkeeping timestamps of person rows -> A",
    "c": "amount/type of a person's account ledger or loan -> S",
    "d": "amounts of health-care claims -> A",
    "e": "messages between persons and page-view history -> S",
    "f": "deletion flags of person rows -> A",
    "g": "surrogate primary key of person rows -> A",
    "h": "marital status -> S",
    "i": "payment-card holder name and card brand -> P",
    "j": "a resident's occupancy of a room or house -> P",
    "k": "amounts and outcome of a person's purchase or bill, and of an employer's budget -> P",
}

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def tokens(name: str) -> list[str]:
    """Lower-case words of a name: ``dbo.tblClaimItems`` -> ``[tbl, claim, items]``."""
    return [t for t in re.split(r"[^a-z0-9]+", _CAMEL.sub("_", name).lower()) if t]


def leaf(field: str) -> str:
    return re.split(r"[.\[\]]+", field.strip(".[]"))[-1] if field.strip(".[]") else field


def squash(field: str) -> str:
    return re.sub(r"[^a-z0-9]", "", leaf(field).lower())


def amount_name(field: str) -> str:
    """The squashed name of a money field; ``amount.value`` is read as ``amount``."""
    parts = [p for p in re.split(r"[.\[\]]+", field) if p]
    if len(parts) >= 2 and parts[-1].lower() in {"value", "amount"}:
        return re.sub(r"[^a-z0-9]", "", parts[-2].lower())
    return squash(field)


def is_id_name(field: str) -> bool:
    words = tokens(leaf(field))
    return bool(words) and words[-1] in {"id", "ids", "oid", "uuid", "guid"}


PERSON_NOUNS = set(
    [
        "user",
        "users",
        "member",
        "members",
        "customer",
        "customers",
        "client",
        "clients",
        "patient",
        "patients",
        "student",
        "students",
        "pupil",
        "pupils",
        "employee",
        "employees",
        "staff",
        "person",
        "persons",
        "people",
        "personnel",
        "contact",
        "contacts",
        "teacher",
        "teachers",
        "doctor",
        "doctors",
        "nurse",
        "nurses",
        "driver",
        "drivers",
        "guardian",
        "guardians",
        "resident",
        "residents",
        "applicant",
        "applicants",
        "candidate",
        "candidates",
        "worker",
        "workers",
        "volunteer",
        "volunteers",
        "guest",
        "guests",
        "passenger",
        "passengers",
        "subscriber",
        "subscribers",
        "child",
        "children",
        "emp",
        "stu",
        "yonghu",
        "huiyuan",
        "xuesheng",
        "yuangong",
        "huanzhe",
        "bingren",
        "laoshi",
        "jiaoshi",
        "yisheng",
        "kehu",
    ]
)
PERSON_SUFFIXES = set(
    [
        "info",
        "infos",
        "profile",
        "profiles",
        "base",
        "basic",
        "detail",
        "details",
        "master",
        "account",
        "accounts",
    ]
)


def is_person_table(dataset: str, labels: dict[str, str]) -> bool:
    """A table whose rows are persons: its own name ends in a person noun (``users``,
    ``sys_user``, ``student_info``) and at least two of its fields are labelled personal."""
    words = tokens(dataset)
    if not words:
        return False
    person = words[-1] in PERSON_NOUNS or (
        len(words) >= 2 and words[-1] in PERSON_SUFFIXES and words[-2] in PERSON_NOUNS
    )
    personal = [f for f, k in labels.items() if k in "PS" and not _is_key(f)]
    return person and len(personal) >= 2


def _top(field: str) -> bool:
    return not re.search(r"[.\[]", field)


_KEY = {"id", "oid", "pk", "uuid", "guid", "rowid", "objectid"}


def _is_key(field: str) -> bool:
    return squash(field) in _KEY


_STAMP = re.compile(
    r"^(created?|creat|updated?|modif(y|ied)|lastmodified|lastupdated?|inserted|insert|gmtcreate|"
    r"gmtmodified|datecreated|datemodified|dateupdated|creation|add)"
    r"(at|on|time|date|datetime|dt|ts|timestamp|tm|stamp)?$"
)
_STAMP_NEEDS_SUFFIX = {"insert", "add", "creation", "creat"}


def _is_stamp(field: str) -> bool:
    name = squash(field)
    if name in {"ctime", "mtime"}:
        return True
    m = _STAMP.match(name)
    if not m:
        return False
    return bool(m.group(3)) or m.group(1) not in _STAMP_NEEDS_SUFFIX


_DELETED = set(
    [
        "isdeleted",
        "deleted",
        "isdelete",
        "delflag",
        "deleteflag",
        "deletedflag",
        "isdel",
        "delstatus",
        "deletestatus",
        "deletedat",
        "deletedon",
        "deletedtime",
        "deletetime",
        "deletiondate",
        "deleteddate",
        "isremoved",
        "removed",
        "delstate",
        "del",
    ]
)

_GUARDIAN = re.compile(
    r"parent|guardian|mother|father|mom|dad|jianhu|jiazhang|fuqin|muqin|"
    r"家长|监护|父|母"
)
_STAFF = re.compile(r"auditor|teacher|staff|operator|reviewer|handler")
_MINOR_TABLE = set(
    [
        "student",
        "students",
        "pupil",
        "pupils",
        "child",
        "children",
        "kid",
        "kids",
        "baby",
        "babies",
        "infant",
        "birth",
        "xuesheng",
        "ertong",
        "youer",
        "applyinfo",
    ]
)
_OWN_IDENTITY = re.compile(r"name|birth|sex|gender")


def minor_record(dataset: str, labels: dict[str, str]) -> bool:
    """A record of a minor: a pupil/child/birth table whose own name, birth date or sex the
    labels already mark S (the labeller judged the subject to be under 14)."""
    if not set(tokens(dataset)) & _MINOR_TABLE:
        return False
    return any(
        k == "S" and _OWN_IDENTITY.search(squash(f)) and not _GUARDIAN.search(squash(f))
        for f, k in labels.items()
    )


def guardian_fields(labels: dict[str, str]) -> set[str]:
    """Guardian columns, with the numbered siblings of ``parentName1`` (``phoneNumber1``)."""
    out = {
        f
        for f in labels
        if _GUARDIAN.search(leaf(f).lower())
        and not is_id_name(f)
        and not _STAFF.search(leaf(f).lower())
    }
    numbers = {m.group(1) for f in out if (m := re.search(r"(\d)$", f))}
    out |= {
        f
        for f in labels
        if (m := re.search(r"(\d)$", f)) and m.group(1) in numbers and not is_id_name(f)
    }
    return out


_LEDGER_TABLE = set(
    [
        "transaction",
        "transactions",
        "txn",
        "txns",
        "ledger",
        "ledgers",
        "statement",
        "statements",
        "wallet",
        "saving",
        "savings",
        "deposit",
        "deposits",
        "withdraw",
        "withdrawal",
        "withdrawals",
        "recharge",
        "loan",
        "loans",
        "repayment",
        "repayments",
        "liushui",
        "balance",
        "imprest",
    ]
)
_NOT_LEDGER = set(
    [
        "header",
        "item",
        "items",
        "line",
        "order",
        "orders",
        "refund",
        "product",
        "shopify",
        "stripe",
        "hmrc",
        "lisa",
        "merchant",
        "application",
        "type",
        "types",
        "products",
        "config",
        "setting",
        "settings",
        "rate",
        "rates",
        "charge",
        "charges",
        "payment",
        "payments",
    ]
)
_MONEY = re.compile(
    r"^(amount|amt|money|jine|balance|transactionamount|transamount|txnamount|"
    r"tradeamount|principal|principalamount|loanamount|amountpaid|paidamount|"
    r"repaymentamount|transactionamt|balanceafter|balancebefore|runningbalance|"
    r"outstanding|outstandingamount|trademoney|transmoney|transactionmoney)$"
)
_LEDGER_FIELD = re.compile(
    r"^(amount|amt|money|jine|transactionamount|transamount|txnamount|tradeamount|"
    r"transactiontype|transtype|txntype|tradetype|entrytype|type|direction|debitcredit|"
    r"principal|principalamount|loanamount|amountpaid|paidamount|repaymentamount|"
    r"transactionamt|balance|balanceafter|balancebefore|runningbalance|outstanding|"
    r"outstandingamount|trademoney|transmoney|transactionmoney)$"
)


def ledger_table(dataset: str, labels: dict[str, str]) -> bool:
    words = set(tokens(dataset))
    account_log = "account" in words and words & {"log", "logs", "record", "records", "flow"}
    return (
        bool((words & _LEDGER_TABLE or account_log) and not words & _NOT_LEDGER)
        and any(k in "PS" for k in labels.values())
        and any(_MONEY.match(amount_name(f)) for f in labels)
    )


_HEALTH_CLAIM_SIGNS = re.compile(
    r"medical|pharmacy|health|dental|patient|clinic|hospital|"
    r"synthea|diagnos|procedure|drug|icd|cpt"
)
_CARE_FIELD = re.compile(
    r"service|diagnos|ben_?code|benefit|injury|icd|procedure|treatment|drug|"
    r"medic"
)
_CLAIM_AMOUNT = re.compile(
    r"^(amount|amt|paid|cost|costs|charge|charges|price|payment|payments|"
    r"balance|copay|copayment|coinsurance|deductible|responsibility|billed|"
    r"allowed|fee|fees|outstanding\w*|total|valuated|approved|claimed|"
    r"adjustment|adjustments|remitted|unitamount)$"
)
_NOT_AMOUNT = set(
    [
        "date",
        "time",
        "status",
        "type",
        "code",
        "id",
        "reason",
        "by",
        "on",
        "at",
        "qty",
        "quantity",
        "count",
        "method",
        "methods",
    ]
)


def claim_amount(field: str) -> bool:
    words = tokens(leaf(field))
    return any(_CLAIM_AMOUNT.match(w) for w in words) and not set(words) & _NOT_AMOUNT


def health_claim(file: str, dataset: str, labels: dict[str, str]) -> bool:
    """A health-care claim: a claim table of a project about patients/medical care."""
    if "claim" not in "".join(tokens(dataset)) or "usermanagement" in file.lower():
        return False
    if any(w in tokens(dataset) for w in ("aspnetuserclaims", "userclaims", "damage", "risk")):
        return False
    context = file.lower() + " " + dataset.lower() + " " + " ".join(labels).lower()
    care = [f for f, k in labels.items() if k == "S" and _CARE_FIELD.search(leaf(f).lower())]
    judged = [f for f, k in labels.items() if k == "S" and not claim_amount(f)]
    return bool(_HEALTH_CLAIM_SIGNS.search(context) or care or len(judged) >= 3)


_MESSAGE_TABLE = set(
    [
        "message",
        "messages",
        "msg",
        "msgs",
        "chat",
        "chats",
        "sms",
        "liuyan",
        "conversation",
        "conversations",
        "pageview",
        "pageviews",
        "footprint",
        "footprints",
        "zuji",
        "browse",
        "browsing",
        "liulan",
    ]
)
_NOT_MESSAGE = set(
    [
        "outbox",
        "request",
        "response",
        "status",
        "queue",
        "cache",
        "vo",
        "payment",
        "order",
        "shipping",
        "refund",
        "account",
        "type",
        "types",
        "unsub",
        "template",
        "templates",
        "sys",
        "system",
        "log",
        "stats",
        "region",
        "memory",
        "codes",
        "code",
        "publication",
        "notification",
        "notifications",
        "like",
        "player",
        "journal",
    ]
)
_PAGE_VIEW = re.compile(
    r"page_?views?|pageview|visit_?history|browse|browsing|footprint|liulan|zuji"
)
_CONTENT = re.compile(
    r"^(content|contents|body|text|message|msg|messagetext|messagebody|"
    r"messagecontent|msgcontent|subject|title|url|pageurl|page|path|pagepath|"
    r"pagetitle|referrer|referer|neirong|liuyanneirong|sentat|senttime|"
    r"sendtime|sendat|readtime|readat)$"
)


def message_table(dataset: str, labels: dict[str, str]) -> bool:
    words = tokens(dataset)
    joined = "_".join(words)
    page = bool(_PAGE_VIEW.search(joined)) or (
        "page" in words and words[-1] in {"view", "views", "event", "events"}
    )
    message = bool(set(words) & _MESSAGE_TABLE) and words[-1] in _MESSAGE_TABLE
    return (page or message) and not set(words) & _NOT_MESSAGE


_CARE_COST = re.compile(
    r"^(basecost|baseencountercost|totalclaimcost|payercoverage|totalcost|"
    r"healthcareexpenses|healthcarecoverage)$"
)
_COST_WORDS = {
    "charge",
    "cost",
    "paid",
    "amount",
    "allowed",
    "copay",
    "coinsurance",
    "deductible",
    "fee",
}
_SETTLEMENT_MONEY = re.compile(r"(pay|payamt|sumamt|sumfee|amt|dedc|selfpay)$")


def care_cost_fields(file: str, dataset: str, labels: dict[str, str]) -> set[str]:
    """Money fields of health care outside a claim table: the cost and payer coverage of a
    care row (encounter, medication, procedure) and a patient's health-care expense totals, in
    a medical project; and the fund, account and cash amounts of a medical-insurance settlement
    (national 医保 interface naming: a row with ``setl_id`` and ``mdtrt_id``)."""
    out: set[str] = set()
    context = file.lower() + " " + dataset.lower() + " " + " ".join(labels).lower()
    if _HEALTH_CLAIM_SIGNS.search(context):
        out |= {f for f in labels if _CARE_COST.match(squash(f))}
        if tokens(dataset)[-1:] in (["cost"], ["costs"]):
            # a cost table of care events (OMOP ``cost``): charged, paid, allowed, co-pay...
            out |= {f for f in labels if set(tokens(leaf(f))) & _COST_WORDS}
    names = {squash(f) for f in labels}
    if "setlid" in names and names & {"mdtrtid", "medtype"}:
        out |= {
            f
            for f in labels
            if _SETTLEMENT_MONEY.search(squash(f))
            and not set(tokens(leaf(f))) & {"flag", "name", "type", "loc", "std", "lv"}
        }
    return out


_CARD_HOLDER = re.compile(
    r"^(ccowner|cardholder|cardholdername|cardowner|cardownername|nameoncard|holdername)$"
)
_CARD_BRAND = re.compile(
    r"^(cctype|cardtype|cardbrand|cardnetwork|brand|network|funding|fundingtype|creditcardcompany)$"
)


def card_fields(dataset: str, labels: dict[str, str]) -> set[str]:
    """The holder's name and the brand or funding type of a payment card (``cc_owner``,
    ``cc_type``; ``brand`` and ``funding`` only in a card or payment table)."""
    words = set(tokens(dataset))
    card_table = bool(words & {"card", "cards", "payment", "payments", "epayment", "charge"})

    def brand(name: str) -> bool:
        return bool(_CARD_BRAND.match(name)) and (name.startswith(("cc", "card")) or card_table)

    return {f for f in labels if _CARD_HOLDER.match(squash(f)) or brand(squash(f))}


_OCCUPANT = {"user", "users", "resident", "residents", "owner", "owners", "live", "member", "yezhu"}
_DWELLING = {"room", "rooms", "house", "houses", "fangwu", "fangjian"}


def occupancy_table(dataset: str) -> bool:
    """A table that links a resident to a room or house (``user_room``, ``live_house``)."""
    words = tokens(dataset)
    return 2 <= len(words) <= 3 and bool(set(words) & _OCCUPANT) and bool(set(words) & _DWELLING)


def occupancy_field(field: str) -> bool:
    words = tokens(leaf(field))
    return bool(words) and (
        words[-1] in {"id", "time", "date", "status"} or squash(field) in {"intime", "outtime"}
    )


_PURCHASE = {
    "charge",
    "charges",
    "invoice",
    "invoices",
    "refund",
    "refunds",
    "payment",
    "payments",
    "epayment",
    "intent",
    "credit",
    "discount",
    "fee",
}
_NOT_PURCHASE = {
    "method",
    "methods",
    "source",
    "sources",
    "card",
    "cards",
    "dispute",
    "disputes",
    "type",
    "types",
    "loan",
    "loans",
    "saving",
    "savings",
    "account",
    "accounts",
}
_PURCHASE_FIELD = {
    "amount",
    "amt",
    "money",
    "total",
    "subtotal",
    "tax",
    "currency",
    "paid",
    "captured",
    "refunded",
    "status",
    "receipt",
    "failure",
    "attempt",
    "proration",
    "reason",
    "due",
    "remaining",
    "received",
    "capturable",
    "ccy",
}
_BUDGET = {"expense", "expenses", "jingfei"}


def purchase_fields(dataset: str, labels: dict[str, str]) -> set[str]:
    """Money and outcome fields of a person's purchase or bill (a card charge, payment intent,
    invoice, refund, credit note, a resident's fee payment) and of an employer's budget held per
    employee (``staff_expense``)."""
    words = set(tokens(dataset))
    if words & _BUDGET and words & {"staff", "employee", "emp", "yuangong"}:
        return {f for f in labels if set(tokens(leaf(f))) & {"amount", "balance", "money"}}
    if not words & _PURCHASE or words & _NOT_PURCHASE or ledger_table(dataset, labels):
        return set()
    return {
        f
        for f in labels
        if set(tokens(leaf(f))) & _PURCHASE_FIELD
        or squash(f) in {"number", "type", "invoicenumber"}
    }


def decide(
    file: str, dataset: str, labels: dict[str, str], fields: list[str]
) -> dict[str, tuple[str, str]]:
    """field -> (new label, kind) for the fields of one dataset line that a convention moves."""
    out: dict[str, tuple[str, str]] = {}
    every = list(dict.fromkeys(list(labels) + fields))

    def move(field: str, new: str, kind: str) -> None:
        if labels.get(field, "N") != new and field not in out:
            out[field] = (new, kind)

    if minor_record(dataset, labels):
        for f in guardian_fields(labels):
            if labels[f] == "P":
                move(f, "S", "a")
    if is_person_table(dataset, labels):
        for f in every:
            if not _top(f):
                continue
            if _is_stamp(f):
                move(f, "A", "b")
            elif squash(f) in _DELETED:
                move(f, "A", "f")
            elif _is_key(f) and labels.get(f, "N") != "S":
                # an ``id`` labelled S was read as an identity-document number, not a row key
                move(f, "A", "g")
    if ledger_table(dataset, labels):
        for f, k in labels.items():
            if (
                k == "P"
                and _LEDGER_FIELD.match(amount_name(f))
                and (_top(f) or _MONEY.match(amount_name(f)))
            ):
                move(f, "S", "c")
    if health_claim(file, dataset, labels):
        for f, k in labels.items():
            if k in "PS" and claim_amount(f):
                move(f, "A", "d")
    for f in care_cost_fields(file, dataset, labels):
        if labels[f] in "PS":
            move(f, "A", "d")
    if message_table(dataset, labels) and any(k in "PS" for k in labels.values()):
        for f in every:
            k = labels.get(f, "N")
            # a message's own times labelled personal are its send time (e), not bookkeeping (b)
            if k == "P" or (k == "N" and _CONTENT.match(squash(f))):
                move(f, "S", "e")
    for f in card_fields(dataset, labels):
        if labels[f] == "S":
            move(f, "P", "i")
    if occupancy_table(dataset):
        for f, k in labels.items():
            if k == "S" and occupancy_field(f):
                move(f, "P", "j")
    for f in purchase_fields(dataset, labels):
        if labels[f] == "S":
            move(f, "P", "k")
    for f, k in labels.items():
        if k == "P" and _MARITAL.search(leaf(f).lower()) and not _NOT_MARITAL.search(f.lower()):
            move(f, "S", "h")
    return out


_MARITAL = re.compile(r"marital|marriage|married|wedlock|matrimony|hunyin|婚")
_NOT_MARITAL = re.compile(r"married_?name|maiden")


def _quote(field: str) -> str:
    return f'"{field}"' if " " in field else field


def rewrite_line(raw: str, changes: dict[str, tuple[str, str]]) -> str:
    parts = [p.strip() for p in raw.split("|")]
    head, groups = parts[:2], parts[2:]
    order: list[str] = []
    members: dict[str, list[str]] = {}
    for group in groups:
        kind, _, names = group.partition(":")
        kind = kind.strip()
        order.append(kind)
        members.setdefault(kind, []).extend(q or b for q, b in _FIELD.findall(names))
    for field, (new, _) in changes.items():
        for kind in members:
            if field in members[kind]:
                members[kind].remove(field)
        if new != "N":
            if new not in members:
                members[new] = []
                order.append(new)
            members[new].append(field)
    order = sorted(dict.fromkeys(order), key="PSA".index)
    out = head + [f"{k}: " + " ".join(_quote(f) for f in members[k]) for k in order if members[k]]
    return " | ".join(out)


def list_fields(set_dir: Path, data_root: Path | None, cache: Path | None) -> dict:
    """file -> dataset -> field paths, as the readers report them (schema only)."""
    if cache and (cache / f"{set_dir.name}.json").exists():
        return json.loads((cache / f"{set_dir.name}.json").read_text(encoding="utf-8"))
    if data_root is None:
        return {}

    from dataflow.scan import ScanOptions, scan_paths

    data_dir = (data_root / set_dir.name).resolve()
    out: dict[str, dict[str, list[str]]] = {}
    labelled = parse_labels(set_dir / "labels.txt")
    for project in sorted({f.split("/", 1)[0] for f in labelled}):
        if not (data_dir / project).exists():
            continue
        for result in scan_paths([data_dir / project], ScanOptions(content=False)).datasets:
            ds = result.dataset
            rel = Path(ds.source_path).resolve().relative_to(data_dir).as_posix()
            out.setdefault(rel, {}).setdefault(ds.name, []).extend(
                _relative(f.field.pointer, ds.name) for f in result.findings
            )
    if cache:
        cache.mkdir(parents=True, exist_ok=True)
        (cache / f"{set_dir.name}.json").write_text(json.dumps(out, sort_keys=True), "utf-8")
    return out


def relabel(set_dir: Path, fields: dict, dry_run: bool) -> list[tuple[str, ...]]:
    path = set_dir / "labels.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    changes: list[tuple[str, ...]] = []
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        file, dataset = parts[0], parts[1]
        if len(dataset) > 1 and dataset[0] == dataset[-1] == '"':
            dataset = dataset[1:-1]
        labels: dict[str, str] = {}
        for group in parts[2:]:
            kind, _, names = group.partition(":")
            for q, b in _FIELD.findall(names):
                labels[q or b] = kind.strip()
        moved = decide(file, dataset, labels, fields.get(file, {}).get(dataset, []))
        if moved:
            lines[i] = rewrite_line(line, moved)
            changes += [
                (set_dir.name, file, dataset, f, labels.get(f, "N"), new, kind)
                for f, (new, kind) in moved.items()
            ]
    if changes and not dry_run:
        kinds = sorted({c[-1] for c in changes})
        note = (
            f"# Relabelled {DATE} to bench/eval/CONVENTIONS.md: {len(changes)} fields changed "
            f"(kinds {', '.join(kinds)})"
        )
        # after the title and format lines of the header (the second line if it is a comment)
        at = 2 if len(lines) > 1 and lines[1].startswith("#") else 1
        lines.insert(at, note)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return changes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument(
        "--data", type=Path, help="folder of rebuilt sets (lists unlabelled fields)"
    )
    parser.add_argument("--fields-cache", type=Path)
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--report", type=Path)
    args = parser.parse_args()
    rows: list[tuple[str, ...]] = []
    for set_dir in args.sets:
        rows += relabel(set_dir, list_fields(set_dir, args.data, args.fields_cache), args.dry_run)
    if args.report:
        args.report.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    per_kind: dict[str, int] = {}
    for r in rows:
        per_kind[r[-1]] = per_kind.get(r[-1], 0) + 1
    for kind in sorted(per_kind):
        print(f"kind {kind} ({KINDS[kind]}): {per_kind[kind]}")
    print(f"total: {len(rows)}")


if __name__ == "__main__":
    main()
