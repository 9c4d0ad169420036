"""Publication dates: parse what feeds and pages carry into aware datetimes in UTC.

Accepted: ISO 8601 (``2025-03-18``, ``2025-03-18T09:30:00+01:00``, ``...Z``), RFC 2822 as in
RSS (``Tue, 18 Mar 2025 09:30:00 GMT``), ``March 18, 2025`` / ``18 March 2025`` (with an optional
time; a weekday before it and "Mar." or "Sept." are read too), and Unix timestamps in seconds
or milliseconds. A date without a zone is taken as UTC; a date without a time as
midnight UTC (a publication date so given is the whole day to a date window: ``in_window``);
a date with a zone offset but no time (``2025-03-18+05:00``, ``2025-03-18-05:00``) as midnight
of that day in that offset, as ``2025-03-18T00:00+05:00`` says it. A time may be written with
a.m./p.m. (``10:00 p.m.``).

A time may end with a zone's name (``10:00 p.m. ET``, ``00:30 CET``, ``10:00:00 GMT+5``). A
known, unambiguous one is applied: UTC/GMT/UT/Z, GMT±N/UTC±N, BST (British), CET/CEST,
EET/EEST, JST, AEST/AEDT, and the US zones as American newsrooms write them: EST/EDT, CST/CDT,
MST/MDT, PST/PDT at their fixed offsets, ET/CT/MT/PT as the time in New York, Chicago, Denver
and Los Angeles on that day (daylight saving time by the zone database, or the US rule since
2007 where the system has none). Any other name is refused, never read as UTC: IST (India,
Ireland or Israel) and AST (Atlantic or Arabia) name more than one zone, and a name not listed
may be one too.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, date, datetime, time, timedelta, timezone
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

log = logging.getLogger(__name__)

_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d")
_FORMATS = (
    *_DATE_FORMATS[:4],
    "%B %d, %Y %H:%M",
    "%b %d, %Y %H:%M",
    "%d %B %Y %H:%M",
    "%d %b %Y %H:%M",
    "%Y/%m/%d",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
)


class NotADate(ValueError):
    """A string in no accepted form; the message names the forms (a window bound's has more)."""

    def __init__(self, value: str, forms: str = "ISO 8601, e.g. 2025-03-18T09:30:00Z") -> None:
        super().__init__(f"not a date: {value!r} (expected {forms})")


def parse_datetime(value: str) -> datetime:
    """Parse one date string into an aware UTC datetime.

    Raises:
        ValueError: the string is not a date in any accepted form.
    """
    text = " ".join(value.split())
    if not text or len(text) > 64:
        raise ValueError(f"not a date: {value[:64]!r}")
    # Unix seconds (2001-2286) or milliseconds (13 digits; 12 may be a compact 202503180930)
    if re.fullmatch(r"(\d{9,11}|\d{13})(\.\d+)?", text):
        return from_epoch(float(text))
    text = _TWELVE_HOUR.sub(_as_24_hours, text) if "m" in text.lower() else text
    zone = _ZONE_AFTER_TIME.search(text)
    if zone is not None:
        local = _parse(text[: zone.start(2)].rstrip(), value)
        if local.tzinfo is not None:
            raise ValueError(f"not a date: {value!r} (two time zones)")
        return _in_zone(local, zone.group(2), value)
    return _utc(_parse(text, value))


def _parse(text: str, value: str) -> datetime:
    """``text`` (zone names already taken off) by each accepted form in turn: naive when
    it names no zone or offset."""
    dated = _date_with_offset(text)
    if dated is not None:
        return dated
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    cleaned = _cleaned(text)
    for fmt in _FORMATS:
        try:
            return datetime.strptime(cleaned, fmt)
        except ValueError:
            continue
    raise NotADate(value)


# "10:00 p.m.", "10 PM", "9:30:15 a.m.": the time on a 24-hour clock, as the parsers read it
_TWELVE_HOUR = re.compile(r"\b(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*([ap])\.?\s?m\b\.?", re.I)


def _as_24_hours(match: re.Match[str]) -> str:
    hour, minute, second, half = match.groups()
    if not 1 <= int(hour) <= 12:
        return match.group(0)  # "13 p.m.": left for the parsers to refuse
    hour24 = int(hour) % 12 + (12 if half.lower() == "p" else 0)
    return f"{hour24:02d}:{minute or '00'}" + (f":{second}" if second else "")


# A zone's name or a GMT/UTC offset after a time of day: "22:00 ET", "10:00:00 GMT+5", "(IST)".
_ZONE_AFTER_TIME = re.compile(
    r"(\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*\(?"
    r"((?:GMT|UTC|UT)\s?[+-]\d{1,2}(?::?\d{2})?|[A-Z]{2,5}|Z)\)?$"
)
_GMT_OFFSET = re.compile(r"(?:GMT|UTC|UT)\s?([+-])(\d{1,2})(?::?(\d{2}))?")
# Zones with one offset whatever the day (hours east of UTC).
_FIXED_ZONES = {
    "UTC": 0, "GMT": 0, "UT": 0, "Z": 0, "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3,
    "JST": 9, "AEST": 10, "AEDT": 11, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5,
    "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
}  # fmt: skip
# US zones named without saying standard or daylight time: the time there on the day given
_US_ZONES = {
    "ET": ("America/New_York", -5),
    "CT": ("America/Chicago", -6),
    "MT": ("America/Denver", -7),
    "PT": ("America/Los_Angeles", -8),
}
_AMBIGUOUS_ZONES = {
    "IST": "India, Ireland or Israel",
    "AST": "Atlantic or Arabia",
}


def _in_zone(local: datetime, name: str, value: str) -> datetime:
    """The local time ``local`` in the zone called ``name``, in UTC.

    Raises:
        ValueError: the zone is not known or names more than one zone.
    """
    offset = _GMT_OFFSET.fullmatch(name)
    if offset is not None:
        sign, hours, minutes = offset.groups()
        delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
        if delta > timedelta(hours=14):
            raise ValueError(f"not a date: {value!r} (no zone is {name})")
        return _utc(local.replace(tzinfo=timezone(-delta if sign == "-" else delta)))
    if name in _FIXED_ZONES:
        return _utc(local.replace(tzinfo=timezone(timedelta(hours=_FIXED_ZONES[name]))))
    if name in _US_ZONES:
        return _utc(local.replace(tzinfo=timezone(_us_offset(local, *_US_ZONES[name]))))
    if name in _AMBIGUOUS_ZONES:
        raise ValueError(
            f"not a date: {value!r} ({name} names more than one zone, "
            f"{_AMBIGUOUS_ZONES[name]}; give an offset such as +05:30)"
        )
    raise ValueError(f"not a date: {value!r} (unknown time zone {name}; give an offset)")


def _us_offset(local: datetime, key: str, standard: int) -> timedelta:
    """The UTC offset of a US zone at the local time ``local``: by the zone database when the
    system has it, else by the US rule since 2007 (daylight time from 2 a.m. on March's second
    Sunday to 2 a.m. on November's first)."""
    try:
        offset = local.replace(tzinfo=ZoneInfo(key)).utcoffset()
    except (ZoneInfoNotFoundError, ValueError, OSError):
        offset = None
    if offset is not None:
        return offset
    return timedelta(hours=standard + (1 if _us_daylight(local) else 0))


def _us_daylight(local: datetime) -> bool:
    """US daylight saving time at ``local`` (wall clock), by the rule in force since 2007."""

    def sunday(month: int, nth: int) -> datetime:
        first = datetime(local.year, month, 1, 2)
        return first + timedelta(days=(6 - first.weekday()) % 7 + 7 * (nth - 1))

    naive = local.replace(tzinfo=None)
    return sunday(3, 2) <= naive < sunday(11, 1)


# A day and a zone offset with no time between: "2025-03-18+05:00", "20250318-0500",
# "2025-03-18Z". fromisoformat takes any one character between date and time, so it read
# "+05:00" as the time 05:00 and dropped the sign.
_DATE_OFFSET = re.compile(r"(\d{4}-\d{2}-\d{2}|\d{8}) ?(Z|[+-]\d{2}(?::?\d{2})?)")


def _date_with_offset(text: str) -> datetime | None:
    """A day with a zone offset but no time, as midnight of that day in that offset (what
    ``2025-03-18T00:00+05:00`` says); ``None`` if ``text`` is not of that form.

    Raises:
        ValueError: the day or the offset does not exist (``2025-02-30+05:00``, ``+25:00``).
    """
    match = _DATE_OFFSET.fullmatch(text)
    if match is None:
        return None
    day, offset = match.groups()
    try:
        return datetime.fromisoformat(f"{date.fromisoformat(day).isoformat()}T00:00{offset}")
    except ValueError as exc:
        raise ValueError(f"not a date: {text!r} ({exc})") from None


# Unix time from this on is milliseconds (JavaScript's Date.now(), common in CMS exports): as
# seconds it would be the year 33658; as milliseconds it is 2001-09-09.
MILLISECONDS_FROM = 1e12


def from_epoch(value: float) -> datetime:
    """Unix time, in seconds or (from ``MILLISECONDS_FROM``) milliseconds, as a UTC datetime."""
    return datetime.fromtimestamp(value / 1000 if value >= MILLISECONDS_FROM else value, tz=UTC)


# "Tuesday, March 18, 2025" and "Mar. 18, 2025" / "Sept. 3, 2024", as newspapers print dates
_WEEKDAY = re.compile(
    r"^(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+", re.I
)
_MONTH_DOT = re.compile(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)t?\.", re.I)


def _cleaned(text: str) -> str:
    """``Tuesday, March 18th at 9:30`` or ``Mar. 18, 2025`` as strptime reads them:
    ``March 18 9:30``, ``Mar 18, 2025``."""
    text = _MONTH_DOT.sub(r"\1", _WEEKDAY.sub("", text))
    return re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.replace(" at ", " "))


