#!/usr/bin/env python3
"""The peer CNN of issue 11 in PyTorch (CPU): MNIST test accuracy after N epochs, for comparison with
`traintop train mnist --model cnn-small --epochs 5`.

Not part of `make test` (needs torch). Run:
  python3 bench/pytorch_cnn_accuracy.py [--epochs 5] [--train-count 54000] [--seeds 0 1 2] [--threads 1]
The peer: conv 1→16 3×3 pad 1, ReLU, maxpool 2, conv 16→32 3×3 pad 1, ReLU, maxpool 2, flatten,
dense 32·7·7→10; Adam 1e-3, batch 128, pixels / 255, cross-entropy. `--train-count 54000` trains on a
random 90 % of the training images, as traintop does by default (it keeps 10 % for validation).
"""
import argparse
import gzip
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

ROOT = Path(__file__).resolve().parent.parent


def idx(images, labels, count):
    with gzip.open(ROOT / "datasets/mnist" / images, "rb") as f:
        f.read(16)
        x = np.frombuffer(f.read(count * 784), dtype=np.uint8).reshape(count, 1, 28, 28)
    with gzip.open(ROOT / "datasets/mnist" / labels, "rb") as f:
        f.read(8)
        y = np.frombuffer(f.read(count), dtype=np.uint8).astype(np.int64)
    return torch.from_numpy(x.copy()).float() / 255.0, torch.from_numpy(y.copy())


def peer():
    return nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Flatten(), nn.Linear(32 * 7 * 7, 10))


def run(seed, epochs, train_count, x, y, tx, ty):
    torch.manual_seed(seed)
    keep = torch.randperm(x.shape[0])[:train_count]
    x, y = x[keep], y[keep]
    model = peer()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(epochs):
        model.train()
        order = torch.randperm(x.shape[0])
        for i in range(0, x.shape[0], 128):
            b = order[i:i + 128]
            opt.zero_grad(set_to_none=True)
            F.cross_entropy(model(x[b]), y[b]).backward()
            opt.step()
    model.eval()
    with torch.no_grad():
        return (model(tx).argmax(1) == ty).float().mean().item()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--train-count", type=int, default=54000)
    parser.add_argument("--seeds", type=int, nargs="+", default=[0])
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    x, y = idx("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", 60000)
    tx, ty = idx("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", 10000)
    for seed in args.seeds:
        accuracy = run(seed, args.epochs, args.train_count, x, y, tx, ty)
        print(f"PyTorch {torch.__version__} peer CNN, {args.epochs} epochs on {args.train_count} images, "
              f"seed {seed}: test accuracy {accuracy:.4f}", flush=True)


if __name__ == "__main__":
    main()
