"""
A stand-in for the ``stripe`` library at the gateway boundary: the calls Otto's Stripe processor
makes (``PaymentIntent.create/modify/confirm/retrieve``, ``Refund.create``), answered in memory, the
way Stripe answers them. This is the sandbox's only mock, at the payment gateway (TEAM rules).

The browser's Stripe.js attaches a card to the payment intent before the MFE posts to Otto; tests
do that with ``attach_card``. A card ending in ``0002`` is declined at ``confirm`` (``CardError``).
``captured`` lists every successful charge (intent id, amount in cents), so a test can tell that
nothing was charged.
"""
import itertools
import threading
import time

_lock = threading.Lock()
_ids = itertools.count(1)
_intents = {}
_by_idempotency_key = {}
captured = []
refunds = []
# Seconds ``confirm`` takes, as a real gateway does (concurrency tests).
confirm_delay = 0


class error:  # noqa: N801  (the library's module name: ``stripe.error.CardError``)
    class StripeError(Exception):
        def __init__(self, message="", code=None, json_body=None):
            super().__init__(message)
            self.user_message = message
            self.code = code
            self.json_body = json_body or {"error": {"code": code, "message": message}}

    class CardError(StripeError):
        pass

    class IdempotencyError(StripeError):
        pass

    class InvalidRequestError(StripeError):
        pass


def reset():
    global confirm_delay  # noqa: PLW0603
    confirm_delay = 0
    with _lock:
        _intents.clear()
        _by_idempotency_key.clear()
        captured.clear()
        refunds.clear()


def attach_card(payment_intent_id, number="4242424242424242", brand="visa"):
    """What Stripe.js does in the learner's browser: the card (and billing details) on the intent."""
    with _lock:
        _intents[payment_intent_id]["payment_method"] = {
            "card": {"last4": number[-4:], "brand": brand, "number": number},
            "billing_details": {"name": "Test Learner", "address": {
                "line1": "1 Main St", "line2": None, "city": "Boston", "postal_code": "02110", "state": "MA",
                "country": "US"}},
        }


class PaymentIntent:
    @staticmethod
    def create(amount, currency, description="", metadata=None, secret_key_confirmation=None,  # noqa: ARG004
               idempotency_key=None):
        with _lock:
            if idempotency_key in _by_idempotency_key:
                if _intents[_by_idempotency_key[idempotency_key]]["amount"] != amount:
                    raise error.IdempotencyError("Keys for idempotent requests can only be used with the same "
                                                 "parameters they were first used with.")
                return dict(_intents[_by_idempotency_key[idempotency_key]])
            intent_id = f"pi_standin_{next(_ids)}"
            _intents[intent_id] = {"id": intent_id, "client_secret": f"{intent_id}_secret", "amount": amount,
                                   "currency": currency, "description": description, "metadata": metadata or {},
                                   "status": "requires_payment_method", "payment_method": None}
            if idempotency_key:
                _by_idempotency_key[idempotency_key] = intent_id
            return dict(_intents[intent_id])

    @staticmethod
    def modify(payment_intent_id, **fields):
        with _lock:
            _intents[payment_intent_id].update(fields)
            return dict(_intents[payment_intent_id])

    @staticmethod
    def retrieve(payment_intent_id=None, id=None, expand=None):  # noqa: A002,ARG004  (the library's names)
        with _lock:
            return dict(_intents[payment_intent_id or id])

    @staticmethod
    def confirm(payment_intent_id, error_on_requires_action=True, expand=None):  # noqa: ARG004
        time.sleep(confirm_delay)
        with _lock:
            intent = _intents[payment_intent_id]
            method = intent.get("payment_method")
            if method is None or method["card"]["number"].endswith("0002"):
                raise error.CardError("Your card was declined.", code="card_declined")
            if intent["status"] == "succeeded":
                raise error.InvalidRequestError("This PaymentIntent has already succeeded.",
                                                code="payment_intent_unexpected_state")
            intent["status"] = "succeeded"
            captured.append((payment_intent_id, int(intent["amount"])))
            return {**intent, "charges": {"data": [{"payment_method_details": {"card": method["card"]}}]}}


class Refund:
    @staticmethod
    def create(payment_intent, amount):
        with _lock:
            refund_id = f"re_standin_{next(_ids)}"
            refunds.append((payment_intent, amount))
            return {"id": refund_id, "payment_intent": payment_intent, "amount": amount}
