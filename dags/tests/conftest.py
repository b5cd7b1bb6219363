"""Shared fixtures: the DAG folder parsed once through DagBag, as the scheduler would parse it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

DAGS_DIR = Path(__file__).resolve().parents[1]
REPO_ROOT = DAGS_DIR.parent
# Lets tests import the DAG module for its constants, as the DAG processor would load it.
sys.path.insert(0, str(DAGS_DIR))
# Before Airflow is imported: dag.test() syncs the DAGs folder's bundle to the metadata DB and
# must find this DAG there, without the example DAGs.
os.environ.setdefault("AIRFLOW__CORE__DAGS_FOLDER", str(DAGS_DIR))
os.environ.setdefault("AIRFLOW__CORE__LOAD_EXAMPLES", "False")



@pytest.fixture(scope="session")
def dagbag():
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(str(DAGS_DIR))


@pytest.fixture(scope="session")
def dag(dagbag):
    return dagbag.dags["service_quality_monthly"]
