#!/usr/bin/env python3
"""How far PyTorch's own 100-step run of the CNN parity test moves under a perturbation of one part in
10⁷ of its initial weights: the floor under `Tests/TrainingTests/CNNParityTests.swift`'s tolerance.

Not part of `make test` (needs torch and safetensors). Run:
  python3 bench/pytorch_cnn_parity_sensitivity.py [--seeds 1 2 3 4] [--scale 1e-7]
It repeats `Tests/Fixtures/oracles/generate_cnn.py`'s parity run (the peer CNN in float32 from
`cnn_parity/cnn_init.safetensors`, Adam 1e-3, batches k = MNIST training samples [128k, 128k + 128) in
file order, pixel / 255, one thread), first as it is (it must give parity.json's losses), then with
every initial weight w replaced by w·(1 + scale·n), n ~ N(0, 1) drawn from `torch.Generator(seed)`, and
prints the largest |loss difference| from parity.json over steps 0–29 and 0–99 and the first step
above 1e-5.
"""
import argparse
import gzip
import json
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from safetensors.torch import load_file

ROOT = Path(__file__).resolve().parent.parent
ORACLE = ROOT / "Tests/Fixtures/oracles/cnn_parity"
STEPS, BATCH = 100, 128


def read_idx(name, header, count, item):
    with gzip.open(ROOT / "datasets/mnist" / name, "rb") as f:
        f.read(header)
        return np.frombuffer(f.read(count * item), dtype=np.uint8)


def peer():
    return nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Flatten(), nn.Linear(32 * 7 * 7, 10))


def losses(x, y, seed=None, scale=0.0):
    init = load_file(str(ORACLE / "cnn_init.safetensors"))
    if seed is not None:
        generator = torch.Generator().manual_seed(seed)
        init = {k: v * (1 + scale * torch.randn(v.shape, generator=generator)) for k, v in init.items()}
    model = peer().float()
    model.load_state_dict(init)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, foreach=False)
    result = []
    for k in range(STEPS):
        optimizer.zero_grad(set_to_none=True)
        loss = F.cross_entropy(model(x[k * BATCH:(k + 1) * BATCH]), y[k * BATCH:(k + 1) * BATCH])
        loss.backward()
        result.append(loss.item())
        optimizer.step()
    return result


def describe(name, run, reference):
    gaps = [abs(a - b) for a, b in zip(run, reference)]
    first = next((k for k, g in enumerate(gaps) if g > 1e-5), None)
    print(f"{name}: max |Δ| steps 0–29 {max(gaps[:30]):.2e}, steps 0–99 {max(gaps):.2e}, "
          f"first step above 1e-5: {first}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 4])
    parser.add_argument("--scale", type=float, default=1e-7)
    args = parser.parse_args()
    torch.set_num_threads(1)
    count = STEPS * BATCH
    x = torch.from_numpy(read_idx("train-images-idx3-ubyte.gz", 16, count, 784)
                         .reshape(count, 1, 28, 28).copy()).float() / 255.0
    y = torch.from_numpy(read_idx("train-labels-idx1-ubyte.gz", 8, count, 1).astype(np.int64).copy())
    reference = json.loads((ORACLE / "parity.json").read_text())["loss_per_step"]
    print(f"PyTorch {torch.__version__}, one thread")
    describe("unperturbed (must be 0)", losses(x, y), reference)
    for seed in args.seeds:
        describe(f"weights × (1 + {args.scale:g}·N(0,1)), seed {seed}", losses(x, y, seed, args.scale), reference)


if __name__ == "__main__":
    main()
