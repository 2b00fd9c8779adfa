"""
Admin: what the code owns is read-only in every LMS plugin registration; the pending-enrollments
list says "late" in words; a discount row for a course the LMS lacks is refused.
"""
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from lms_plugin.admin_rules import ALL, MachineOwnedFieldsAdmin
from lms_plugin.discounts.models import DiscountPercentageConfig
from support.admin_rules import check_registration, plugin_registrations, superuser_request

REGISTRATIONS = plugin_registrations("lms_plugin")


def test_the_plugin_registers_its_admins():
    labels = {model._meta.label for model, _ in REGISTRATIONS}
    assert {"commerce_discounts.DiscountPercentageConfig", "commerce_pending_enrollments.PendingEnrollment"} <= labels


@pytest.mark.parametrize(("model", "model_admin"), REGISTRATIONS, ids=[m._meta.label for m, _ in REGISTRATIONS])
def test_every_plugin_admin_keeps_machine_owned_fields_read_only(model, model_admin, admin_user):
    check_registration(model, model_admin, MachineOwnedFieldsAdmin, ALL, superuser_request(admin_user))


@pytest.mark.parametrize(("model", "model_admin"), REGISTRATIONS, ids=[m._meta.label for m, _ in REGISTRATIONS])
def test_every_plugin_admin_list_opens(model, model_admin, admin_client):
    assert admin_client.get(f"/admin/{model._meta.app_label}/{model._meta.model_name}/").status_code == 200


def test_a_late_pending_enrollment_says_late_not_a_green_tick(admin_client, django_user_model, settings):
    from lms_plugin.pending_enrollments.models import PendingEnrollment  # noqa: PLC0415

    learner = django_user_model.objects.create_user("learner", "learner@example.com", "edx")
    late = PendingEnrollment.objects.create(user=learner, course_id="course-v1:edX+DemoX+Demo_Course",
                                            mode="verified", order_number="EDX-1")
    PendingEnrollment.objects.filter(id=late.id).update(
        created=timezone.now() - timedelta(seconds=settings.COMMERCE_PENDING_ENROLLMENT_STALE_AFTER + 60))
    page = admin_client.get("/admin/commerce_pending_enrollments/pendingenrollment/").content.decode()
    assert "Late: older than the limit" in page and "icon-yes.svg" not in page


@pytest.mark.django_db
def test_a_discount_row_for_a_course_the_lms_lacks_is_refused():
    with pytest.raises(ValidationError, match="The LMS has no course"):
        DiscountPercentageConfig(scope="course", scope_value="course-v1:edX+DemoX+Demo_Cours", percentage=10).full_clean()
