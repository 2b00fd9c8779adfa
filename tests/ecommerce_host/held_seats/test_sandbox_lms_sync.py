"""
The enrollment sync against the sandbox LMS over HTTP (its replica of the enrollment API, served
by gunicorn, with the service user's JWT from its ``/oauth2/access_token``): an enrollment made in
the LMS, not bought here, is refused at the next basket add and payment.
"""
import pytest
from django.contrib.auth import get_user_model
from ecommerce_host.fulfillment.conftest import DEMO_COURSE, lms_database, lms_learner  # noqa: F401
from ecommerce_host.fulfillment.lms_stack import lms_manage
from edx_django_utils.cache import TieredCache

from ecommerce_plugin.checkout import api as checkout_api
from ecommerce_plugin.checkout.errors import CheckoutRefused
from ecommerce_plugin.held_seats import api
from ecommerce_plugin.held_seats.models import LearnerEnrollment
from support.processes import host_server

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_an_enrollment_made_in_the_lms_is_synced_and_refused(lms_database, lms_learner, make_seat, settings):  # noqa: F811
    lms_manage(
        lms_database["path"], "shell",
        stdin=(
            "from django.contrib.auth import get_user_model\n"
            "from opaque_keys.edx.keys import CourseKey\n"
            "from common.djangoapps.student.models import CourseEnrollment\n"
            f"user = get_user_model().objects.get(username={lms_learner!r})\n"
            f"CourseEnrollment.enroll(user, CourseKey.from_string({DEMO_COURSE!r}), mode='verified')\n"
        ),
    )
    seat = make_seat(course_key=DEMO_COURSE, sku="VERI-DEMO")
    learner = get_user_model().objects.create_user(username=lms_learner, email=f"{lms_learner}@example.com")

    with host_server("lms", extra_env={"DATABASE_URL": "", "SANDBOX_DATABASE_NAME": lms_database["path"]}) as url:
        TieredCache.dangerous_clear_all_tiers()
        settings.COMMERCE_LMS_URL_ROOT = url
        settings.BACKEND_SERVICE_EDX_OAUTH2_PROVIDER_URL = f"{url}/oauth2"
        assert api.sync_learner_enrollments(learner.id) >= 1

    fact = LearnerEnrollment.objects.get(user=learner, course_key=DEMO_COURSE)
    assert (fact.mode, fact.is_active) == ("verified", True)
    with pytest.raises(CheckoutRefused) as refused:
        checkout_api.add_skus_to_basket(learner, [seat.sku])
    assert refused.value.error_code == "seat_already_held"
