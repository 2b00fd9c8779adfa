"""
Replica of edx-ecommerce-worker 3.3.4 (the version Otto ``open-release/sumac.master`` 126b670782e0
pins in requirements/base.txt): the order fulfillment task and the helpers it uses. The worker is a
separate service; the sandbox runs its task through the ecommerce celery app's broker.
"""
