# Everything a fresh machine needs: `make run` and `make test` create the virtual environment first.
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
STAMP := $(VENV)/.paperkit-installed

.PHONY: run test bench venv clean

venv: $(STAMP)

# --no-cache-dir: torch and its CUDA libraries are several GB; a copy in pip's cache as well as in the
# venv doubled what a fresh machine needed on disk (a CI run ran out of space installing them).
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --no-cache-dir -e '.[dev]'
	# An editable install is not compiled: Python's bytecode, written once here, spares every command
	# the parser's compilation (about 0.3 s) where PYTHONDONTWRITEBYTECODE is set.
	$(PY) -m compileall -q paperkit
	touch $(STAMP)

# The main job on the embedded default data: no network, no download.
run: $(STAMP)
	$(VENV)/bin/paperkit reproduce colorization --overfit

test: $(STAMP)
	$(PY) -m pytest -q -n 2 --dist loadfile

bench: $(STAMP)
	$(PY) -m pip install --quiet --no-cache-dir -e '.[dev,bench]'
	$(PY) -m benchmarks

clean:
	rm -rf $(VENV) build dist *.egg-info