def names_a_day(value: object) -> bool:
    """``value`` is a day without a time of day: a ``date`` (not a datetime) or a string
    naming one (``2025-03-18``, ``March 18, 2025``, ``2025-03-18+05:00``). Such a
    publication date is the whole of that day to a ``since``/``until`` window (``in_window``),
    not its first instant: a page dated 2025-03-18 may have been published at 15:00."""
    if isinstance(value, datetime):
        return False
    if isinstance(value, date):
        return True
    return isinstance(value, str) and _is_date_alone(value)


def in_window(
    published: datetime, since: datetime | None, until: datetime | None, *, day: bool = False
) -> bool:
    """``published`` falls in ``[since, until)``; a ``day`` (a date with no time of day,
    ``names_a_day``) does when any part of it does: it runs from ``published`` for 24 hours."""
    end = published + timedelta(days=1) if day else None
    after = since is None or (end > since if end is not None else published >= since)
    return after and (until is None or published < until)


def lenient_published(value: object, where: str) -> datetime | str | None:
    """``lenient_datetime``, except that a day without a time of day (``names_a_day``) is
    given back as it was written, for ``make_article`` to know it for a day."""
    parsed = lenient_datetime(value, where)
    if parsed is not None and isinstance(value, str) and names_a_day(value):
        return value
    return parsed


