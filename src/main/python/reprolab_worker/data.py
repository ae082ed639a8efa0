"""The same examples, split and epoch order as the Java side (``reprolab.data``).

Reads IDX files (raw or gzip, detected by magic bytes), pixels become ``value / 255`` in
float32; draws the stratified split and the per-epoch permutation with the SplittableRandom
port, so a PyTorch run trains on the very batches a DL4J run with the same seeds trains on.
"""

import gzip
import math
import os
import struct
import zlib

from .splitmix import SplittableRandom, mix64, shuffle, MASK64

SAMPLE_IMAGES = "mnist-10k-images-idx3-ubyte.gz"
SAMPLE_LABELS = "mnist-10k-labels-idx1-ubyte.gz"
CLASSES = 10
SYNTHETIC_SEED = 0x5EEDDA7A


class DataError(Exception):
    """A data file is missing or bad, or the sizes do not fit; the message is for the user."""


class Examples:
    """``count`` images of ``rows x cols`` as one flat list of float32 bytes, plus labels."""

    def __init__(self, rows, cols, pixels, labels):
        self.rows, self.cols, self.pixels, self.labels = rows, cols, pixels, labels
        self.classes = CLASSES


def files(data_spec, home):
    """The data files a spec reads, by path as read (as ``ExampleLoader.files``): the sample's, or the
    IDX paths (relative ones against the working folder); none for synthetic data."""
    source = data_spec.get("source")
    if source == "mnist-sample":
        folder = os.path.join(home, "sample-data")
        return [os.path.join(folder, SAMPLE_IMAGES), os.path.join(folder, SAMPLE_LABELS)]
    if source == "idx":
        return [os.path.join(os.getcwd(), data_spec["imagesPath"]), os.path.join(os.getcwd(), data_spec["labelsPath"])]
    return []


def load(data_spec, home):
    """Loads what the spec's ``data`` section names."""
    source = data_spec.get("source")
    if source in ("mnist-sample", "idx"):
        return read_idx(*files(data_spec, home))
    if source == "synthetic":
        return synthetic(data_spec["trainSize"] + data_spec["validationSize"])
    raise DataError("data.source %r is not supported by the PyTorch worker" % source)


# the limits of ``reprolab.data.IdxReader``: a header declaring more is refused before anything is read,
# and no more than the declared bytes are ever decompressed (a gzip bomb cannot fill the memory)
MAX_COUNT = 10_000_000
MAX_SIDE = 1024
MAX_PIXELS = (1 << 31) - 1 - 8


def _open(path):
    """The file's bytes as a stream, gunzipped on the fly when it starts with gzip's magic."""
    try:
        f = open(path, "rb")
    except OSError as e:
        raise DataError("cannot read %s: %s" % (path, e.strerror or e))
    if f.read(2) == b"\x1f\x8b":
        f.seek(0)
        return gzip.GzipFile(fileobj=f, mode="rb")
    f.seek(0)
    return f


def _read_exactly(stream, count, path):
    """``count`` bytes (fewer only at the end of the file): a bounded read, never the whole stream."""
    try:
        chunks, left = [], count
        while left > 0:
            chunk = stream.read(min(left, 1 << 24))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    except (OSError, EOFError, zlib.error) as e:
        raise DataError("%s is not a valid gzip file: %s" % (path, e))


def _check_count(count, path, what):
    if count < 1 or count > MAX_COUNT:
        raise DataError("%s declares %d %s; the count must be 1..%d." % (path, count, what, MAX_COUNT))


