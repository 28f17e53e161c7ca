# Two commands for a fresh machine: `make run` (archive the samples and serve them) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOME_DIR ?= ./var
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run test lint venv samples clean

$(BIN)/archive: setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

venv: $(BIN)/archive

run: venv
	$(BIN)/archive --home $(HOME_DIR) ingest samples/ --manifest docs/sample-registers.csv || test $$? -eq 1
	$(BIN)/archive --home $(HOME_DIR) followup add 89-KL/TU --task "Báo cáo kết quả thực hiện Kết luận số 89-KL/TU" \
		--lead "Văn phòng Tỉnh ủy" --due 31/12/2023 --exists-ok
	$(BIN)/archive --home $(HOME_DIR) followup add 18-CT/TU --kind tong-ket --lead "Ban Tổ chức Tỉnh ủy" \
		--due 31/12/2030 --exists-ok
	$(BIN)/archive --home $(HOME_DIR) users add admin --role admin --clearance top_secret --exists-ok
	$(BIN)/archive --home $(HOME_DIR) serve --host $(HOST) --port $(PORT)

test: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

lint: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

samples: venv
	$(BIN)/python -m tests.docgen samples/

clean:
	rm -rf $(VENV) $(HOME_DIR) .pytest_cache build *.egg-info