def _is_date_alone(value: str) -> bool:
    """``value`` names a day without a time of day, in any accepted form (``2025-03-18``,
    ``20250318``, ``March 18, 2025``, ``18 Mar 2025``, ``2025/03/18``)."""
    text = " ".join(value.split())
    try:
        date.fromisoformat(text)
        return True
    except ValueError:
        pass
    if _DATE_OFFSET.fullmatch(text):
        return True
    for fmt in _DATE_FORMATS:
        try:
            datetime.strptime(_cleaned(text), fmt)
            return True
        except ValueError:
            continue
    return False


_AGO = re.compile(
    r"(\d{1,6}(?:\.\d+)?)\s*(m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?)(?:\s+ago)?",
    re.IGNORECASE,
)
_AGO_UNIT = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
_DAYS_BACK = {"today": 0, "yesterday": 1}


def relative_bound(value: str, *, end: bool, now: datetime | None = None) -> datetime | None:
    """``24h``, ``2d``, ``90 minutes ago``, ``1w``: that long before now; ``today`` and
    ``yesterday``: that day in UTC (its start, or its end as the end of a window). A daily
    briefing run from cron wants "the last day", not a date the script must compute. None when
    ``value`` is not relative."""
    text = " ".join(value.split()).lower()
    match = _AGO.fullmatch(text)
    if match is None and text not in _DAYS_BACK:
        return None
    now = _utc(now) if now is not None else datetime.now(UTC)
    if match is None:
        start = datetime.combine(now.date(), time(0), UTC) - timedelta(days=_DAYS_BACK[text])
        return start + timedelta(days=1) if end else start
    amount, unit = float(match.group(1)), _AGO_UNIT[match.group(2)[0]]
    try:
        return now - timedelta(**{unit: amount})
    except OverflowError:
        raise ValueError(f"before the first day there is: {value!r}") from None


