"""
Throttles of code redemption: per signed-in user and per client IP, DRF's own throttles.

A code is 12 characters from 25 letters, so guessing is hopeless at any rate; the throttles stop
a client from hammering the endpoint (about 90 tries a second before) and keep the cost of a
guess high. Rates are ``COMMERCE_CODE_REDEMPTION_THROTTLE_RATES`` (read at each request, so an
operator's value and a test's override apply without a restart); counts live in Django's
default cache, which a production shop shares between its workers.
"""
from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle


class _RedemptionThrottle(SimpleRateThrottle):
    rate_name = None

    def get_rate(self):
        return settings.COMMERCE_CODE_REDEMPTION_THROTTLE_RATES.get(self.rate_name)

    def allow_request(self, request, view):
        # The rate is read per request rather than once at start-up.
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)


class RedemptionUserThrottle(_RedemptionThrottle):
    scope = "commerce_code_redemption_user"
    rate_name = "user"

    def get_cache_key(self, request, view):
        if not request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}


class RedemptionIpThrottle(_RedemptionThrottle):
    scope = "commerce_code_redemption_ip"
    rate_name = "ip"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


REDEMPTION_THROTTLES = (RedemptionUserThrottle, RedemptionIpThrottle)


def redemption_wait(request):
    """
    Seconds the client must wait before its next redemption, or None when it may go on.

    For the redeem page, a plain Django view: the same throttles and counts as the API.
    """
    waits = []
    for throttle in (cls() for cls in REDEMPTION_THROTTLES):
        if not throttle.allow_request(request, None):
            waits.append(throttle.wait() or 0)
    return max(waits) if waits else None
