"""
Paid enrollments in the LMS: a priced mode needs a purchase; ecommerce reads the course's facts.
"""
import json
from datetime import timedelta

import pytest
from common.djangoapps.course_modes.models import CourseMode
from common.djangoapps.student.models import CourseAccessRole, CourseEnrollment, EnrollmentNotAllowed
from crum import CurrentRequestUserMiddleware, impersonate
from django.contrib.auth.models import User
from django.utils import timezone
from opaque_keys.edx.keys import CourseKey
from openedx.core.djangoapps.content.course_overviews.models import CourseOverview
from openedx.core.djangoapps.oauth_dispatch.jwt import create_jwt_for_user

PAID = CourseKey.from_string("course-v1:Paid+P101+2026")
FREE = CourseKey.from_string("course-v1:Free+F101+2026")
ENROLLMENT_URL = "/api/enrollment/v1/enrollment"


def facts_url(course_key):
    return f"/api/commerce/paid-enrollments/v1/courses/{course_key}/"


@pytest.fixture
def courses(db):
    for key, price in ((PAID, 100), (FREE, 0)):
        CourseOverview.objects.create(
            id=key, org=key.org, display_name=f"{key.course} Course", max_student_enrollments_allowed=3
        )
        CourseMode.objects.create(course_id=key, mode_slug="honor", mode_display_name="Honor", min_price=price)


def make_user(username, **fields):
    return User.objects.create_user(username=username, email=f"{username}@example.com", password="edx", **fields)


def post_enrollment(client, caller, **body):
    return client.post(
        ENROLLMENT_URL,
        data=json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"JWT {create_jwt_for_user(caller)}",
    )


def test_a_learner_cannot_enroll_themself_in_a_priced_mode_through_the_api(client, courses):
    learner = make_user("learner")
    response = post_enrollment(client, learner, mode="honor", course_details={"course_id": str(PAID)})
    assert response.status_code == 400
    assert not CourseEnrollment.objects.filter(user=learner).exists()


def test_the_default_mode_of_a_white_label_course_is_priced_too(client, courses):
    learner = make_user("learner")
    response = post_enrollment(client, learner, course_details={"course_id": str(PAID)})
    assert response.status_code == 400
    assert not CourseEnrollment.is_enrolled(learner, PAID)


def test_a_learner_enrolls_themself_in_a_free_mode(client, courses):
    learner = make_user("learner")
    response = post_enrollment(client, learner, mode="honor", course_details={"course_id": str(FREE)})
    assert response.status_code == 200
    assert CourseEnrollment.is_enrolled(learner, FREE)


def test_the_ecommerce_service_user_enrolls_a_buyer_in_a_priced_mode(client, courses):
    service = make_user("ecommerce_worker", is_staff=True)
    make_user("buyer")
    response = post_enrollment(client, service, user="buyer", mode="honor", course_details={"course_id": str(PAID)})
    assert response.status_code == 200
    assert CourseEnrollment.objects.get(user__username="buyer", course_id=PAID).is_active


def test_course_staff_enroll_without_buying(courses):
    staff = make_user("teacher")
    CourseAccessRole.objects.create(user=staff, org=PAID.org, course_id=PAID, role="staff")
    with impersonate(staff):
        CourseEnrollment.enroll(staff, PAID, mode="honor", check_access=True)
    assert CourseEnrollment.is_enrolled(staff, PAID)


def test_the_filter_refuses_a_learner_request_in_the_model_too(courses):
    learner = make_user("learner")
    with impersonate(learner), pytest.raises(EnrollmentNotAllowed, match="purchase_required"):
        CourseEnrollment.enroll(learner, PAID, mode="honor")


def test_the_refusal_names_the_course_by_its_title(courses):
    learner = make_user("learner")
    with impersonate(learner), pytest.raises(EnrollmentNotAllowed) as refused:
        CourseEnrollment.enroll(learner, PAID, mode="honor")
    assert f"enrolling in {PAID.course} Course (honor) requires a purchase." in str(refused.value)
    assert str(PAID) not in str(refused.value)


