import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import translation

from core import formats


def test_rupiah_uses_the_languages_thousands_separator():
    assert formats.rupiah(150000, "id") == "Rp 150.000"
    assert formats.rupiah(1250000, "en") == "Rp 1,250,000"
    assert formats.rupiah(0, "id") == "Rp 0"
    assert formats.rupiah(-50000, "id") == "-Rp 50.000"
    assert formats.rupiah(None) == ""


def test_dates_in_each_language():
    day = dt.date(2026, 12, 12)
    assert formats.local_date(day, "id") == "Sabtu, 12 Desember 2026"
    assert formats.local_date(day, "en") == "Saturday 12 December 2026"


def test_datetimes_are_shown_in_jakarta_time():
    # 17:30 UTC on 11 December is 00:30 WIB on 12 December: the local date is the 12th.
    moment = dt.datetime(2026, 12, 11, 17, 30, tzinfo=ZoneInfo("UTC"))
    assert formats.local_date(moment, "id") == "Sabtu, 12 Desember 2026"
    assert formats.local_time(moment, "id") == "00.30 WIB"
    assert formats.local_time(moment, "en") == "00:30 WIB"


def test_duration_is_translated():
    with translation.override("en"):
        assert formats.duration(120) == "2 hours"
        assert formats.duration(90) == "1 hour 30 min"
    with translation.override("id"):
        assert formats.duration(120) == "2 jam"
