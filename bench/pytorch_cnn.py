#!/usr/bin/env python3
"""The peer CNN of issue 11 in PyTorch (CPU): training samples/s at batch 128 on real MNIST.

Not part of `make test` (needs torch). Run:  python3 bench/pytorch_cnn.py [--threads 1 2] [--steps 200]
Compare with `make bench` (traintop's "cnn-small step" rows) on the same machine.
"""
import argparse
import gzip
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

ROOT = Path(__file__).resolve().parent.parent


def mnist(count):
    with gzip.open(ROOT / "datasets/mnist/train-images-idx3-ubyte.gz", "rb") as f:
        f.read(16)
        x = np.frombuffer(f.read(count * 784), dtype=np.uint8).reshape(count, 1, 28, 28)
    with gzip.open(ROOT / "datasets/mnist/train-labels-idx1-ubyte.gz", "rb") as f:
        f.read(8)
        y = np.frombuffer(f.read(count), dtype=np.uint8).astype(np.int64)
    return torch.from_numpy(x.copy()).float() / 255.0, torch.from_numpy(y.copy())


def peer():
    return nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Flatten(), nn.Linear(32 * 7 * 7, 10))


def measure(threads, steps, batch, x, y):
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    model = peer()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    batches = x.shape[0] // batch

    def step(k):
        i = k % batches
        opt.zero_grad(set_to_none=True)
        F.cross_entropy(model(x[i * batch:(i + 1) * batch]), y[i * batch:(i + 1) * batch]).backward()
        opt.step()

    for k in range(20):
        step(k)
    start = time.perf_counter()
    for k in range(steps):
        step(k)
    return steps * batch / (time.perf_counter() - start)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--batch", type=int, default=128)
    args = parser.parse_args()
    x, y = mnist(60000)
    print(f"PyTorch {torch.__version__} peer CNN, batch {args.batch}, {args.steps} steps")
    for threads in args.threads:
        print(f"  {threads} thread(s): {measure(threads, args.steps, args.batch, x, y):,.0f} samples/s")


if __name__ == "__main__":
    main()
