"""
The worker's configuration in the sandbox (as edx-ecommerce-worker's ``configuration/base.py``
names it), read from the environment the tests set: which ecommerce API it PUTs and the LMS
it takes its JWT from.
"""
import os

ECOMMERCE_API_ROOT = os.environ.get("WORKER_ECOMMERCE_API_ROOT", "http://127.0.0.1:18130/api/v2/")
MAX_FULFILLMENT_RETRIES = int(os.environ.get("WORKER_MAX_FULFILLMENT_RETRIES", "11"))
BACKEND_SERVICE_EDX_OAUTH2_PROVIDER_URL = os.environ.get("WORKER_OAUTH2_PROVIDER_URL", "http://localhost:18000/oauth2")
BACKEND_SERVICE_EDX_OAUTH2_KEY = "ecommerce-backend-service-key"
BACKEND_SERVICE_EDX_OAUTH2_SECRET = os.environ.get("ECOMMERCE_OAUTH_SECRET", "ecommerce-backend-service-secret")
ECOMMERCE_SERVICE_USERNAME = "ecommerce_worker"
SITE_OVERRIDES = None
