"""
Code redemption is throttled per user and per IP, and answers one error for every code the
learner may not use, so neither speed nor answers tell a guesser which codes exist.
"""
import pytest
from django.test import override_settings

from ecommerce_plugin.registration_codes import api
from ecommerce_plugin.registration_codes.models import Redemption, RegistrationCode
from support.clients import client_for

REDEEM = "/api/commerce/v1/registration-codes/redemptions/"


def redeem(client, code, ip="10.0.0.1"):
    return client.post(REDEEM, {"code": code}, format="json", REMOTE_ADDR=ip)


@override_settings(COMMERCE_CODE_REDEMPTION_THROTTLE_RATES={"user": "3/minute", "ip": None})
def test_a_user_is_throttled_after_the_configured_tries(learner):
    client = client_for(learner)
    answers = [redeem(client, f"GUESS{i}", ip=f"10.0.0.{i}").status_code for i in range(3)]
    throttled = redeem(client, "GUESS9", ip="10.0.0.9")

    assert answers == [400, 400, 400]
    assert throttled.status_code == 429
    assert throttled.json()["error_code"] == "rate_limited"
    assert int(throttled["Retry-After"]) > 0


@override_settings(COMMERCE_CODE_REDEMPTION_THROTTLE_RATES={"user": None, "ip": "3/minute"})
def test_an_ip_is_throttled_whichever_account_it_uses(make_user):
    for i in range(3):
        assert redeem(client_for(make_user(f"guesser{i}")), "GUESS").status_code == 400
    assert redeem(client_for(make_user("guesser3")), "GUESS").status_code == 429
    assert redeem(client_for(make_user("elsewhere")), "GUESS", ip="10.9.9.9").status_code == 400


@override_settings(COMMERCE_CODE_REDEMPTION_THROTTLE_RATES={"user": "2/minute", "ip": None})
def test_a_throttled_user_cannot_redeem_even_a_good_code(learner, buy_seats, seat):
    code = RegistrationCode.objects.filter(order_line__order=buy_seats(seat, 2)).first()
    client = client_for(learner)
    redeem(client, "GUESS1")
    redeem(client, "GUESS2")

    assert redeem(client, code.code).status_code == 429
    code.refresh_from_db()
    assert code.status == RegistrationCode.AVAILABLE


@override_settings(COMMERCE_CODE_REDEMPTION_THROTTLE_RATES={"user": "2/minute", "ip": None})
def test_the_redeem_page_shares_the_throttle(client, learner):
    client.force_login(learner)
    statuses = [
        client.post("/commerce/registration-codes/redeem/", {"code": "GUESS"}).status_code for _ in range(3)
    ]
    assert statuses == [400, 400, 429]
    assert redeem(client_for(learner), "GUESS").status_code == 429


def _unknown(buy_seats, seat, make_user, learner):
    return "NOSUCHCODE42"


def _used(buy_seats, seat, make_user, learner):
    code = RegistrationCode.objects.filter(order_line__order=buy_seats(seat, 2)).first().code
    api.redeem(make_user("someone"), code)
    return code


def _void(buy_seats, seat, make_user, learner):
    line = buy_seats(seat, 2).lines.get()
    api.revoke_codes_for_line(line)
    return RegistrationCode.objects.filter(order_line=line).first().code


def _second_for_the_course(buy_seats, seat, make_user, learner):
    first, second = RegistrationCode.objects.filter(order_line__order=buy_seats(seat, 2))
    api.redeem(learner, first.code)
    return second.code


@pytest.mark.parametrize("kind", [_unknown, _used, _void, _second_for_the_course], ids=lambda f: f.__name__[1:])
def test_every_code_the_learner_may_not_use_gets_the_same_answer(kind, buy_seats, seat, make_user, learner):
    code = kind(buy_seats, seat, make_user, learner)
    redemptions = Redemption.objects.count()

    response = redeem(client_for(learner), code)

    assert (response.status_code, response.json()) == (
        400,
        {
            "error_code": "code_unusable",
            "message": "This code cannot be used. Check it, or ask whoever gave it to you for a new one.",
        },
    )
    assert Redemption.objects.count() == redemptions
