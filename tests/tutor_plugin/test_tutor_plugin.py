"""
The Tutor plugin, rendered by real Tutor (Sumac: tutor, tutor-ecommerce, tutor-discovery 19):
each image installs its plugin, each service gets the settings and URL lines the README gives,
``do init`` migrates, and the ecommerce plugin's worker runs on its queue.
"""
import ast
import json
import re
import types

import pytest
import yaml
from conftest import LMS_HOST, run_tutor

LMS_ISSUER = f"https://{LMS_HOST}/oauth2"
SHOP = f"https://ecommerce.{LMS_HOST}"
OTTO_SETTINGS = "env/plugins/ecommerce/apps/ecommerce/settings/production.py"
DISCOVERY_SETTINGS = "env/plugins/discovery/apps/settings/tutor/production.py"
LMS_SETTINGS = "env/apps/openedx/settings/lms/production.py"


def read(root, path):
    return (root / path).read_text(encoding="utf-8")


def statements(source):
    """
    ``[(source of the statement, node)]`` of a rendered settings module, top level, in order.
    """
    return [(ast.get_source_segment(source, node), node) for node in ast.parse(source).body]


def assigned(source, name):
    values = [ast.literal_eval(node.value) for _, node in statements(source)
              if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets)]
    assert values, f"{name} is not set"
    return values[-1]


def line_of(source, text):
    lines = [number for number, line in enumerate(source.splitlines()) if text in line]
    assert lines, f"{text!r} not found"
    return lines[0]


def test_the_lms_image_installs_the_lms_plugin_after_the_platform_requirements(tutor_root):
    dockerfile = read(tutor_root, "env/build/openedx/Dockerfile")
    install = line_of(dockerfile, "pip install 'openedx-commerce-plugins[lms]==0.1.0'")
    assert line_of(dockerfile, "requirements/edx/base.txt") < install
    assert install < line_of(dockerfile, "collectstatic")


def test_the_otto_image_installs_the_ecommerce_plugin_before_its_assets(tutor_root):
    dockerfile = read(tutor_root, "env/plugins/ecommerce/build/ecommerce/Dockerfile")
    install = line_of(dockerfile, "pip install 'openedx-commerce-plugins[ecommerce]==0.1.0'")
    assert line_of(dockerfile, "pip install -r requirements.txt") < install < line_of(dockerfile, "collectstatic")


def test_the_discovery_image_installs_the_discovery_plugin(tutor_root):
    dockerfile = read(tutor_root, "env/plugins/discovery/build/discovery/Dockerfile")
    install = line_of(dockerfile, "pip install 'openedx-commerce-plugins==0.1.0'")
    assert line_of(dockerfile, "pip install -r requirements.txt") < install


def test_otto_settings_load_the_plugin_and_mount_its_urls_after_otto(tutor_root):
    source = read(tutor_root, OTTO_SETTINGS)
    assert assigned(source, "ROOT_URLCONF") == "ecommerce_plugin.otto_urls"
    assert assigned(source, "COMMERCE_REGISTRATION_CODE_REDEEM_URL") == f"{SHOP}/commerce/registration-codes/redeem/"
    assert assigned(source, "COMMERCE_CELERY_QUEUE") == "ecommerce.commerce_plugin"
    assert assigned(source, "BROKER_URL") == "redis://redis:6379"
    # The plugin reads the settings above when it loads: every one is set before add_plugins.
    common = line_of(source, 'add_plugins(__name__, "ecommerce.djangoapp", "common")')
    production = line_of(source, 'add_plugins(__name__, "ecommerce.djangoapp", "production")')
    assert line_of(source, 'INSTALLED_APPS += get_plugin_apps("ecommerce.djangoapp")') < common < production
    for name in ("COMMERCE_REGISTRATION_CODE_REDEEM_URL", "COMMERCE_PENDING_ENROLLMENT_SECRET", "COMMERCE_CELERY_QUEUE"):
        assert line_of(source, f"{name} = ") < common


def test_otto_trusts_the_lms_issuer_first_and_once(tutor_root):
    """
    Tutor's own JWT_AUTH lines and the plugin's, executed in order with an issuer list that has
    the LMS second: after them the LMS is first, once, and the other issuer kept.
    """
    source = read(tutor_root, OTTO_SETTINGS)
    jwt_auth = {"JWT_ISSUERS": [{"ISSUER": "https://other.example.com", "AUDIENCE": "x", "SECRET_KEY": "y"}]}
    namespace = {"json": json, "JWT_AUTH": jwt_auth}
    for text, node in statements(source):
        targets = getattr(node, "targets", [])
        if any(isinstance(t, ast.Subscript) and getattr(t.value, "id", None) == "JWT_AUTH" for t in targets):
            if "JWT_ISSUERS" in text and "*(issuer" not in text:
                jwt_auth["JWT_ISSUERS"].append(ast.literal_eval(node.value)[0])  # Tutor's list, after another
                continue
            exec(compile(ast.Module([node], []), OTTO_SETTINGS, "exec"), namespace)  # noqa: S102
    issuers = [issuer["ISSUER"] for issuer in jwt_auth["JWT_ISSUERS"]]
    assert issuers == [LMS_ISSUER, "https://other.example.com"]
    assert jwt_auth["JWT_ISSUERS"][0]["AUDIENCE"] == "openedx"
    assert json.loads(jwt_auth["JWT_PUBLIC_SIGNING_JWK_SET"])["keys"][0]["kid"] == "openedx"


