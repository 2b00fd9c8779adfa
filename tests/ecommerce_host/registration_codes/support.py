"""
Shared fixtures of the paid-enrollment features (codes, invoices, coupons, finance): a fake LMS
at the HTTP boundary, course roles, orders of N seats.
"""
import json

import pytest
import requests
from django.contrib.auth import get_user_model
from oscar.core.loading import get_model

from ecommerce_plugin.checkout import api as checkout_api
from ecommerce_plugin.checkout import steps
from ecommerce_plugin.finance.models import CourseRole
from ecommerce_plugin.registration_codes import api as codes_api

COURSE = "course-v1:edX+DemoX+Demo_Course"
OTHER_COURSE = "course-v1:edX+Other+2026"
Order = get_model("order", "Order")


class FakeLms:
    """
    The LMS at the HTTP boundary: records every call; answers enrollments with ``status`` and
    course facts with ``facts``.
    """

    def __init__(self):
        self.posts, self.gets, self.puts = [], [], []
        self.enrollment_status = 200
        self.facts = {}

    def _response(self, status_code, body):
        response = requests.Response()
        response.status_code = status_code
        response._content = json.dumps(body).encode()
        return response

    def post(self, url, json=None, **kwargs):  # noqa: A002
        self.posts.append((url, json))
        return self._response(self.enrollment_status, json if self.enrollment_status == 200 else {"message": "no"})

    def put(self, url, json=None, **kwargs):  # noqa: A002
        self.puts.append((url, json))
        return self._response(200, json)

    def get(self, url, **kwargs):
        self.gets.append(url)
        for course_key, body in self.facts.items():
            if course_key in url:
                return self._response(200, body)
        return self._response(404, {"error_code": "course_not_found"})


@pytest.fixture
def fake_lms(monkeypatch):
    lms = FakeLms()
    monkeypatch.setattr("ecommerce_plugin.platform.lms_api_client", lambda: lms)
    return lms


@pytest.fixture(autouse=True)
def _fresh_checkout_steps():
    steps._load.cache_clear()
    yield
    steps._load.cache_clear()


@pytest.fixture
def seat(make_seat):
    return make_seat(course_key=COURSE, certificate_type="verified", price="100.00", sku="VERI-DEMO")


@pytest.fixture
def grant():
    def make(user, role, course_key=COURSE):
        return CourseRole.objects.create(user=user, course_key=course_key, role=role)

    return make


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """
    ``with committed():`` runs what the code scheduled for after its commit (tasks, emails), as a
    real commit would; the test's own transaction never commits.
    """
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def buy_seats(make_user, fake_lms, committed):
    """
    ``buy(seat, quantity, username) -> Order``: pay for ``quantity`` seats with a card.
    """

    def buy(seat, quantity, username="buyer", **params):
        User = get_user_model()
        user = User.objects.filter(username=username).first() or make_user(username)
        basket = codes_api.add_seats_to_basket(user, seat.sku, quantity)
        with committed():
            placed = checkout_api.place_order(user, basket.id, {"card_number": "4111111111111111", **params})
        return Order.objects.get(number=placed.number)

    return buy
