"""
Replica of edx-ecommerce-worker 3.3.4 ``ecommerce_worker/configuration/__init__.py``.
"""
# Environment variable naming the configuration module the worker reads.
CONFIGURATION_MODULE = "WORKER_CONFIGURATION_MODULE"