def test_the_lms_and_the_shop_share_the_pending_enrollment_secret(tutor_root):
    lms_secret = assigned(read(tutor_root, LMS_SETTINGS), "COMMERCE_PENDING_ENROLLMENT_SECRET")
    shop_secret = assigned(read(tutor_root, OTTO_SETTINGS), "COMMERCE_PENDING_ENROLLMENT_SECRET")
    assert lms_secret == shop_secret and len(lms_secret) >= 32


def test_discovery_settings_load_the_plugin_and_its_url_module(tutor_root):
    source = read(tutor_root, DISCOVERY_SETTINGS)
    assert assigned(source, "ROOT_URLCONF") == "discovery_plugin.host_urls"
    apps = line_of(source, 'INSTALLED_APPS += get_plugin_apps("discovery.djangoapp")')
    assert apps < line_of(source, 'add_plugins(__name__, "discovery.djangoapp", "common")') \
        < line_of(source, 'add_plugins(__name__, "discovery.djangoapp", "production")')


def test_the_discovery_lines_install_the_plugin_apps_with_the_real_plugin_loader():
    """
    The patch's lines run with edx-django-utils and this repository's discovery plugin, in a
    settings module that has only course-discovery's INSTALLED_APPS.
    """
    from pathlib import Path  # noqa: PLC0415

    patch = (Path(__file__).resolve().parents[2] / "tutor/tutorcommerce_plugins/patches/discovery-common-settings")
    module = types.ModuleType("fake_discovery_settings")
    module.INSTALLED_APPS = ["django.contrib.auth", "course_discovery.apps.course_metadata"]
    import sys  # noqa: PLC0415

    sys.modules[module.__name__] = module
    try:
        exec(compile(patch.read_text(), "discovery-common-settings", "exec"), module.__dict__)  # noqa: S102
    finally:
        del sys.modules[module.__name__]
    assert {"discovery_plugin.apps.DiscoveryPluginConfig", "discovery_plugin.course_types"} <= set(module.INSTALLED_APPS)
    assert module.ROOT_URLCONF == "discovery_plugin.host_urls"
    assert module.COMMERCE_DISCOVERY_API_PAGE_SIZE


def test_the_worker_runs_on_the_plugin_queue_with_otto_settings(tutor_root):
    services = yaml.safe_load(read(tutor_root, "env/local/docker-compose.yml"))["services"]
    worker, ecommerce = services["ecommerce-commerce-worker"], services["ecommerce"]
    assert worker["image"] == ecommerce["image"]
    assert re.fullmatch(
        r"celery --app=ecommerce\.celery_app worker --queues=ecommerce\.commerce_plugin --concurrency=2 --loglevel=info",
        worker["command"],
    )
    assert worker["environment"] == ecommerce["environment"]
    assert set(ecommerce["volumes"]) <= set(worker["volumes"])


def test_kubernetes_gets_the_worker_too(tutor_root):
    deployments = [doc for doc in yaml.safe_load_all(read(tutor_root, "env/k8s/deployments.yml")) if doc]
    (worker,) = [doc for doc in deployments if doc["metadata"]["name"] == "ecommerce-commerce-worker"]
    (container,) = worker["spec"]["template"]["spec"]["containers"]
    assert "--queues=ecommerce.commerce_plugin" in container["args"]
    assert worker["spec"]["template"]["spec"]["volumes"][0]["configMap"]["name"] == "ecommerce-settings"


def test_init_migrates_each_service_after_its_own_init(init_tasks):
    services = [service for service, _ in init_tasks]
    scripts = [script.strip() for _, script in init_tasks]
    for service, command in (("lms", "./manage.py lms migrate --noinput"), ("ecommerce", "./manage.py migrate --noinput"),
                             ("discovery", "./manage.py migrate --noinput")):
        ours = [i for i, (s, script) in enumerate(zip(services, scripts, strict=True)) if s == service and script == command]
        assert ours, f"no migrate task for {service}"
        assert all(i < ours[-1] for i, s in enumerate(services) if s == service and scripts[i] != command)
    otto_init = next(script for service, script in zip(services, scripts, strict=True) if "create_or_update_site" in script)
    assert services.index("ecommerce") <= scripts.index(otto_init)


@pytest.fixture(scope="module")
def operator_root(tutor_venv, tmp_path_factory):
    root = tmp_path_factory.mktemp("tutor-operator")
    run_tutor(tutor_venv, root, "plugins", "enable", "ecommerce", "discovery", "commerce-plugins")
    return root


def test_an_operator_list_of_discovery_requirements_without_the_plugin_is_flagged(tutor_venv, operator_root):
    output = run_tutor(tutor_venv, operator_root, "config", "save", "--set", 'DISCOVERY_EXTRA_PIP_REQUIREMENTS=["x"]')
    assert "DISCOVERY_EXTRA_PIP_REQUIREMENTS does not name openedx-commerce-plugins" in output
