"""publish_reports: a no-op unless a destination is configured; then it copies manifest and PDFs."""

from __future__ import annotations

import pytest


@pytest.fixture
def publish(dag):
    return dag.get_task("publish_reports").python_callable


@pytest.fixture
def rendered(tmp_path):
    month = tmp_path / "out" / "2025-09"
    month.mkdir(parents=True)
    (month / "manifest.csv").write_text("client,file,pages,sha256,run_id\n", encoding="utf-8")
    (month / "C001.pdf").write_bytes(b"%PDF-1.7 a")
    (month / "_overview.pdf").write_bytes(b"%PDF-1.7 b")
    (month / "scratch.tmp").write_text("not delivered")
    return tmp_path / "out"


def test_publish_does_nothing_without_a_destination(publish, rendered):
    assert publish("2025-09", str(rendered), "") == []


def test_publish_copies_manifest_and_pdfs_of_the_month(publish, rendered, tmp_path):
    dest = tmp_path / "delivery"
    copied = publish("2025-09", str(rendered), str(dest))
    assert sorted(copied) == ["C001.pdf", "_overview.pdf", "manifest.csv"]
    assert sorted(p.name for p in (dest / "2025-09").iterdir()) == ["C001.pdf", "_overview.pdf", "manifest.csv"]
    assert (dest / "2025-09" / "C001.pdf").read_bytes() == b"%PDF-1.7 a"


def test_publish_fails_when_the_report_step_left_no_manifest(publish, rendered, tmp_path):
    (rendered / "2025-09" / "manifest.csv").unlink()
    with pytest.raises(FileNotFoundError):
        publish("2025-09", str(rendered), str(tmp_path / "delivery"))
