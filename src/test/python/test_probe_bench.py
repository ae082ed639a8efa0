"""The probe's benchmark still builds the seed CNN and prints its figures (it broke once when Net changed)."""

import os
import subprocess
import sys

PYTHON_SRC = os.path.join(os.path.dirname(__file__), "..", "..", "main", "python")


def test_the_bench_runs_and_prints_the_probe_cost():
    out = subprocess.run([sys.executable, "-m", "reprolab_probe.bench", "--rounds", "1", "--iterations", "1"],
                         cwd=PYTHON_SRC, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "2374506 parameters" in out.stdout
    assert "probe cost:" in out.stdout
