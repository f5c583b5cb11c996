"""Shared fixtures: the costly ones (spaCy model, gazetteer) load once per session."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED_ARTICLE = REPO / "seeds" / "000_a22cd38123fc4353.txt"


@pytest.fixture(scope="session", autouse=True)
def private_temp_folder(tmp_path_factory: pytest.TempPathFactory):
    """graphbuild's temporary files (the store's LOAD FROM folders) go under
    pytest's own folder: a process a test kills cannot remove its own, and
    they would pile up in /tmp. Commands the tests start inherit TMPDIR."""
    folder = tmp_path_factory.mktemp("tmpdir")
    before = os.environ.get("TMPDIR")
    os.environ["TMPDIR"] = str(folder)
    tempfile.tempdir = None  # gettempdir() reads TMPDIR again
    yield folder
    if before is None:
        os.environ.pop("TMPDIR", None)
    else:
        os.environ["TMPDIR"] = before
    tempfile.tempdir = None


@pytest.fixture(scope="session")
def gazetteer():
    from graphbuild.gazetteer import Gazetteer

    return Gazetteer.load()


@pytest.fixture(scope="session")
def extractor(gazetteer):
    from graphbuild.triples import Extractor

    return Extractor(gazetteer)


@pytest.fixture(scope="session")
def shared_eval() -> Path:
    folder = SHARED / "eval"
    if not folder.is_dir():
        pytest.skip(f"{folder} not found: the dev gold lives in ../shared beside the clone")
    return folder
