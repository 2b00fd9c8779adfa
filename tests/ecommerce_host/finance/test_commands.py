"""
The finance commands' bad input and empty cases: a CommandError naming the problem, nothing
written, a summary line, a header row even with no course.
"""
import io
import re

import pytest
import requests
from django.core.management import call_command
from django.core.management.base import CommandError
from ecommerce_host.registration_codes.support import COURSE, OTHER_COURSE

from ecommerce_plugin.finance.models import CourseFacts

AUDITS = ["audit_enrollments", "audit_payments", "audit_seats_sold"]
HEADERS = {
    "audit_enrollments": "course_key,course_title,synced_at,computed_at,paid_enrolled,",
    "audit_payments": "course_key,course_title,computed_at,currency,shop_total,",
    "audit_seats_sold": "course_key,course_title,computed_at,currency,single_seat_purchases,",
}
FACTS = {
    "course_key": COURSE, "enrollment_start": None, "enrollment_end": None, "max_student_enrollments_allowed": None,
    "total_enrolled": 1, "staff_enrolled": 0, "students_enrolled": 1, "staff_usernames": [],
    "finance_admin_usernames": [],
}


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.parametrize("command", AUDITS)
def test_an_audit_to_a_missing_directory_is_refused_before_it_runs(seat, tmp_path, command):
    target = tmp_path / "missing" / "audit.csv"
    with pytest.raises(CommandError, match=r"--output .*missing.* does not exist"):
        run(command, "--output", str(target))
    assert not target.parent.exists()


@pytest.mark.parametrize("command", AUDITS)
def test_an_audit_of_a_course_that_is_no_key_is_refused(seat, command):
    with pytest.raises(CommandError, match="'nonsense' is not a course key"):
        run(command, "--course", "nonsense")


@pytest.mark.parametrize("command", AUDITS)
def test_an_audit_of_a_course_the_shop_does_not_sell_is_refused(seat, command):
    with pytest.raises(CommandError, match=re.escape(f"sells no seats of {OTHER_COURSE}:")):
        run(command, "--course", COURSE, "--course", OTHER_COURSE)


@pytest.mark.parametrize("command", AUDITS)
def test_an_audit_of_an_empty_shop_writes_the_header_and_says_so(db, command):
    out, err = run(command)
    assert out.splitlines() == [out.splitlines()[0]] and out.startswith(HEADERS[command])
    assert "no course (the shop sells no seats) written to stdout" in err


@pytest.mark.parametrize("command", AUDITS)
def test_an_audit_to_a_file_says_what_it_wrote(seat, tmp_path, command):
    target = tmp_path / "audit.csv"
    out, _err = run(command, "--course", COURSE, "--output", str(target))
    never = " (1 never synced from the LMS: run sync_course_facts)" if command == "audit_enrollments" else ""
    assert out.strip().endswith(f"1 course{never} written to {target}.")
    lines = target.read_text().splitlines()
    assert lines[0].startswith(HEADERS[command]) and lines[1].startswith(COURSE) and len(lines) == 2


def test_an_audit_to_an_unwritable_path_is_a_command_error(seat, tmp_path):
    with pytest.raises(CommandError, match=re.escape(f"--output {tmp_path}: Is a directory")):
        run("audit_payments", "--output", str(tmp_path))


def test_syncing_a_course_that_is_no_key_asks_nothing(seat, fake_lms):
    with pytest.raises(CommandError, match="'nonsense' is not a course key"):
        run("sync_course_facts", "--course", "nonsense")
    assert fake_lms.gets == []


def test_syncing_with_no_seats_says_there_is_nothing_to_do(db, fake_lms):
    out, _err = run("sync_course_facts")
    assert out.strip() == "sync_course_facts: the shop sells no seats; nothing to sync."


def test_a_course_the_lms_does_not_know_fails_the_run_after_the_others(seat, fake_lms):
    fake_lms.facts[COURSE] = FACTS
    out = io.StringIO()
    with pytest.raises(CommandError, match=re.escape(f"Not synced: {OTHER_COURSE}.")):
        call_command("sync_course_facts", "--course", OTHER_COURSE, "--course", COURSE, stdout=out)
    assert out.getvalue().splitlines() == [
        f"{OTHER_COURSE}: unknown to the LMS", f"{COURSE}: synced", "sync_course_facts: 1 synced, 1 not.",
    ]
    assert list(CourseFacts.objects.values_list("course_key", flat=True)) == [COURSE]


def test_an_lms_outage_fails_the_run_and_stores_nothing(seat, fake_lms, monkeypatch):
    def down(url, **kwargs):
        raise requests.ConnectionError("connection refused")

    monkeypatch.setattr(fake_lms, "get", down)
    out = io.StringIO()
    with pytest.raises(CommandError, match=re.escape(f"Not synced: {COURSE}.")):
        call_command("sync_course_facts", stdout=out)
    assert f"{COURSE}: failed, the LMS did not answer (ConnectionError: connection refused)" in out.getvalue()
    assert not CourseFacts.objects.exists()


def test_a_dry_run_asks_the_lms_and_stores_nothing(seat, fake_lms):
    fake_lms.facts[COURSE] = FACTS
    out, _err = run("sync_course_facts", "--dry-run")
    assert out.splitlines() == [f"{COURSE}: would be synced", "sync_course_facts: 1 would be synced, 0 not."]
    assert len(fake_lms.gets) == 1 and not CourseFacts.objects.exists()


@pytest.mark.parametrize("command", ["audit_payments", "audit_seats_sold"])
def test_an_audit_whose_range_ends_before_it_starts_is_refused(seat, command):
    with pytest.raises(CommandError, match=re.escape("--until 2026-01-01 is before --since 2026-02-01.")):
        run(command, "--since", "2026-02-01", "--until", "2026-01-01")


def test_an_audit_date_that_is_no_date_is_refused(seat):
    with pytest.raises(CommandError, match="'yesterday' is not a date"):
        run("audit_payments", "--since", "yesterday")


def test_the_enrollment_audit_takes_no_date_range(seat):
    with pytest.raises(CommandError, match="unrecognized arguments: --since"):
        run("audit_enrollments", "--since", "2026-01-01")
