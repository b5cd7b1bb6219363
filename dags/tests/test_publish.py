"""publish_reports (SPEC §5): a client's delivery folder receives exactly that client's files of the
manifest; the overview and the manifest go only to the internal destination; nothing else is copied."""

from __future__ import annotations

import hashlib
import random

import pytest

MONTH = "2025-09"


@pytest.fixture
def publish(dag):
    return dag.get_task("publish_reports").python_callable


def render(out, clients: list[str], extra: dict[str, bytes] | None = None, rng: random.Random | None = None):
    """What render_reports leaves: one PDF per client, the overview, the manifest, plus `extra` files."""
    rng = rng or random.Random(0)
    month = out / MONTH
    month.mkdir(parents=True)
    lines = ["client_id,file,pages,sha256,run_id,data_run_id"]
    for client, name in [(c, f"{c}.pdf") for c in clients] + [("*", "_overview.pdf")]:
        body = b"%PDF-1.7 " + client.encode() + b" " + rng.randbytes(32)
        (month / name).write_bytes(body)
        lines.append(f"{client},{name},3,{hashlib.sha256(body).hexdigest()},report-1,metrics-1")
    for name, body in (extra or {}).items():
        (month / name).write_bytes(body)
    (month / "manifest.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def folder(root, *parts) -> dict[str, bytes]:
    """Every file under root/parts, by path relative to it."""
    base = root.joinpath(*parts)
    return {str(p.relative_to(base)): p.read_bytes() for p in sorted(base.rglob("*")) if p.is_file()}


@pytest.fixture
def rendered(tmp_path):
    return render(tmp_path / "out", ["C001", "C002"], extra={"stray.pdf": b"%PDF-1.7 old draft", "scratch.tmp": b"x"})


def test_publish_does_nothing_without_a_destination(publish, rendered):
    assert publish(MONTH, str(rendered), "", "") == []


def test_each_client_folder_receives_only_its_own_pdf(publish, rendered, tmp_path):
    clients, internal = tmp_path / "delivery", tmp_path / "internal"
    copied = publish(MONTH, str(rendered), str(clients), str(internal))
    assert sorted(copied) == ["C001/C001.pdf", "C002/C002.pdf", "internal/_overview.pdf", "internal/manifest.csv"]
    assert folder(clients) == {
        f"C001/{MONTH}/C001.pdf": (rendered / MONTH / "C001.pdf").read_bytes(),
        f"C002/{MONTH}/C002.pdf": (rendered / MONTH / "C002.pdf").read_bytes(),
    }


def test_overview_and_manifest_go_only_to_the_internal_destination(publish, rendered, tmp_path):
    clients, internal = tmp_path / "delivery", tmp_path / "internal"
    publish(MONTH, str(rendered), str(clients), str(internal))
    assert folder(internal) == {
        f"{MONTH}/_overview.pdf": (rendered / MONTH / "_overview.pdf").read_bytes(),
        f"{MONTH}/manifest.csv": (rendered / MONTH / "manifest.csv").read_bytes(),
    }
    assert not [p for p in clients.rglob("*") if p.name in ("_overview.pdf", "manifest.csv")]


def test_without_an_internal_destination_the_overview_is_not_published_at_all(publish, rendered, tmp_path):
    clients = tmp_path / "delivery"
    copied = publish(MONTH, str(rendered), str(clients), "")
    assert sorted(copied) == ["C001/C001.pdf", "C002/C002.pdf"]
    assert sorted(folder(clients)) == [f"C001/{MONTH}/C001.pdf", f"C002/{MONTH}/C002.pdf"]


def test_files_not_in_the_manifest_are_never_copied(publish, rendered, tmp_path):
    clients, internal = tmp_path / "delivery", tmp_path / "internal"
    publish(MONTH, str(rendered), str(clients), str(internal))
    names = {p.name for root in (clients, internal) for p in root.rglob("*") if p.is_file()}
    assert "stray.pdf" not in names and "scratch.tmp" not in names


def test_many_clients_no_folder_ever_holds_another_clients_file(publish, tmp_path):
    rng = random.Random(20250905)
    ids = sorted({f"C{rng.randrange(10000):04d}" for _ in range(60)})
    # Stray PDFs named like other clients' files, or like a client that has no manifest line.
    extra = {"C9999.pdf": b"%PDF-1.7 not listed", "C0000-old.pdf": b"%PDF-1.7 older run", "_overview-draft.pdf": b"x"}
    out = render(tmp_path / "out", ids, extra={k: v for k, v in extra.items() if k[:5] not in ids}, rng=rng)
    clients, internal = tmp_path / "delivery", tmp_path / "internal"
    publish(MONTH, str(out), str(clients), str(internal))
    delivered = folder(clients)
    for client in ids:
        mine = {k: v for k, v in delivered.items() if k.startswith(client + "/")}
        assert mine == {f"{client}/{MONTH}/{client}.pdf": (out / MONTH / f"{client}.pdf").read_bytes()}
        # The content check matters too: each client PDF embeds its own id.
        assert client.encode() in mine[f"{client}/{MONTH}/{client}.pdf"]
    assert sorted({k.split("/")[0] for k in delivered}) == ids


def test_a_manifest_line_giving_a_client_another_clients_file_fails_before_copying(publish, rendered, tmp_path):
    manifest = rendered / MONTH / "manifest.csv"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("C002,C002.pdf", "C002,C001.pdf", 1),
                        encoding="utf-8")
    clients = tmp_path / "delivery"
    with pytest.raises(ValueError, match="C001.pdf"):
        publish(MONTH, str(rendered), str(clients), str(tmp_path / "internal"))
    assert not clients.exists() or folder(clients) == {}


def test_a_pdf_that_differs_from_its_manifest_hash_stops_the_delivery(publish, rendered, tmp_path):
    (rendered / MONTH / "C002.pdf").write_bytes(b"%PDF-1.7 rewritten after the manifest")
    clients = tmp_path / "delivery"
    with pytest.raises(ValueError, match="sha256"):
        publish(MONTH, str(rendered), str(clients), str(tmp_path / "internal"))
    assert not clients.exists() or folder(clients) == {}


def test_internal_destination_inside_the_client_deliveries_is_refused(publish, rendered, tmp_path):
    clients = tmp_path / "delivery"
    with pytest.raises(ValueError, match="inside the client"):
        publish(MONTH, str(rendered), str(clients), str(clients / "C001"))


def test_publish_fails_when_the_report_step_left_no_manifest(publish, rendered, tmp_path):
    (rendered / MONTH / "manifest.csv").unlink()
    with pytest.raises(FileNotFoundError):
        publish(MONTH, str(rendered), str(tmp_path / "delivery"), str(tmp_path / "internal"))
