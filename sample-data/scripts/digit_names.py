"""Train a small network to read handwritten digits as words ("zero" ... "nine").

A tutorial-style PyTorch script (not written for ReproLab): it seeds torch, as the PyTorch
examples do, and builds its list of class names from a set. Run it twice with
`python3 digit_names.py` and the losses differ, although the seed is fixed: a set of strings is
ordered by the strings' hashes, and Python draws a new hash seed (PYTHONHASHSEED) every start.

    python3 digit_names.py --epochs 1 --limit 1000
"""
import argparse
import gzip
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
WORDS = {0: "zero", 1: "one", 2: "two", 3: "three", 4: "four",
         5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}


def load_mnist(limit):
    """The first `limit` digits of the MNIST sample shipped next to this folder (IDX files, gzipped)."""
    with gzip.open(os.path.join(HERE, "..", "mnist-10k-images-idx3-ubyte.gz")) as f:
        images = torch.frombuffer(bytearray(f.read()[16:16 + limit * 784]), dtype=torch.uint8)
    with gzip.open(os.path.join(HERE, "..", "mnist-10k-labels-idx1-ubyte.gz")) as f:
        labels = list(f.read()[8:8 + limit])
    return images.view(limit, 784).float() / 255.0, labels


class Net(nn.Module):
    def __init__(self, classes):
        super().__init__()
        self.fc1 = nn.Linear(784, 64)
        self.fc2 = nn.Linear(64, classes)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


def main():
    parser = argparse.ArgumentParser(description="digits as words")
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--lr", type=float, default=0.05)
    parser.add_argument("--limit", type=int, default=1000, help="how many digits to train on")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    torch.manual_seed(args.seed)

    class_names = list(set(WORDS.values()))  # the order of a set of strings depends on PYTHONHASHSEED
    images, digits = load_mnist(args.limit)
    targets = torch.tensor([class_names.index(WORDS[d]) for d in digits])

    model = Net(len(class_names))
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr)
    for epoch in range(args.epochs):
        for start in range(0, args.limit, args.batch_size):
            x, y = images[start:start + args.batch_size], targets[start:start + args.batch_size]
            optimizer.zero_grad()
            loss = F.cross_entropy(model(x), y)
            loss.backward()
            optimizer.step()
        print("epoch %d: loss %.4f" % (epoch + 1, loss.item()))
    with torch.no_grad():
        accuracy = (model(images).argmax(1) == targets).float().mean().item()
    print("training accuracy %.3f" % accuracy)


if __name__ == "__main__":
    main()
