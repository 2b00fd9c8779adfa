"""
Packaging for the Open edX commerce plugins.

One distribution, three Django app plugins; each Open edX service loads the one
meant for it through its entry-point group. What only one host's plugin needs lives in that
plugin's extra (``lms``: drf-spectacular and openedx-filters; ``ecommerce``: django-oscar and
its helpers), so an LMS image never pulls in Oscar and a course-discovery image neither.
"""
import os
import re

from setuptools import find_packages, setup

HERE = os.path.dirname(os.path.abspath(__file__))


def load_requirements(*requirements_paths):
    """
    Read the unpinned requirements from ``.in`` files, skipping ``-r``/``-c`` lines.

    Pins live in the compiled ``.txt`` files; a library must not pin its users.
    """
    requirements = []
    for path in requirements_paths:
        with open(os.path.join(HERE, path), encoding="utf-8") as reqs:
            for line in reqs:
                line = re.sub(r"#.*", "", line).strip()
                if line and not line.startswith("-"):
                    requirements.append(line)
    return requirements


def get_version():
    with open(os.path.join(HERE, "lms_plugin", "__init__.py"), encoding="utf-8") as init:
        return re.search(r'^__version__ = ["\']([^"\']+)["\']', init.read(), re.M).group(1)


with open(os.path.join(HERE, "README.md"), encoding="utf-8") as readme:
    LONG_DESCRIPTION = readme.read()

setup(
    name="openedx-commerce-plugins",
    version=get_version(),
    description="Commerce plugins for Open edX: CCX purchases, discounts, async fulfillment, course types.",
    long_description=LONG_DESCRIPTION,
    long_description_content_type="text/markdown",
    license="AGPL-3.0-or-later",
    python_requires=">=3.11",
    packages=find_packages(include=["lms_plugin*", "ecommerce_plugin*", "discovery_plugin*", "commerce_plugins_common*"]),
    include_package_data=True,
    zip_safe=False,
    install_requires=load_requirements("requirements/base.in"),
    extras_require={
        "lms": load_requirements("requirements/lms.in"),
        "ecommerce": load_requirements("requirements/ecommerce.in"),
    },
    entry_points={
        "lms.djangoapp": ["commerce_lms = lms_plugin.apps:LmsPluginConfig"],
        "ecommerce.djangoapp": ["commerce_ecommerce = ecommerce_plugin.apps:EcommercePluginConfig"],
        "discovery.djangoapp": ["commerce_discovery = discovery_plugin.apps:DiscoveryPluginConfig"],
    },
    classifiers=[
        "Framework :: Django",
        "Framework :: Django :: 3.2",
        "Framework :: Django :: 5.2",
        "Programming Language :: Python :: 3.11",
        "Programming Language :: Python :: 3.12",
    ],
)
