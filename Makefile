.PHONY: help requirements upgrade test test-otto quality pii_check validate demo wheel clean extract_translations

VENV := .venv/bin
REQUIREMENTS := pip-tools base ecommerce sandbox test quality

help: ## show the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

demo: ## run the sandbox: three hosts and their workers on localhost, demo data seeded
	./scripts/demo.sh

test: ## run the whole test suite (SQLite pass, then MariaDB/Redis pass)
	./scripts/run-tests.sh

test-otto: ## run the ecommerce suite on Otto's libraries (Django 3.2, django-oscar 3.2; .venv-otto)
	./scripts/otto-stack-tests.sh

requirements: ## install the pinned requirements into .venv (pip-sync)
	./scripts/bootstrap.sh
	$(VENV)/pip-sync requirements/quality.txt requirements/pip-tools.txt
	$(VENV)/pip install -q --no-deps --no-build-isolation -e .

upgrade: export CUSTOM_COMPILE_COMMAND=make upgrade
upgrade: ## re-pin every requirements/*.txt from its .in
	./scripts/bootstrap.sh
	cd requirements && for req in $(REQUIREMENTS); do \
		../$(VENV)/pip-compile -q --upgrade --allow-unsafe --strip-extras --no-emit-index-url $$req.in -o $$req.txt || exit 1; \
	done

quality: ## lint and import order (ruff)
	./scripts/bootstrap.sh
	$(VENV)/ruff check lms_plugin ecommerce_plugin discovery_plugin commerce_plugins_common sandbox tests bench scripts tutor

pii_check: ## every plugin model carries a PII annotation
	./scripts/bootstrap.sh
	./scripts/pii-check.sh

validate: quality pii_check test ## everything CI checks

I18N_PLUGINS := lms_plugin ecommerce_plugin discovery_plugin
JS_PLUGIN := frontend/learner-dashboard-pending

extract_translations: ## message catalogs: <plugin>/conf/locale/en/LC_MESSAGES/django.po, and the JS plugin's
	for plugin in $(I18N_PLUGINS); do \
		(cd $$plugin && $(abspath $(VENV))/django-admin makemessages -l en -d django --no-wrap \
			--ignore 'conf/*' --ignore 'static/*' --ignore 'node_modules/*') || exit 1; \
	done
	cd $(JS_PLUGIN) && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run i18n_extract

wheel: ## build the distribution
	$(VENV)/python -m pip wheel --no-deps -w dist .

clean:
	rm -rf dist build *.egg-info sandbox/var .venv-otto
