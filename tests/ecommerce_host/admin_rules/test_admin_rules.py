"""
Admin: what the code owns is read-only in every plugin registration; finance roles pick users by
search and refuse a course key the shop does not sell; codes cannot be edited by hand.
"""
import pytest
from django.contrib import admin

from ecommerce_plugin.admin_rules import ALL, MachineOwnedFieldsAdmin
from ecommerce_plugin.finance.models import CourseRole
from support.admin_rules import check_registration, plugin_registrations, superuser_request

REGISTRATIONS = plugin_registrations("ecommerce_plugin")


def test_the_plugin_registers_its_admins():
    labels = {model._meta.label for model, _ in REGISTRATIONS}
    assert {"commerce_registration_codes.RegistrationCode", "commerce_registration_codes.Redemption",
            "commerce_finance.CourseRole", "commerce_finance.CourseFacts",
            "commerce_fulfillment.LineFulfillment", "commerce_invoices.Invoice"} <= labels


@pytest.mark.parametrize(("model", "model_admin"), REGISTRATIONS, ids=[m._meta.label for m, _ in REGISTRATIONS])
def test_every_plugin_admin_keeps_machine_owned_fields_read_only(model, model_admin, admin_user):
    check_registration(model, model_admin, MachineOwnedFieldsAdmin, ALL, superuser_request(admin_user))


@pytest.mark.parametrize(("model", "model_admin"), REGISTRATIONS, ids=[m._meta.label for m, _ in REGISTRATIONS])
def test_every_plugin_admin_list_opens(model, model_admin, admin_client):
    url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
    assert admin_client.get(url).status_code == 200


def test_a_code_cannot_be_made_available_again_by_hand(admin_client, seat, buy_seats):
    from ecommerce_plugin.registration_codes import api as codes_api  # noqa: PLC0415
    from ecommerce_plugin.registration_codes.models import RegistrationCode  # noqa: PLC0415

    code = RegistrationCode.objects.get(code=codes_api.codes_for_order(buy_seats(seat, 2, "company"))[0].code)
    RegistrationCode.objects.filter(id=code.id).update(status=RegistrationCode.VOID)
    url = f"/admin/commerce_registration_codes/registrationcode/{code.id}/change/"
    admin_client.post(url, {"status": RegistrationCode.AVAILABLE})
    assert RegistrationCode.objects.get(id=code.id).status == RegistrationCode.VOID
    assert admin_client.get("/admin/commerce_registration_codes/registrationcode/add/").status_code == 403


def test_a_finance_role_on_a_mistyped_course_is_refused_with_a_message(admin_client, seat, make_user):
    user = make_user("money")
    response = admin_client.post("/admin/commerce_finance/courserole/add/", {
        "user": user.id, "course_key": seat.course_key.replace("Demo_Course", "Demo_Cours"), "role": "finance_admin",
    })
    assert response.status_code == 200 and "sells no seats of" in response.content.decode()
    assert not CourseRole.objects.exists()
    response = admin_client.post("/admin/commerce_finance/courserole/add/",
                                 {"user": user.id, "course_key": "nonsense", "role": "finance_admin"})
    assert "is not a course run key" in response.content.decode()
    admin_client.post("/admin/commerce_finance/courserole/add/",
                      {"user": user.id, "course_key": seat.course_key, "role": "finance_admin"})
    assert CourseRole.objects.get().source == CourseRole.SOURCE_ADMIN


def test_the_role_form_picks_the_user_by_search(admin_client, db):
    page = admin_client.get("/admin/commerce_finance/courserole/add/").content.decode()
    model_admin = admin.site._registry[CourseRole]  # noqa: SLF001
    if model_admin.get_autocomplete_fields(None):
        assert "admin-autocomplete" in page
    else:
        assert "vForeignKeyRawIdAdminField" in page and "related-lookup" in page


def test_a_role_copied_from_the_lms_is_read_only(admin_client, make_user, seat):
    role = CourseRole.objects.create(user=make_user("teacher"), course_key=seat.course_key, role="staff",
                                     source=CourseRole.SOURCE_LMS)
    admin_client.post(f"/admin/commerce_finance/courserole/{role.id}/change/",
                      {"user": role.user_id, "course_key": seat.course_key, "role": "finance_admin"})
    assert CourseRole.objects.get(id=role.id).role == "staff"


def test_the_role_admin_shows_its_history(admin_client, make_user, seat):
    role = CourseRole.objects.create(user=make_user("money"), course_key=seat.course_key, role="finance_admin")
    assert admin_client.get(f"/admin/commerce_finance/courserole/{role.id}/history/").status_code == 200
