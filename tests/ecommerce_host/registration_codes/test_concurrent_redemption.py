"""
A code works once even when many learners redeem it at the same instant, or while its invoice is
voided, and its history says what happened (MariaDB, real threads).
"""
import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from ecommerce_host.registration_codes.support import COURSE

from ecommerce_plugin.finance.models import CourseRole
from ecommerce_plugin.invoices import api as invoices_api
from ecommerce_plugin.invoices.models import Invoice
from ecommerce_plugin.registration_codes import api
from ecommerce_plugin.registration_codes.errors import RegistrationCodeError
from ecommerce_plugin.registration_codes.models import Redemption, RegistrationCode

THREADS = 8


@pytest.mark.mariadb
def test_concurrent_redemptions_of_one_code_have_one_winner(transactional_db, fake_lms):
    users = [
        get_user_model().objects.create_user(username=f"racer{i}", email=f"racer{i}@example.com")
        for i in range(THREADS)
    ]
    code = RegistrationCode.objects.create(
        code=api.draw_code(), course_key=COURSE, seat_sku="VERI-DEMO", certificate_type="verified", unit_price=100
    )
    barrier = threading.Barrier(THREADS)
    outcomes = []

    def race(user):
        try:
            barrier.wait(timeout=10)
            api.redeem(user, code.code)
            outcomes.append("won")
        except RegistrationCodeError as exc:
            outcomes.append(exc.error_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=race, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert outcomes.count("won") == 1, outcomes
    assert set(outcomes) == {"won", "code_unusable"}
    assert Redemption.objects.filter(code=code).count() == 1
    assert Redemption.objects.get(code=code).status == "enrolled"
    code.refresh_from_db()
    assert code.status == RegistrationCode.REDEEMED
    enrollments = [body for url, body in fake_lms.posts if url.endswith("/enrollment")]
    assert len(enrollments) == 1
    (claim,) = code.history.filter(history_type="~")
    assert (claim.status, claim.history_user_id) == (RegistrationCode.REDEEMED, Redemption.objects.get(code=code).user_id)


@pytest.mark.mariadb
def test_an_invoice_voided_while_its_codes_are_redeemed_leaves_each_code_once_and_its_history_true(
    transactional_db, fake_lms
):
    User = get_user_model()
    money = User.objects.create_user(username="money", email="money@example.com")
    CourseRole.objects.create(user=money, course_key=COURSE, role=CourseRole.FINANCE_ADMIN)
    invoice = Invoice.objects.create(
        course_key=COURSE, seat_sku="VERI-DEMO", company_name="Acme", contact_name="Ada",
        contact_email="ada@acme.test", reference="INV-RACE", price_per_seat=100, quantity=THREADS, created_by=money,
    )
    codes = [
        RegistrationCode.objects.create(
            code=api.draw_code(), course_key=COURSE, seat_sku="VERI-DEMO", certificate_type="verified",
            unit_price=100, invoice=invoice,
        )
        for _ in range(THREADS)
    ]
    users = [User.objects.create_user(username=f"racer{i}", email=f"racer{i}@example.com") for i in range(THREADS)]
    barrier = threading.Barrier(THREADS + 1)

    def redeem(user, code):
        try:
            barrier.wait(timeout=10)
            api.redeem(user, code.code)
        except RegistrationCodeError:
            pass
        finally:
            connection.close()

    def void():
        try:
            barrier.wait(timeout=10)
            invoices_api.void(money, invoice.id)
        finally:
            connection.close()

    threads = [threading.Thread(target=redeem, args=pair) for pair in zip(users, codes, strict=True)]
    threads.append(threading.Thread(target=void))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    for code in codes:
        code.refresh_from_db()
        assert code.withdrawn
        assert code.status == (RegistrationCode.REDEEMED if Redemption.objects.filter(code=code).exists()
                               else RegistrationCode.VOID)
        latest = code.history.order_by("-history_id").first()
        assert (latest.status, latest.withdrawn, latest.redeemed_by_id) == (code.status, True, code.redeemed_by_id)
