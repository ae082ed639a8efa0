"""Raw parameter snapshots in the file format of ``reprolab.events.SnapshotHeader``, which the Java
side reads (``SnapshotFiles``) for exact distances and the time to chaos.

Layout: the 8 bytes ``RLPARAMS``, a 4-byte big-endian header length, the header as UTF-8 JSON
(``{"schemaVersion":1,"dataType":"float","byteOrder":"little-endian","layers":[{"name":..,"count":..}]}``),
then per snapshot a 4-byte big-endian iteration number and every parameter, layer after layer in
forward order (``model.layer_tensors``' order), as the raw values the model holds. Written at
iteration 0, every ``every`` updates and at the end (as ``SnapshotWriter``); each record is flushed
whole before training goes on, so a killed worker leaves every earlier one readable.
"""

import json
import os
import struct
import sys
from typing import BinaryIO, List, Optional


from .model import layer_tensors

MAGIC = b"RLPARAMS"
SCHEMA_VERSION = 1
FILE_SUFFIX = ".params"


def file_for(run_spec_path: Optional[str], run_id: str) -> Optional[str]:
    """``runs/<id>.params`` next to the run spec, as ``WorkerMain.snapshotFile``; None without one."""
    return None if not run_spec_path else os.path.join(os.path.dirname(os.path.abspath(run_spec_path)),
                                                       run_id + FILE_SUFFIX)


class SnapshotWriter:
    def __init__(self, net, every: int, out: BinaryIO):
        self.net, self.every, self.out = net, every, out
        self.last_written = -1

    @classmethod
    def open(cls, net, every: int, path: str) -> "SnapshotWriter":
        tensors = [t for _, m in net.parameter_layers() for t in layer_tensors(m)]
        width = tensors[0].element_size() if tensors else 4
        header = {"schemaVersion": SCHEMA_VERSION, "dataType": "double" if width == 8 else "float",
                  "byteOrder": "little-endian" if sys.byteorder == "little" else "big-endian",
                  "layers": [{"name": name, "count": sum(t.numel() for t in layer_tensors(m))}
                             for name, m in net.parameter_layers()]}
        encoded = json.dumps(header, separators=(",", ":")).encode("utf-8")
        out = open(path, "wb")
        out.write(MAGIC + struct.pack(">I", len(encoded)) + encoded)
        out.flush()
        return cls(net, every, out)

    def at_iteration(self, iteration: int) -> None:
        if iteration % self.every == 0:
            self._write(iteration)

    def at_end(self, iteration: int) -> None:
        if iteration != self.last_written:
            self._write(iteration)

    def _write(self, iteration: int) -> None:
        chunks: List[bytes] = [struct.pack(">i", iteration)]
        for _, module in self.net.parameter_layers():
            for tensor in layer_tensors(module):
                chunks.append(tensor.detach().to("cpu").contiguous().numpy().tobytes())
        self.out.write(b"".join(chunks))
        self.out.flush()
        self.last_written = iteration

    def close(self) -> None:
        self.out.close()


def open_for(net, every: int, path: Optional[str]) -> Optional[SnapshotWriter]:
    """A writer when snapshots are asked for and the run has a folder; a note on stderr otherwise."""
    if every <= 0:
        return None
    if path is None:
        print("reprolab worker: runs.snapshotEvery is ignored for a run outside an experiment folder", file=sys.stderr)
        return None
    return SnapshotWriter.open(net, every, path)



