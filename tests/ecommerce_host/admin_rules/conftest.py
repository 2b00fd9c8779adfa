from ecommerce_host.registration_codes.support import (  # noqa: F401
    _fresh_checkout_steps,
    buy_seats,
    committed,
    fake_lms,
    grant,
    seat,
)
