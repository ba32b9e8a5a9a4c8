"""PyTorch oracle for spatial dropout (issue 11): `Dropout2d(p)` in training mode, float64.

PyTorch's random mask cannot be reproduced, so the file records the mask it drew (one keep-or-drop
per channel of each image, read back from its output) with the input, output, upstream gradient and
input gradient; the Swift test applies that mask and must match the values exactly.

Run: python3 generate_dropout2d.py   (needs torch; writes dropout2d.json next to this file)
"""
import torch
import torch.nn as nn

from generate_helpers import META, tens, write_json

SEED = 23

torch.set_default_dtype(torch.float64)


def case(name, p, shape):
    x = (torch.rand(*shape) + 0.5).requires_grad_(True)  # no zeros, so a dropped channel is all zero
    layer = nn.Dropout2d(p)
    layer.train()
    y = layer(x)
    g = torch.randn(*shape)
    y.backward(g)
    keep = (y.detach() != 0).all(dim=(2, 3)).double()   # [N, C]
    assert torch.equal((y.detach() != 0).any(dim=(2, 3)).double(), keep), "a channel was dropped in part"
    return {"name": name, "module": f"Dropout2d({p})", "p": p, "input": tens(x), "channel_keep": tens(keep),
            "output": tens(y), "upstream_grad": tens(g), "grad_input": tens(x.grad)}


if __name__ == "__main__":
    torch.manual_seed(SEED)
    write_json("dropout2d.json", {
        "meta": dict(META, generator="generate_dropout2d.py", dtype="float64", seed=SEED,
                     note="Tensors are {shape, data}, row-major NCHW; channel_keep is [N, C], 1 = kept."),
        "cases": [case("dropout2d_p0.5", 0.5, (3, 4, 2, 3)), case("dropout2d_p0.25", 0.25, (2, 6, 3, 3))]})
