# Two commands for a fresh machine: `make run` (archive the samples and serve them) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOME_DIR ?= ./var
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run test lint venv samples sample-files clean

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
	$(MAKE) --no-print-directory sample-files
	$(BIN)/archive --home $(HOME_DIR) serve --host $(HOST) --port $(PORT)

test: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

# A small fonds with a file plan for two years, open and closed files and a meeting file, filed with the
# samples (by their symbols); run again, each step says it was done already and the next goes on.
sample-files: venv
	-$(BIN)/archive --home $(HOME_DIR) fonds add TUQT "Phông Tỉnh ủy Quảng Trị"
	-$(BIN)/archive --home $(HOME_DIR) files plan import docs/sample-file-plan.csv
	-$(BIN)/archive --home $(HOME_DIR) files add 2024/01.NQ57 57-NQ/TW 205-KH/TU
	-$(BIN)/archive --home $(HOME_DIR) files add 2024/02.VT 89-KL/TU
	-$(BIN)/archive --home $(HOME_DIR) files add 2025/01.CT18 18-CT/TU 527-TB/TU 1537-CV/VPTU
	-$(BIN)/archive --home $(HOME_DIR) files add 2025/02.HN08 168-TB/TW 133-KL/TW 06-QĐi/TU
	-$(BIN)/archive --home $(HOME_DIR) files add 2025/03.VT 2184-CV/VPTW
	-$(BIN)/archive --home $(HOME_DIR) files close 2024/01.NQ57 --date 2025-02-28
	-$(BIN)/archive --home $(HOME_DIR) files close 2024/02.VT --date 2024-12-31

lint: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

samples: venv
	$(BIN)/python -m bench.generators.docgen samples/

clean:
	rm -rf $(VENV) $(HOME_DIR) .pytest_cache build *.egg-info
