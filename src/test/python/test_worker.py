"""The worker end to end, in its own process: events, provenance, snapshots, faults."""

import json
import struct

from reprolab_worker import snapshots
import specs


def test_events_carry_the_format_version_and_the_provenance_keys(tmp_path):
    code, events, stderr = specs.run_worker(tmp_path, specs.spec(data={"source": "mnist-sample"}))
    assert code == 0, stderr
    assert {e["formatVersion"] for e in events} == {2}
    provenance = events[0]["provenance"]
    assert provenance["environment"]["hostname"]
    assert provenance["cpuFlags"]
    assert len(provenance["dataChecksums"]) == 2


def test_snapshots_are_written_at_zero_every_k_and_the_end(tmp_path):
    code, events, stderr = specs.run_worker(tmp_path, specs.spec(data={"trainSize": 60}, runs={"snapshotEvery": 2}))
    assert code == 0, stderr
    raw = (tmp_path / ("run-01" + snapshots.FILE_SUFFIX)).read_bytes()
    assert raw[:8] == snapshots.MAGIC
    length = struct.unpack(">I", raw[8:12])[0]
    header = json.loads(raw[12:12 + length])
    assert [layer["name"] for layer in header["layers"]] == ["conv_0", "dense_0", "output"]
    record = 4 + 4 * sum(layer["count"] for layer in header["layers"])
    body = raw[12 + length:]
    assert len(body) == 3 * record  # iterations 0, 2 and the last (3)
    assert [struct.unpack(">i", body[i * record:i * record + 4])[0] for i in range(3)] == [0, 2, 3]


def test_an_injected_fault_and_bad_data_are_failed_events(tmp_path):
    code, events, _ = specs.run_worker(tmp_path, specs.spec(), env={"REPROLAB_INJECT_FAULT": "nan-loss@1"})
    assert code == 1 and events[-1]["cause"] == "diverged" and events[-1]["iteration"] == 1
    code, events, _ = specs.run_worker(tmp_path, specs.spec(data={"source": "idx", "imagesPath": "nope",
                                                                  "labelsPath": "nope"}))
    assert code == 1 and events[-1]["cause"] == "error" and "nope" in events[-1]["reason"]
