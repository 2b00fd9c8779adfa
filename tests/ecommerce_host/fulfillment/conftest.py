"""
Fixtures of the fulfillment tests: orders of seats, and (services pass) a real LMS and worker.
"""
import pytest
from django.contrib.auth import get_user_model
from oscar.core.loading import get_model

from ecommerce_plugin.checkout import api as checkout_api

from .lms_stack import prepare_lms_database, unique_name

DEMO_COURSE = "course-v1:edX+DemoX+Demo_Course"
Order = get_model("order", "Order")
OrderNote = get_model("order", "OrderNote")
LEARNER_POOL = 8


@pytest.fixture
def place_seat_order(make_seat):
    """
    ``place(username) -> order number``: the learner buys the demo course's verified seat.
    """
    def place(username, seat=None):
        seat = seat or make_seat(course_key=DEMO_COURSE, sku="VERI-DEMO")
        user = get_user_model().objects.create_user(username=username, email=f"{username}@example.com",
                                                    password="edx")
        basket = checkout_api.add_skus_to_basket(user, [seat.sku])
        return checkout_api.place_order(user, basket.id, {"card_number": "4242424242424242"}).number

    return place


def order_notes(number):
    return list(OrderNote.objects.filter(order__number=number).order_by("id").values_list("message", flat=True))


@pytest.fixture(scope="session")
def lms_database(tmp_path_factory):
    """
    A migrated, seeded sandbox LMS database and a pool of learners (with sessions) in it.
    """
    db_path = tmp_path_factory.mktemp("lms") / "lms.sqlite3"
    usernames = [unique_name() for _ in range(LEARNER_POOL)]
    sessions = prepare_lms_database(db_path, usernames)
    return {"path": str(db_path), "learners": usernames, "sessions": sessions}


@pytest.fixture
def lms_learner(lms_database):
    """
    A learner who exists in the LMS and has not bought anything yet.
    """
    if not lms_database["learners"]:
        pytest.fail("the LMS learner pool is exhausted; raise LEARNER_POOL")
    return lms_database["learners"].pop()


@pytest.fixture
def broker_sends(settings):
    """
    The test process sends tasks to the real broker instead of running them in-process.
    """
    from ecommerce.celery_app import app  # noqa: PLC0415

    # The Django setting celery reads: setting celery's unprefixed key does not override it on
    # celery 5.4 (Otto's), where the tasks then ran in-process again.
    settings.CELERY_TASK_ALWAYS_EAGER = False
    return app
