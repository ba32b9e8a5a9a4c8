#!/usr/bin/env python3
"""PyTorch references for traintop's convolutional layers (issue 11), in the manner of generate.py.

Run from this folder:  python3 generate_cnn.py     (needs torch, numpy, safetensors)
Writes:
  cnn.json                       float64 layer cases: Conv2d (stride 2 + padding 1), MaxPool2d
                                 (3, stride 2, padding 1), AvgPool2d (2; 3 stride 2 padding 1),
                                 AdaptiveAvgPool2d(1), BatchNorm2d (2 train passes + eval), and the
                                 whole peer CNN (logits, cross-entropy loss, every parameter gradient)
  cnn_parity/parity.json         the peer CNN trained with Adam 1e-3 on the first 100 batches of 128
  cnn_parity/cnn_init.safetensors   its initial weights (PyTorch default init, seed 4321), float32
The MNIST files are read from ../../../datasets/mnist/ (the project's copy).
"""
import gzip
import math
import struct
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from generate_helpers import META, tens, write_json

HERE = Path(__file__).resolve().parent
MNIST_DIR = HERE.parent.parent.parent / "datasets" / "mnist"
SEED = 11
PARITY_SEED = 4321

torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)


def run_module(m, x, g, param_names):
    """Forward, then backward of the given upstream gradient; parameter grads start at zero."""
    x = x.clone().requires_grad_(True)
    for p in m.parameters():
        p.grad = None
    y = m(x)
    y.backward(g)
    params = dict(m.named_parameters())
    return {"input": tens(x), "upstream_grad": tens(g), "output": tens(y), "grad_input": tens(x.grad),
            "params": {n: tens(params[n]) for n in param_names},
            "grad_params": {n: tens(params[n].grad) for n in param_names}}


def layer_cases():
    torch.manual_seed(SEED)
    cases = []
    conv = nn.Conv2d(3, 4, kernel_size=3, stride=2, padding=1)
    x = torch.randn(2, 3, 7, 6)
    cases.append(dict(name="conv2d_stride2_pad1", module="Conv2d(3, 4, kernel_size=3, stride=2, padding=1)",
                      **run_module(conv, x, torch.randn(2, 4, 4, 3), ["weight", "bias"])))
    x = torch.randn(1, 2, 7, 7)
    cases.append(dict(name="maxpool2d_k3s2p1", module="MaxPool2d(3, stride=2, padding=1)",
                      **run_module(nn.MaxPool2d(3, stride=2, padding=1), x, torch.randn(1, 2, 4, 4), [])))
    x = torch.randn(2, 3, 4, 4)
    cases.append(dict(name="avgpool2d", module="AvgPool2d(2)",
                      **run_module(nn.AvgPool2d(2), x, torch.randn(2, 3, 2, 2), [])))
    x = torch.randn(1, 2, 7, 7)
    cases.append(dict(name="avgpool2d_k3s2p1", module="AvgPool2d(3, stride=2, padding=1) (count_include_pad=True)",
                      **run_module(nn.AvgPool2d(3, stride=2, padding=1), x, torch.randn(1, 2, 4, 4), [])))
    x = torch.randn(2, 3, 5, 4)
    cases.append(dict(name="global_avgpool", module="AdaptiveAvgPool2d(1)",
                      **run_module(nn.AdaptiveAvgPool2d(1), x, torch.randn(2, 3, 1, 1), [])))
    return cases


def batchnorm2d_case():
    """Two training passes then one evaluation pass of BatchNorm2d(3), like layers.json's BatchNorm1d."""
    torch.manual_seed(SEED + 1)
    bn = nn.BatchNorm2d(3)
    with torch.no_grad():
        bn.weight.copy_(torch.tensor([0.5, 1.5, -1.0]))
        bn.bias.copy_(torch.tensor([0.1, 0.0, -0.2]))
    initial = {"weight": tens(bn.weight), "bias": tens(bn.bias), "running_mean": tens(bn.running_mean),
               "running_var": tens(bn.running_var)}
    passes = []
    for mode in ["train", "train", "eval"]:
        bn.train(mode == "train")
        x = torch.randn(2, 3, 4, 5) * 2 + 0.5
        g = torch.randn(2, 3, 4, 5)
        entry = run_module(bn, x, g, ["weight", "bias"])
        del entry["params"]
        entry.update(mode=mode, running_mean_after=tens(bn.running_mean), running_var_after=tens(bn.running_var),
                     num_batches_tracked_after=int(bn.num_batches_tracked))
        passes.append(entry)
    return {"name": "batchnorm2d", "module": "BatchNorm2d(3) (momentum 0.1, eps 1e-5)", "initial": initial,
            "passes": passes}