def test_server_code_without_a_request_may_enroll(courses):
    assert CurrentRequestUserMiddleware  # crum is what tells a request from server code
    learner = make_user("learner")
    CourseEnrollment.enroll(learner, PAID, mode="honor")
    assert CourseEnrollment.is_enrolled(learner, PAID)


def test_course_facts_count_staff_once_and_say_full(client, courses, django_assert_max_num_queries):
    service = make_user("ecommerce_worker", is_staff=True)
    staff = make_user("teacher")
    CourseAccessRole.objects.create(user=staff, org=PAID.org, course_id=PAID, role="instructor")
    finance = make_user("money")
    CourseAccessRole.objects.create(user=finance, org=PAID.org, course_id=PAID, role="finance_admin")
    for name in ("a", "b", "c"):
        CourseEnrollment.enroll(make_user(name), PAID, mode="honor")
    CourseEnrollment.enroll(staff, PAID, mode="honor")

    with django_assert_max_num_queries(12):
        response = client.get(facts_url(PAID), HTTP_AUTHORIZATION=f"JWT {create_jwt_for_user(service)}")

    body = response.json()
    assert response.status_code == 200
    assert (body["total_enrolled"], body["staff_enrolled"], body["students_enrolled"]) == (4, 1, 3)
    assert body["is_full"] is True
    assert body["is_enrollment_open"] is True
    assert body["staff_usernames"] == ["teacher"]
    assert body["finance_admin_usernames"] == ["money"]


def test_course_facts_count_each_mode_apart_and_say_which_are_paid(client, courses):
    CourseMode.objects.create(course_id=PAID, mode_slug="audit", mode_display_name="Audit", min_price=0)
    service = make_user("ecommerce_worker", is_staff=True)
    staff, ta = make_user("teacher"), make_user("ta")
    for user in (staff, ta):
        CourseAccessRole.objects.create(user=user, org=PAID.org, course_id=PAID, role="staff")
    for name in ("a", "b"):
        CourseEnrollment.enroll(make_user(name), PAID, mode="honor")
    for name in ("c", "d", "e"):
        CourseEnrollment.enroll(make_user(name), PAID, mode="audit")
    CourseEnrollment.enroll(staff, PAID, mode="honor")
    CourseEnrollment.enroll(ta, PAID, mode="audit")
    CourseEnrollment.unenroll(User.objects.get(username="e"), PAID)

    body = client.get(facts_url(PAID), HTTP_AUTHORIZATION=f"JWT {create_jwt_for_user(service)}").json()

    assert body["modes"] == [
        {"mode_slug": "audit", "paid": False, "students_enrolled": 2, "staff_enrolled": 1},
        {"mode_slug": "honor", "paid": True, "students_enrolled": 2, "staff_enrolled": 1},
    ]
    assert body["course_title"] == "P101 Course"
    assert (body["total_enrolled"], body["staff_enrolled"]) == (6, 2)


def test_course_facts_say_closed_after_enrollment_end(client, courses):
    CourseOverview.objects.filter(id=PAID).update(enrollment_end=timezone.now() - timedelta(days=1))
    service = make_user("ecommerce_worker", is_staff=True)
    response = client.get(facts_url(PAID), HTTP_AUTHORIZATION=f"JWT {create_jwt_for_user(service)}")
    assert response.json()["is_enrollment_open"] is False


def test_course_facts_are_for_service_users_only(client, courses):
    learner = make_user("learner")
    response = client.get(facts_url(PAID), HTTP_AUTHORIZATION=f"JWT {create_jwt_for_user(learner)}")
    assert response.status_code == 403


def test_course_facts_of_an_unknown_course_are_a_404(client, courses):
    service = make_user("ecommerce_worker", is_staff=True)
    response = client.get(
        facts_url("course-v1:No+Such+Run"), HTTP_AUTHORIZATION=f"JWT {create_jwt_for_user(service)}"
    )
    assert response.status_code == 404
    assert response.json()["error_code"] == "course_not_found"