def read_idx(images_path, labels_path):
    """IDX3 unsigned-byte images and IDX1 labels in 0..9, each read only as far as its header declares."""
    with _open(images_path) as images, _open(labels_path) as labels:
        head = _read_exactly(images, 16, images_path)
        if len(head) < 16 or struct.unpack(">I", head[:4])[0] != 0x803:
            raise DataError("%s is not an IDX3 unsigned-byte images file" % images_path)
        label_head = _read_exactly(labels, 8, labels_path)
        if len(label_head) < 8 or struct.unpack(">I", label_head[:4])[0] != 0x801:
            raise DataError("%s is not an IDX1 unsigned-byte labels file" % labels_path)
        count, rows, cols = struct.unpack(">III", head[4:16])
        _check_count(count, images_path, "images")
        if not (1 <= rows <= MAX_SIDE and 1 <= cols <= MAX_SIDE) or count * rows * cols > MAX_PIXELS:
            raise DataError("%s declares %d images of %dx%d; sides must be 1..%d and at most %d pixels in all."
                            % (images_path, count, rows, cols, MAX_SIDE, MAX_PIXELS))
        label_count = struct.unpack(">I", label_head[4:8])[0]
        _check_count(label_count, labels_path, "labels")
        if count != label_count:
            raise DataError("%s holds %d images but %s %d labels" % (images_path, count, labels_path, label_count))
        body = _read_exactly(images, count * rows * cols, images_path)
        label_bytes = _read_exactly(labels, count, labels_path)
    if len(body) != count * rows * cols or len(label_bytes) < count:
        raise DataError("%s or %s is truncated" % (images_path, labels_path))
    values = list(label_bytes)
    if any(v >= CLASSES for v in values):
        raise DataError("%s holds a label outside 0..9" % labels_path)
    return Examples(rows, cols, body, values)


def synthetic(count):
    """Gaussian noise with uniform labels, as ``SyntheticData.generate`` (pixels may differ from
    Java's in the last bit: Python's log is the C library's, Java's is StrictMath's)."""
    rng = SplittableRandom(SYNTHETIC_SEED)
    pixels = []
    labels = []
    for _ in range(count):
        labels.append(rng.next_int(CLASSES))
        for _ in range(28 * 28):
            pixels.append(_gaussian(rng))
    return Examples(28, 28, struct.pack("<%df" % len(pixels), *pixels), labels)


def _gaussian(rng):
    while True:
        u = 2 * rng.next_double() - 1
        v = 2 * rng.next_double() - 1
        s = u * u + v * v
        if 0 < s < 1:
            return u * math.sqrt(-2 * math.log(s) / s)


def largest_remainder(sizes, total, capacity):
    """Hamilton apportionment with capacities, as ``Apportion.largestRemainder``."""
    population = sum(sizes)
    shares = [0] * len(sizes)
    if population == 0 or total == 0:
        return shares
    remainders = []
    for c, size in enumerate(sizes):
        exact = total * size
        shares[c] = min(exact // population, capacity[c])
        remainders.append(exact - shares[c] * population)
    order = sorted(range(len(sizes)), key=lambda c: (-remainders[c], c))
    given = sum(shares)
    while given < total:
        before = given
        for c in order:
            if given < total and shares[c] < capacity[c]:
                shares[c] += 1
                given += 1
        if given == before:
            raise DataError("capacities hold fewer than %d" % total)
    return shares


def stratified_split(labels, classes, train_size, validation_size, seed):
    """The seeded stratified split of ``StratifiedSplit.split``: (train indices, validation indices)."""
    if train_size + validation_size > len(labels):
        raise DataError("data.trainSize %d + data.validationSize %d = %d is more than the %d examples the data "
                        "set has." % (train_size, validation_size, train_size + validation_size, len(labels)))
    by_class = [[] for _ in range(classes)]
    for i, label in enumerate(labels):
        by_class[label].append(i)
    sizes = [len(members) for members in by_class]
    train_quota = largest_remainder(sizes, train_size, sizes)
    room = [sizes[c] - train_quota[c] for c in range(classes)]
    validation_quota = largest_remainder(sizes, validation_size, room)
    rng = SplittableRandom(seed)
    train, validation = [], []
    for c in range(classes):
        members = by_class[c]
        shuffle(members, rng)
        train.extend(members[:train_quota[c]])
        validation.extend(members[train_quota[c]:train_quota[c] + validation_quota[c]])
    shuffle(train, rng)
    shuffle(validation, rng)
    return train, validation


def epoch_seed(seed, epoch):
    """As ``EpochOrder.epochSeed``: two finaliser rounds so consecutive epochs are unrelated."""
    return mix64((mix64(seed) + GOLDEN * (epoch + 1)) & MASK64)


GOLDEN = 0x9E3779B97F4A7C15


def permutation(n, shuffle_seed, epoch):
    """The order of the training examples in one epoch, as ``EpochOrder.permutation``."""
    order = list(range(n))
    shuffle(order, SplittableRandom(epoch_seed(shuffle_seed, epoch)))
    return order
