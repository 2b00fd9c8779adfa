"""
The receipt's hand-off to the LMS on Otto's own receipt page.

Otto's ``checkout:receipt`` (``ReceiptResponseView``, template ``edx/checkout/receipt.html``) links
"Go to dashboard" to ``order_dashboard_url``; frontend-app-payment sends the learner there after
paying. While the order is still being fulfilled (Open: ecommerce-worker has not finished) this
middleware points that link at the LMS's pending-enrollment hand-off instead (ADR 0006), by
changing the view's context before Otto's template renders it; Otto's view and template are
untouched. An enterprise learner portal link Otto chose is kept.
"""
from ecommerce_plugin.fulfillment.status import ORDER

RECEIPT_VIEW_NAME = "checkout:receipt"


class ReceiptHandOffMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_template_response(self, request, response):
        match = getattr(request, "resolver_match", None)
        context = getattr(response, "context_data", None)
        if match is None or match.view_name != RECEIPT_VIEW_NAME or not context:
            return response
        order = context.get("order")
        if order is None or order.status != ORDER.OPEN or not context.get("show_receipt_cta_links", True):
            return response
        from ecommerce_plugin.fulfillment.api import learner_dashboard_url  # noqa: PLC0415

        lms_dashboard = context.get("order_dashboard_url")
        if lms_dashboard is None or _is_lms_dashboard(lms_dashboard):
            context["order_dashboard_url"] = learner_dashboard_url(order)
        return response


def _is_lms_dashboard(url):
    from ecommerce_plugin import platform  # noqa: PLC0415

    return url.rstrip("/") == platform.lms_url("/dashboard").rstrip("/")
