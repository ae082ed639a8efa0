"""A bit-exact port of Java's ``java.util.SplittableRandom`` (the parts ReproLab uses).

The Java side draws the train/validation split, the epoch order, the perturbation and the
synthetic data from SplittableRandom; porting the ~30 lines of SplitMix64 lets both engines
train on exactly the same batches. A Java test (PythonDataTest) compares the two.
"""

MASK64 = (1 << 64) - 1
GOLDEN_GAMMA = 0x9E3779B97F4A7C15


def _signed32(x):
    x &= 0xFFFFFFFF
    return x - (1 << 32) if x >= 1 << 31 else x


def mix64(z):
    """Stafford's variant 13 finaliser, as ``SplittableRandom.mix64`` (unsigned 64-bit result)."""
    z &= MASK64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return z ^ (z >> 31)


def _mix32(z):
    z &= MASK64
    z = ((z ^ (z >> 33)) * 0x62A9D9ED799705F5) & MASK64
    return _signed32((((z ^ (z >> 28)) * 0xCB24D0A5C88C35B3) & MASK64) >> 32)


class SplittableRandom:
    """``new SplittableRandom(seed)``: nextLong, nextInt, nextInt(bound), nextBoolean, nextDouble."""

    def __init__(self, seed):
        self._seed = seed & MASK64

    def _next_seed(self):
        self._seed = (self._seed + GOLDEN_GAMMA) & MASK64
        return self._seed

    def next_long(self):
        """Unsigned 64-bit value (Java's long, read as unsigned)."""
        return mix64(self._next_seed())

    def next_int(self, bound=None):
        """Java's ``nextInt()`` (signed 32-bit) or ``nextInt(bound)`` (0 <= r < bound)."""
        r = _mix32(self._next_seed())
        if bound is None:
            return r
        m = bound - 1
        if bound & m == 0:
            return r & m
        u = (r & 0xFFFFFFFF) >> 1
        while True:
            r = u % bound
            if _signed32(u + m - r) >= 0:
                return r
            u = (_mix32(self._next_seed()) & 0xFFFFFFFF) >> 1

    def next_boolean(self):
        return _mix32(self._next_seed()) < 0

    def next_double(self):
        return (self.next_long() >> 11) * (1.0 / (1 << 53))


def shuffle(values, rng):
    """In-place Fisher-Yates, as ``EpochOrder.shuffle``."""
    for i in range(len(values) - 1, 0, -1):
        j = rng.next_int(i + 1)
        values[i], values[j] = values[j], values[i]
