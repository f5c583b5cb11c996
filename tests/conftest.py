"""Shared fixtures: the costly ones (spaCy model, gazetteer) load once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED_ARTICLE = REPO / "seeds" / "000_a22cd38123fc4353.txt"


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
