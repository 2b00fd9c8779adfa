"""
Stripe's HTTP API as the real-Otto tests reach it: a local server that Stripe's own Python
library (``stripe.api_base`` pointed at it) talks to over HTTP, so Otto's processor, its views and
the library run unchanged and only the gateway's network edge is stood in for.

It answers the four calls Otto's Stripe processor makes (``PaymentIntent.create``, ``modify``,
``confirm``, ``retrieve``, stripe-python 9.9 against API version 2022-08-01) in Stripe's documented
shape, keeps each payment intent's amount as the calls set it, and records every call, so a test
reads what the learner was actually charged: the amount of the intent when it was confirmed.
"""
import http.server
import json
import threading
import urllib.parse

CARD = {"brand": "visa", "last4": "4242"}
BILLING_DETAILS = {
    "name": "Ada Lovelace",
    "email": None,
    "phone": None,
    "address": {"line1": "1 Main St", "line2": None, "city": "Boston", "state": "MA", "postal_code": "02139",
                "country": "US"},
}


def _form(body):
    """Stripe's form encoding (``metadata[order_number]=...``) as a flat dict of the last values."""
    return {key: values[-1] for key, values in urllib.parse.parse_qs(body, keep_blank_values=True).items()}


class StripeEdge:
    """The server; ``intents`` by id, ``calls`` as ``(method, path, form)``, ``confirmed`` as ``(id, amount)``."""

    def __init__(self):
        self.intents = {}
        self.calls = []
        self.confirmed = []
        self._by_idempotency_key = {}
        self._lock = threading.Lock()
        edge = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                form = _form(self.rfile.read(length).decode() if length else "")
                path = urllib.parse.urlsplit(self.path).path
                with edge._lock:
                    edge.calls.append((self.command, path, form))
                    status, payload = edge._route(self.command, path, form, self.headers.get("Idempotency-Key"))
                content = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(content)))
                self.send_header("Request-Id", f"req_{len(edge.calls)}")
                self.end_headers()
                self.wfile.write(content)

            do_GET = do_POST = do_DELETE = _answer

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def _route(self, method, path, form, idempotency_key):
        parts = path.strip("/").split("/")  # v1, payment_intents, [id], [confirm]
        if parts[:2] != ["v1", "payment_intents"]:
            return 404, {"error": {"type": "invalid_request_error", "message": f"No such route: {path}"}}
        if len(parts) == 2 and method == "POST":
            return self._create(form, idempotency_key)
        intent = self.intents.get(parts[2]) if len(parts) > 2 else None
        if intent is None:
            return 404, {"error": {"type": "invalid_request_error", "code": "resource_missing",
                                   "message": "No such payment_intent"}}
        if len(parts) == 3 and method == "GET":
            return 200, self._expanded(intent)
        if len(parts) == 3 and method == "POST":
            intent.update({key: form[key] for key in ("amount", "currency", "description") if key in form})
            intent["amount"] = int(intent["amount"])
            return 200, dict(intent)
        if len(parts) == 4 and parts[3] == "confirm" and method == "POST":
            intent.update({"status": "succeeded", "amount_received": intent["amount"]})
            self.confirmed.append((intent["id"], intent["amount"]))
            return 200, self._expanded(intent, charged=True)
        return 404, {"error": {"type": "invalid_request_error", "message": f"No such route: {method} {path}"}}

    def _create(self, form, idempotency_key):
        if idempotency_key in self._by_idempotency_key:
            return 200, dict(self.intents[self._by_idempotency_key[idempotency_key]])
        intent_id = f"pi_edge{len(self.intents) + 1}"
        intent = {
            "id": intent_id, "object": "payment_intent", "amount": int(form["amount"]),
            "currency": form["currency"].lower(), "description": form.get("description"),
            "metadata": {"order_number": form.get("metadata[order_number]")},
            "client_secret": f"{intent_id}_secret_edge", "status": "requires_payment_method",
            "amount_received": 0, "charges": {"object": "list", "data": []},
        }
        self.intents[intent_id] = intent
        if idempotency_key:
            self._by_idempotency_key[idempotency_key] = intent_id
        return 200, dict(intent)

    @staticmethod
    def _expanded(intent, charged=False):
        method = {"id": "pm_edge", "object": "payment_method", "type": "card", "card": CARD,
                  "billing_details": BILLING_DETAILS}
        payload = dict(intent, payment_method=method)
        if charged:
            payload["charges"] = {"object": "list", "data": [{
                "id": f"ch_{intent['id']}", "object": "charge", "amount": intent["amount"], "paid": True,
                "status": "succeeded", "payment_method_details": {"type": "card", "card": CARD},
            }]}
        return payload