def peer():
    return nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Flatten(), nn.Linear(32 * 7 * 7, 10))


def whole_cnn_case():
    """The peer CNN on 4 random 28×28 images: logits, mean cross-entropy and every parameter gradient."""
    torch.manual_seed(SEED + 2)
    model = peer()
    x = torch.rand(4, 1, 28, 28)
    y = torch.tensor([3, 0, 7, 7])
    logits = model(x)
    loss = F.cross_entropy(logits, y)
    loss.backward()
    named = dict(model.named_parameters())
    return {"name": "peer_cnn", "module": str(model).replace("\n", " "), "input": tens(x), "labels": y.tolist(),
            "params": {n: tens(p) for n, p in named.items()}, "logits": tens(logits), "loss": loss.item(),
            "grad_params": {n: tens(p.grad) for n, p in named.items()}}


def read_idx(path, header, count, item):
    with gzip.open(path, "rb") as f:
        f.read(header)
        return np.frombuffer(f.read(count * item), dtype=np.uint8)


def parity():
    """The peer CNN in float32, Adam(lr 1e-3), batches 0..99 of 128 in file order, x = pixel/255."""
    from safetensors.torch import save_file
    steps, batch = 100, 128
    count = steps * batch
    X = read_idx(MNIST_DIR / "train-images-idx3-ubyte.gz", 16, count, 784).reshape(count, 1, 28, 28)
    Y = read_idx(MNIST_DIR / "train-labels-idx1-ubyte.gz", 8, count, 1).astype(np.int64)
    torch.manual_seed(PARITY_SEED)
    model = peer().float()
    init = {k: v.detach().clone().contiguous() for k, v in model.state_dict().items()}
    outdir = HERE / "cnn_parity"
    outdir.mkdir(exist_ok=True)
    save_file(init, str(outdir / "cnn_init.safetensors"),
              metadata={"description": "the peer CNN of generate_cnn.py, PyTorch default init (seed 4321); "
                                       "Sequential names, Conv2d weight [out, in, kH, kW], Linear [out, in]"})
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, foreach=False)
    X = torch.from_numpy(X.copy()).float() / 255.0
    Yt = torch.from_numpy(Y.copy())
    losses = []
    for k in range(steps):
        opt.zero_grad(set_to_none=True)
        loss = F.cross_entropy(model(X[k * batch:(k + 1) * batch]), Yt[k * batch:(k + 1) * batch])
        loss.backward()
        losses.append(loss.item())
        opt.step()
    write_json("cnn_parity/parity.json", {
        "meta": dict(META, generator="generate_cnn.py", dtype="float32", seed=PARITY_SEED, threads=1),
        "model": str(model).replace("\n", " "), "init_file": "cnn_init.safetensors",
        "data": {"images": "datasets/mnist/train-images-idx3-ubyte.gz, first 12800 in file order, pixel/255",
                 "batch_size": batch},
        "optimizer": {"name": "Adam", "lr": 1e-3, "betas": [0.9, 0.999], "eps": 1e-8, "weight_decay": 0.0},
        "steps": steps, "loss_per_step": losses})


if __name__ == "__main__":
    write_json("cnn.json", {
        "meta": dict(META, generator="generate_cnn.py", dtype="float64", seed=SEED,
                     note="Tensors are {shape, data}, row-major (NCHW activations, OIHW weights). Gradients are "
                          "one backward pass of the output with the given upstream gradient."),
        "layers": layer_cases(), "batchnorm2d": batchnorm2d_case(), "peer_cnn": whole_cnn_case()})
    parity()
