"""The provenance facts the Python worker writes itself (a Slurm task's lines reach its log unchanged)."""

import hashlib
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "main", "python"))

from reprolab_worker import events, provenance  # noqa: E402


def test_every_event_line_carries_the_format_version(tmp_path, monkeypatch):
    out = open(tmp_path / "events.jsonl", "w")
    monkeypatch.setattr(sys, "stdout", out)
    writer = events.EventWriter()
    writer.write("failed", reason="x", iteration=-1, cause="error")
    out.close()
    line = (tmp_path / "events.jsonl").read_text().strip()
    assert json.loads(line)["formatVersion"] == 2


def test_data_checksums_name_each_idx_file_against_the_working_folder(tmp_path, monkeypatch):
    (tmp_path / "images.idx").write_bytes(b"pixels")
    monkeypatch.chdir(tmp_path)
    sums = provenance.data_checksums({"source": "idx", "imagesPath": "images.idx", "labelsPath": "missing.idx"}, "/nowhere")
    assert sums[str(tmp_path / "images.idx")] == hashlib.sha256(b"pixels").hexdigest()
    assert sums[str(tmp_path / "missing.idx")].startswith("unreadable: ")
    assert provenance.data_checksums({"source": "synthetic"}, "/nowhere") == {}


def test_the_sample_is_found_under_the_home(tmp_path):
    files = provenance.data_files({"source": "mnist-sample"}, str(tmp_path))
    assert files == [str(tmp_path / "sample-data" / "mnist-10k-images-idx3-ubyte.gz"),
                     str(tmp_path / "sample-data" / "mnist-10k-labels-idx1-ubyte.gz")]


def test_cpu_flags_come_from_the_first_flags_line(tmp_path):
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text("processor : 0\nflags\t\t: fpu sse2 avx2\nflags : other\n")
    assert provenance.cpu_flags(str(cpuinfo)) == "fpu sse2 avx2"
    assert provenance.cpu_flags(str(tmp_path / "none")) == ""


def test_the_host_of_a_slurm_task_is_its_node(monkeypatch):
    monkeypatch.setenv("SLURMD_NODENAME", "n2")
    assert provenance.hostname() == "n2"
    monkeypatch.delenv("SLURMD_NODENAME")
    assert provenance.hostname() == __import__("socket").gethostname()