def window_bound(value: str, *, end: bool, now: datetime | None = None) -> datetime:
    """A ``since``/``until`` bound as the CLI and the API read it: a date alone as the end of
    a window means the end of that day; a relative bound (``24h``, ``yesterday``, see
    ``relative_bound``) counts back from ``now``.

    Raises:
        ValueError: not a date, or one past the last day there is ("9999-12-31" as an end).
    """
    try:
        relative = relative_bound(value, end=end, now=now)
        if relative is not None:
            return relative
        try:
            parsed = parse_datetime(value)
        except NotADate:
            forms = "ISO 8601 such as 2025-03-18T09:30:00Z, or back from now: 24h, 2d, yesterday"
            raise NotADate(value, forms) from None
        if end and _is_date_alone(value):
            parsed += timedelta(days=1)
    except (OverflowError, OSError):
        raise ValueError(f"past the last day there is: {value!r}") from None
    return parsed


def shown_bound(value: datetime, *, end: bool) -> str:
    """A ``since``/``until`` bound as the user likely wrote it, for messages: ``until`` is kept
    as the instant after the window, so ``--until 2025-03-18`` is 2025-03-19 00:00 inside and
    showing that named a day the user never gave; the instant is named too, as a user who
    typed ``--until 2025-03-19T00:00:00Z`` was shown only "2025-03-18"."""
    utc = _utc(value)
    if utc.time() != time(0):
        return utc.strftime("%Y-%m-%d %H:%M UTC" if utc.second == 0 else "%Y-%m-%d %H:%M:%S UTC")
    if end:
        day = (utc - timedelta(days=1)).date().isoformat()
        return f"{day}, through the end of that day, to {utc:%Y-%m-%d} 00:00 UTC"
    return utc.date().isoformat()


def window_text(since: datetime | None, until: datetime | None) -> str:
    """A date window as an editor reads it: "from 2025-10-07 through 2025-10-07" (a midnight
    end is the day before it, through its end), "from 2025-10-07 09:00 UTC", "before ..."."""
    parts = [f"from {shown_bound(since, end=False)}"] if since is not None else []
    if until is not None:
        utc = _utc(until)
        if utc.time() == time(0):
            parts.append(f"through {(utc - timedelta(days=1)).date().isoformat()}")
        else:
            parts.append(f"before {shown_bound(until, end=True)}")
    return " ".join(parts)


def coerce_datetime(value: object) -> object:
    """Pydantic before-validator: strings, dates and timestamps to aware UTC datetimes.

    Anything else is passed on unchanged for pydantic to reject. Blank is no date, on every
    path (serve said so; a file's ``"published": " "``, a CMS's empty field, was a warning).
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return _utc(value)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return from_epoch(float(value))
    if isinstance(value, str):
        return parse_datetime(value)
    return value


def lenient_datetime(value: object, where: str) -> datetime | None:
    """A date found in an input file: parsed if possible, else ``None`` with a logged warning
    (a bad date should not stop the article from being read)."""
    try:
        parsed = coerce_datetime(value)
    except (ValueError, OverflowError, OSError) as exc:
        log.warning("%s: ignoring the publication date: %s", where, exc)
        return None
    if parsed is not None and not isinstance(parsed, datetime):
        log.warning("%s: ignoring the publication date %r", where, value)
        return None
    return parsed


def _utc(value: datetime) -> datetime:
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)
