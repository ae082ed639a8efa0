"""IDX reading: bounded like Java's IdxReader (a gzip bomb is never inflated past what the header
declares), and the provenance's data checksums."""

import gzip
import hashlib
import struct
import tracemalloc
import zlib

import pytest

from reprolab_worker import data, provenance

MIB = 1 << 20


def idx_pair(tmp_path, count=10, rows=28, cols=28, trailing_zeros_mib=0, labels_value=3):
    images = tmp_path / "images.gz"
    header = struct.pack(">IIII", 0x803, count, rows, cols) + bytes(count * rows * cols)
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    with open(images, "wb") as f:
        f.write(compressor.compress(header))
        zeros = bytes(MIB)
        for _ in range(trailing_zeros_mib):
            f.write(compressor.compress(zeros))
        f.write(compressor.flush())
    labels = tmp_path / "labels"
    labels.write_bytes(struct.pack(">II", 0x801, count) + bytes([labels_value]) * count)
    return str(images), str(labels)


def test_a_gzip_bomb_is_read_only_as_far_as_its_header_declares(tmp_path):
    images, labels = idx_pair(tmp_path, trailing_zeros_mib=256)  # 256 MiB of zeros in ~250 KB
    tracemalloc.start()
    examples = data.read_idx(images, labels)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(examples.labels) == 10
    assert peak < 64 * MIB, "inflated %d MiB" % (peak // MIB)


def test_a_header_declaring_more_than_the_limits_is_refused_before_reading(tmp_path):
    images = tmp_path / "images"
    images.write_bytes(struct.pack(">IIII", 0x803, data.MAX_COUNT + 1, 28, 28))
    labels = tmp_path / "labels"
    labels.write_bytes(struct.pack(">II", 0x801, 1) + b"\0")
    with pytest.raises(data.DataError, match="count must be 1..10000000"):
        data.read_idx(str(images), str(labels))
    images.write_bytes(struct.pack(">IIII", 0x803, 1, 5000, 28))
    with pytest.raises(data.DataError, match="sides must be 1..1024"):
        data.read_idx(str(images), str(labels))


def test_truncated_and_foreign_files_are_refused_by_name(tmp_path):
    images, labels = idx_pair(tmp_path)
    short = tmp_path / "short"
    short.write_bytes(gzip.decompress(open(images, "rb").read())[:100])
    with pytest.raises(data.DataError, match="truncated"):
        data.read_idx(str(short), labels)
    with pytest.raises(data.DataError, match="not an IDX1"):
        data.read_idx(images, images)
    with pytest.raises(data.DataError, match="cannot read .*missing"):
        data.read_idx(str(tmp_path / "missing"), labels)
    bad_labels = idx_pair(tmp_path, labels_value=10)[1]
    with pytest.raises(data.DataError, match="outside 0..9"):
        data.read_idx(images, bad_labels)


def test_checksums_are_the_sha256_of_each_file_read(tmp_path):
    images, labels = idx_pair(tmp_path)
    sums = provenance.data_checksums({"source": "idx", "imagesPath": images, "labelsPath": labels}, str(tmp_path))
    assert sums == {images: hashlib.sha256(open(images, "rb").read()).hexdigest(),
                    labels: hashlib.sha256(open(labels, "rb").read()).hexdigest()}
    assert provenance.data_checksums({"source": "synthetic"}, str(tmp_path)) == {}
    missing = provenance.data_checksums({"source": "idx", "imagesPath": str(tmp_path / "x"), "labelsPath": labels}, ".")
    assert missing[str(tmp_path / "x")].startswith("unreadable")
