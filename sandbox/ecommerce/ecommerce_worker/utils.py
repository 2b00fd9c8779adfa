"""
Replica of edx-ecommerce-worker 3.3.4 ``ecommerce_worker/utils.py`` (``get_configuration``,
``get_access_token``).
"""
import os
import sys
from urllib.parse import urljoin

import requests
from requests.exceptions import HTTPError, RequestException

from ecommerce_worker.configuration import CONFIGURATION_MODULE

# edx_rest_api_client.client's REQUEST_CONNECT_TIMEOUT / REQUEST_READ_TIMEOUT.
REQUEST_CONNECT_TIMEOUT = 3.05
REQUEST_READ_TIMEOUT = 5


def get_configuration(variable, site_code=None):
    """``variable`` of the configuration module in use, with the site's override if any."""
    name = os.environ.get(CONFIGURATION_MODULE, "ecommerce_worker.configuration.sandbox")
    __import__(name)
    module = sys.modules[name]

    setting_value = getattr(module, variable, None)
    site_overrides = getattr(module, "SITE_OVERRIDES", None)
    if site_overrides and site_code is not None:
        site_specific_overrides = site_overrides.get(site_code)
        if site_specific_overrides:
            override_value = site_specific_overrides.get(variable)
            if override_value:
                setting_value = override_value

    if setting_value is None:
        raise RuntimeError(f"Worker is improperly configured: {variable} is unset in {module}.")
    return setting_value


def get_access_token():
    """A JWT access token of the worker's service user (client credentials at the LMS)."""
    oauth_access_token_url = urljoin(get_configuration("BACKEND_SERVICE_EDX_OAUTH2_PROVIDER_URL") + "/", "access_token/")
    try:
        response = requests.post(
            oauth_access_token_url,
            data={
                "grant_type": "client_credentials",
                "client_id": get_configuration("BACKEND_SERVICE_EDX_OAUTH2_KEY"),
                "client_secret": get_configuration("BACKEND_SERVICE_EDX_OAUTH2_SECRET"),
                "token_type": "jwt",
            },
            headers={"User-Agent": "ecommerce-worker"},
            timeout=(REQUEST_CONNECT_TIMEOUT, REQUEST_READ_TIMEOUT),
        )
        response.raise_for_status()
        access_token = response.json()["access_token"]
    except (HTTPError, KeyError) as exc:
        raise RequestException(response=response) from exc

    return access_token
