"""The probe on real scripts in real processes (python3 -m reprolab_probe), and its checksum."""

import json
import os
import subprocess
import sys
from typing import Any, Dict, List, Optional

import pytest
import torch

from reprolab_probe import checksum

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "..", "..", "main", "python")
SCRIPTS = os.path.join(HERE, "probe_scripts")


def probe(script: str, *options: str, events: Optional[str] = None, timeout: float = 120) -> Dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=SOURCE, PYTHONHASHSEED="0")
    command = [sys.executable, "-m", "reprolab_probe"] + list(options) + [os.path.join(SCRIPTS, script)]
    if events:
        command[3:3] = ["--events", events]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout)
    lines = done.stdout if events is None else open(events, encoding="utf-8").read()
    return {"code": done.returncode, "events": [json.loads(line) for line in lines.splitlines()],
            "stderr": done.stderr}


def iterations(run: Dict[str, Any]) -> List[Dict[str, Any]]:
    return [e for e in run["events"] if e["type"] == "iteration"]


def test_events_take_stdout_and_the_script_prints_to_the_log():
    run = probe("seeded.py", "--seed", "5")
    assert run["code"] == 0
    assert [e["type"] for e in run["events"]] == ["started"] + ["iteration"] * 4 + ["finished"]
    assert all(e["formatVersion"] == 2 for e in run["events"])
    assert "loss" in run["stderr"]  # the script's print went to the log, not among the events


def test_a_seeded_script_is_identical_in_two_processes(tmp_path):
    first = probe("seeded.py", events=str(tmp_path / "a.jsonl"))  # no --seed: each run draws one
    second = probe("seeded.py", events=str(tmp_path / "b.jsonl"))
    assert [i["modelHash"] for i in iterations(first)] == [i["modelHash"] for i in iterations(second)]
    started = first["events"][0]["provenance"]
    assert started["environment"]["script.seeding"] == "the script seeds itself: torch.manual_seed(0)"


def test_an_unseeded_script_differs_at_iteration_0_in_its_first_layer_unless_seeded(tmp_path):
    a = iterations(probe("unseeded.py", "--seed", "1", events=str(tmp_path / "a.jsonl")))
    b = iterations(probe("unseeded.py", "--seed", "2", events=str(tmp_path / "b.jsonl")))
    c = iterations(probe("unseeded.py", "--seed", "1", events=str(tmp_path / "c.jsonl")))
    assert a[0]["layers"][0]["layer"] == "fc1.weight"
    assert a[0]["layers"][0]["hash"] != b[0]["layers"][0]["hash"]
    assert [i["modelHash"] for i in a] == [i["modelHash"] for i in c]
    assert len(a) == 3  # the LR scheduler's rewrap of step() still counts each step once


def test_two_optimizers_name_both_networks_parameters():
    run = probe("gan.py", "--seed", "1")
    names = run["events"][0]["provenance"]["layers"]
    assert names == ["netG.0.weight", "netG.0.bias", "netG.2.weight", "netG.2.bias",
                     "netD.0.weight", "netD.0.bias", "netD.2.weight", "netD.2.bias"]  # optimizers' order
    assert len(iterations(run)) == 5  # iteration 0 and four steps, two of each optimizer


def test_a_crash_is_a_failed_run_with_the_tail_of_its_traceback():
    run = probe("crash.py", "--seed", "1")
    failed = run["events"][-1]
    assert run["code"] == 1 and failed["type"] == "failed" and failed["cause"] == "error"
    assert "ValueError: bad batch shape 7" in failed["reason"] and "crash.py" in failed["reason"]
    assert failed["iteration"] == 1


def test_a_script_without_step_says_so():
    run = probe("no_step.py", "--seed", "1")
    assert run["events"][-1]["type"] == "failed"
    assert "without calling any optimizer's step()" in run["events"][-1]["reason"]


def test_a_script_that_runs_forever_is_stopped_by_the_time_limit():
    run = probe("forever.py", "--seed", "1", "--time", "3", timeout=60)
    failed = run["events"][-1]
    assert failed["type"] == "failed" and failed["cause"] == "timeout" and failed["iteration"] > 0


@pytest.mark.parametrize("numel", [1, 2, 7, 1000, checksum.CHUNK_WORDS * 2 + 3])
def test_the_checksum_is_the_dot_product_of_the_words_mod_2_to_the_64(numel):
    t = torch.randn(numel, generator=torch.Generator().manual_seed(numel))
    raw = t.numpy().tobytes() + b"\0" * (-len(t.numpy().tobytes()) % 8)
    words = [int.from_bytes(raw[i:i + 8], "little", signed=True) for i in range(0, len(raw), 8)]
    w = checksum.weights(torch.device("cpu")).tolist()
    expected = [sum(x * w[j] for j, x in enumerate(words[c:c + checksum.CHUNK_WORDS])) % (1 << 64)
                for c in range(0, len(words), checksum.CHUNK_WORDS)] if numel < 5000 else None
    got = [int(s) % (1 << 64) for s in checksum._chunk_sums(t)]
    if expected is not None:
        assert got == expected
    assert len(got) == (len(words) + checksum.CHUNK_WORDS - 1) // checksum.CHUNK_WORDS


def test_every_single_bit_flip_changes_the_hash():
    t = torch.randn(6, 5)
    base = checksum.fingerprints([t])[0][0]
    bits = t.view(torch.int32).reshape(-1)
    for index in range(bits.numel()):
        for bit in (0, 22, 31):
            flipped = bits.clone()
            flipped[index] ^= (1 << bit) if bit < 31 else -(1 << 31)
            assert checksum.fingerprints([flipped.view(torch.float32).reshape(6, 5)])[0][0] != base


def test_shape_and_dtype_are_part_of_the_hash():
    t = torch.zeros(4, 2)
    assert checksum.fingerprints([t])[0][0] != checksum.fingerprints([t.reshape(2, 4)])[0][0]
    assert checksum.fingerprints([t])[0][0] != checksum.fingerprints([torch.zeros(4, 2, dtype=torch.int32)])[0][0]
