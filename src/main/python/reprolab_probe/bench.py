"""``python3 -m reprolab_probe.bench [--iterations N] [--rounds R] [--threads T] [--batch B]``: the probe's
cost per iteration on the seed CNN (2.4 M parameters, ``reprolab_worker.model``), random MNIST-sized
batches, Adam. Rounds alternate N plain iterations and N iterations whose step goes through the
probe's recorder (fingerprints of every parameter and the event line, written to /dev/null), so
both see the same machine load; prints the median milliseconds per iteration of each and the ratio.
"""

import argparse
import os
import statistics
import time
from typing import Callable, List

import torch
import torch.nn.functional as F

from reprolab_worker.model import SHIPPED, Net

from .channel import EventChannel
from .recorder import Recorder


def main() -> None:
    parser = argparse.ArgumentParser(prog="python3 -m reprolab_probe.bench")
    parser.add_argument("--iterations", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--batch", type=int, default=64)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    net = Net(SHIPPED["seed-cnn"], 28, 28, 10, 0)
    optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)
    recorder = Recorder(EventChannel(open(os.devnull, "w", encoding="utf-8")), lambda layers: {}, "bench")
    recorder.adopt(optimizer)
    x, y = torch.rand(args.batch, 784), torch.randint(0, 10, (args.batch,))

    def iteration(step: Callable[[], None]) -> float:
        t = time.perf_counter()
        optimizer.zero_grad()
        loss = F.cross_entropy(net(x), y)
        loss.backward()
        recorder.saw_backward(loss)
        step()
        return (time.perf_counter() - t) * 1000

    plain: List[float] = []
    probed: List[float] = []
    iteration(optimizer.step)  # warm-up: first-call allocations
    for _ in range(args.rounds):
        plain += [iteration(optimizer.step) for _ in range(args.iterations)]
        probed += [iteration(lambda: recorder.step(optimizer.step, (), {})) for _ in range(args.iterations)]
    parameters = sum(p.numel() for p in net.parameters())
    fingerprint = statistics.median(_time(lambda: recorder.layers(), args.iterations))
    a, b = statistics.median(plain), statistics.median(probed)
    print("seed CNN: %d parameters, batch %d, %d thread(s), %d x %d iterations each"
          % (parameters, args.batch, args.threads, args.rounds, args.iterations))
    print("without the probe: %.2f ms per iteration (median)" % a)
    print("with the probe:    %.2f ms per iteration (median)" % b)
    print("fingerprint alone: %.2f ms (median)" % fingerprint)
    print("probe cost:        %+.1f%% of an iteration (target: at most 5%%)" % ((b - a) / a * 100))


def _time(work: Callable[[], object], n: int) -> List[float]:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        work()
        times.append((time.perf_counter() - t) * 1000)
    return times


if __name__ == "__main__":
    main()
