#!/usr/bin/env python3
"""Makes sdk-conformance/src/main/resources/vectors/working_days_test.json.

Independent of the SDK: the day kinds come from the State Council arrangements as transcribed in
/work/shared/reference/cn-public-holidays.tsv (holiday = day off, workday = weekend day worked, any other
Saturday/Sunday a rest day), and the counting rule from the Tianjin rules as the SDK documents it (Art. 16, 20, 21:
"within N working days" ends at 23:59:59 Asia/Shanghai of the N-th working day strictly after the start's
Shanghai day; the Art. 16 reminder is 24 hours). A day from December 25 on needs the next year's arrangement
(its New Year holiday can start then); a count that reaches a day no arrangement covers must be refused.
Run from the repository root: python3 sdk-conformance/src/test/vectorgen/working_days.py [TSV]
"""
import datetime as dt, json, sys

OUT = "sdk-conformance/src/main/resources/vectors/working_days_test.json"
TSV = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/reference/cn-public-holidays.tsv"
CST = dt.timezone(dt.timedelta(hours=8))  # Asia/Shanghai has had no DST since 1991

KIND = {}
YEARS = set()
for line in open(TSV, encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    date, kind, year, _ = line.rstrip("\n").split("\t")
    KIND[dt.date.fromisoformat(date)] = kind
    YEARS.add(int(year))


class NotCovered(Exception):
    pass


def working(d):
    if d.year not in YEARS or (d.month == 12 and d.day >= 25 and d.year + 1 not in YEARS):
        raise NotCovered(d)
    if d in KIND:
        return KIND[d] == "workday"
    return d.weekday() < 5


def plus(d, n):
    while n > 0:
        d += dt.timedelta(days=1)
        if working(d):
            n -= 1
    return d


RULES = {"reminder": ("Art. 16", 0), "unevaluated": ("Art. 16", 5), "simple-callback": ("Art. 20(一)", 1),
         "general-callback": ("Art. 20(二)", 1), "general-result": ("Art. 20(二)", 5),
         "complex-result": ("Art. 20(三)", 15), "appeal": ("Art. 21", 1)}


def due(rule, started):
    start = dt.datetime.fromisoformat(started).astimezone(CST)
    if rule == "reminder":
        return (start + dt.timedelta(hours=24)).isoformat()
    last = plus(start.date(), RULES[rule][1])
    return dt.datetime(last.year, last.month, last.day, 23, 59, 59, tzinfo=CST).isoformat()


PLUS = [  # (from, N, comment)
    ("2024-03-08", 1, "an ordinary Friday: the next Monday"),
    ("2024-10-01", 0, "zero working days: the day itself, even a holiday"),
    ("2020-12-31", 1, "into the 2021 New Year holiday (Jan 1-3)"),
    ("2021-02-10", 1, "over the 2021 Spring Festival (Feb 11-17)"),
    ("2021-02-18", 2, "make-up Saturday 2021-02-20 counts"),
    ("2021-09-17", 3, "2021 Mid-Autumn: make-up Saturday 09-18, holiday 09-19..21"),
    ("2022-01-28", 1, "2022 Spring Festival: make-up Saturday 01-29"),
    ("2022-01-30", 1, "make-up Sunday 01-30 is the start; 01-31..02-06 off"),
    ("2022-09-30", 5, "2022 National Day: Oct 1-7 off, make-up Oct 8 and 9 count"),
    ("2022-12-30", 1, "2023 New Year holiday starts on 2022-12-31"),
    ("2023-04-04", 1, "2023 Qingming: a single weekday holiday (04-05)"),
    ("2023-06-21", 2, "2023 Dragon Boat: 06-22..24 off, make-up Sunday 06-25"),
    ("2023-09-28", 15, "15 working days across the 2023 Mid-Autumn/National Day block (09-29..10-06, make-up 10-07/08)"),
    ("2023-12-29", 1, "2024 New Year holiday claims 2023-12-30/31"),
    ("2024-02-08", 5, "2024 Spring Festival: 02-10..17 off, make-up 02-18"),
    ("2024-09-30", 1, "2024 National Day: Oct 1-7 off (example of the calendar's Javadoc)"),
    ("2024-10-11", 1, "make-up Saturday 2024-10-12"),
    ("2025-01-24", 5, "2025 Spring Festival: make-up Sunday 01-26, 01-28..02-04 off, make-up 02-08"),
    ("2025-05-30", 1, "2025 Dragon Boat: 05-31..06-02 off"),
    ("2025-09-26", 10, "2025 National Day/Mid-Autumn: make-up 09-28, 10-01..08 off, make-up 10-11"),
    ("2025-12-31", 1, "2026 New Year: 01-01..03 off, make-up Sunday 01-04"),
    ("2026-02-13", 1, "2026 Spring Festival: make-up Saturday 02-14"),
    ("2026-02-14", 1, "02-15..23 off"),
    ("2026-09-30", 5, "2026 National Day block"),
    ("2026-12-18", 4, "up to 2026-12-24, the last day 2026's data alone covers"),
    ("2026-12-20", 5, "reaches 2026-12-25: needs the 2027 arrangement, not loaded: refuse, do not guess"),
    ("2027-03-01", 1, "a year without an arrangement: refuse"),
]

DEADLINES = [  # (rule, startedAt, comment)
    ("appeal", "2024-09-30T10:00:00+08:00", "bad review received the day before National Day"),
    ("general-callback", "2024-09-30T17:00:00Z", "17:00 UTC is 01:00 on Oct 1 in Shanghai: the Shanghai day counts"),
    ("simple-callback", "2023-12-29T23:59:59+08:00", "the start's own day never counts, whatever the hour"),
    ("unevaluated", "2025-09-30T18:00:00+08:00", "5 working days over the 2025 National Day block"),
    ("unevaluated", "2026-02-13T09:30:00+08:00", "5 working days over the 2026 Spring Festival"),
    ("general-result", "2022-09-30T09:00:00+08:00", "5 working days with two make-up weekend days"),
    ("complex-result", "2026-02-10T09:00:00+08:00", "15 working days across the 2026 Spring Festival"),
    ("complex-result", "2021-09-17T15:00:00+08:00", "15 working days across 2021 Mid-Autumn and National Day"),
    ("appeal", "2021-04-30T16:00:00+08:00", "2021 Labour Day: 05-01..05 off, make-up 05-08"),
    ("reminder", "2025-09-30T16:30:00+08:00", "24 hours, holidays or not"),
    ("reminder", "2025-09-30T20:00:00Z", "24 hours, written with the Shanghai offset"),
    ("unevaluated", "2026-12-20T10:00:00+08:00", "reaches 2026-12-25, not covered: refuse"),
]


def main():
    tests_plus, tests_due = [], []
    for frm, n, comment in PLUS:
        t = dict(comment=comment, specSection="Art. 16, 20, 21 (working days)", from_=frm, workingDays=n)
        try:
            t.update(result="valid", flags=["Arrangement"], expected=plus(dt.date.fromisoformat(frm), n).isoformat())
        except NotCovered:
            t.update(result="invalid", flags=["NotCovered"], reason="DATE_NOT_COVERED")
        tests_plus.append(t)
    for rule, started, comment in DEADLINES:
        t = dict(comment=comment, specSection=RULES[rule][0], rule=rule, startedAt=started)
        try:
            t.update(result="valid", flags=["Hours" if rule == "reminder" else "Arrangement"], dueAt=due(rule, started))
        except NotCovered:
            t.update(result="invalid", flags=["NotCovered"], reason="DATE_NOT_COVERED")
        tests_due.append(t)
    tc = 0
    groups = []
    for kind, tests in (("PlusWorkingDaysTest", tests_plus), ("DeadlineTest", tests_due)):
        out = []
        for t in tests:
            tc += 1
            t = {("from" if k == "from_" else k): v for k, v in t.items()}
            out.append(dict(tcId=tc, **t))
        groups.append(dict(type=kind, calendar="official 2021-2026", tests=out))
    doc = dict(
        algorithm="working-days", schema="working_days_schema.json", generatorVersion="hcp-sdk 0.1.0",
        numberOfTests=tc,
        header=["Working days (工作日) and the deadlines of Art. 16, 20 and 21 on the State Council holiday arrangements",
                "2021-2026 (holidays off, make-up weekend days worked, other weekends off). PlusWorkingDaysTest: the N-th",
                "working day strictly after `from` (N = 0: `from` itself). DeadlineTest: `dueAt` of the rule for a period",
                "started at `startedAt`: 23:59:59+08:00 of the N-th working day after the start's Shanghai day, or 24",
                "hours for the reminder. Invalid: the count reaches a day no loaded arrangement covers (a day from",
                "December 25 on needs the next year's); it must be refused, not guessed. Expected values computed from",
                "the arrangements by sdk-conformance/src/test/vectorgen/working_days.py, without the SDK."],
        notes={
            "Arrangement": "The answer depends on the holiday and make-up days of the State Council arrangement.",
            "Hours": "An hour-based limit (Art. 16 reminder): holidays do not matter.",
            "NotCovered": "The count reaches a day without an arrangement: must be refused (DATE_NOT_COVERED).",
        },
        testGroups=groups)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
