# xaydungdang: two commands for a newcomer: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SQLITE_URL := sqlite:///$(CURDIR)/var/test.sqlite3
PG_PORT ?= 54329
PG_URL := postgres://xdd@127.0.0.1:$(PG_PORT)/xaydungdang
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run setup demo test test-sqlite test-postgres lint postgres chromium bench clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)
	mkdir -p var
	$(BIN)/xdd migrate --no-input
	$(BIN)/xdd demo --members 3000 --tree-scale 0.01

run: setup
	@echo ""
	@echo "  xaydungdang chạy tại http://127.0.0.1:8000/"
	@echo "  Tài khoản demo (mật khẩu: demo12345):"
	@echo "    quantri  - quản trị hệ thống"
	@echo "    btctw    - Ban Tổ chức Trung ương, toàn hệ thống"
	@echo "    hcm      - Thành ủy TP.HCM"
	@echo "    hanoi    - Thành ủy Hà Nội"
	@echo ""
	$(BIN)/xdd jobs-sweep
	$(BIN)/xdd runserver 127.0.0.1:8000

demo: $(STAMP)
	$(BIN)/xdd demo

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

postgres:
	bash scripts/postgres.sh $(PG_PORT)

chromium:
	bash scripts/chromium.sh

test-sqlite: $(STAMP)
	mkdir -p var
	DATABASE_URL=$(SQLITE_URL) $(BIN)/pytest -q

test-postgres: $(STAMP) postgres
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -q

test: $(STAMP) chromium lint test-sqlite test-postgres


clean:
	rm -rf $(VENV) var test-artifacts

bench: $(STAMP)
	mkdir -p var
	$(BIN)/python -m bench
