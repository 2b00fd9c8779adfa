"""
A code works once even when many learners redeem it at the same instant (MariaDB, real threads).
"""
import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from ecommerce_host.registration_codes.support import COURSE

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
