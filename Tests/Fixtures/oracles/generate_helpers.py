"""JSON helpers shared by the oracle generators (copied from shared/oracles/generate.py): strict JSON,
floats as the shortest decimal that round-trips, non-finite values as strings."""
import json
import math

import numpy as np
from pathlib import Path

import torch

HERE = Path(__file__).resolve().parent
META = {"torch_version": torch.__version__.split("+")[0], "device": "cpu"}


def fnum(x):
    """Python float, or a string for non-finite values (strict JSON has no NaN/Infinity)."""
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return x


def vec(t):
    """Flat row-major list of floats."""
    return [fnum(v) for v in torch.as_tensor(t).detach().reshape(-1).tolist()]


def tens(t):
    """Tensor as {"shape": [...], "data": [row-major floats]}."""
    t = torch.as_tensor(t).detach()
    return {"shape": list(t.shape), "data": vec(t)}


def _scalar(v):
    if v is None or isinstance(v, (bool, str)):
        return json.dumps(v)
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    if isinstance(v, (float, np.floating)):
        v = fnum(v)
        return json.dumps(v) if isinstance(v, str) else repr(float(v))   # repr = shortest round-trip
    raise TypeError(f"cannot serialise {type(v)}")


def _dump(obj, level=0):
    pad = "  " * level
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        items = [f"{pad}  {json.dumps(str(k))}: {_dump(v, level + 1)}" for k, v in obj.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(obj, (list, tuple)):
        if all(not isinstance(v, (dict, list, tuple)) for v in obj):
            return "[" + ", ".join(_scalar(v) for v in obj) + "]"
        items = [f"{pad}  {_dump(v, level + 1)}" for v in obj]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]"
    return _scalar(obj)


def write_json(relname, obj):
    text = _dump(obj) + "\n"
    json.loads(text)                                  # must be strict, valid JSON
    path = HERE / relname
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    print(f"wrote {relname} ({len(text)} bytes)")
