#!/usr/bin/python3
"""Writes the differential corpus: seeded random programs in Tapegrad's op-list language, each with
PyTorch's float64 values (of every node), gradients (of every input) and rounding magnitudes.

Run by hand where PyTorch is installed (Debian: apt-get install python3-torch), from the repository root:
    /usr/bin/python3 tools/pytorch/make_corpus.py
The build and the tests never need PyTorch: they replay the stored file
(nn/src/test/resources/dev/tapegrad/nn/corpus/programs.jsonl.gz) through Tapegrad.

Programs Tapegrad refuses on purpose are not generated (losses never broadcast; the mean of an empty
tensor is an error); programs PyTorch refuses are dropped.
"""
import argparse
import gzip
import json
import math
import random
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_ops import evaluate, finite_abs, magnitude  # noqa: E402
from corpus_random import RandomProgram  # noqa: E402
from corpus_explicit import explicit_programs  # noqa: E402

torch.set_default_dtype(torch.float64)
OUT = Path("nn/src/test/resources/dev/tapegrad/nn/corpus/programs.jsonl.gz")


def _tensor(shape, values):
    return torch.tensor(values, dtype=torch.float64).reshape(shape)


def _up(m):
    """A magnitude rounded up to two digits, to keep the file small. NaN (an infinite bound times 0 in
    the bound's own arithmetic) is an infinite bound."""
    return [0.0 if v == 0 else math.inf if math.isnan(v) or math.isinf(v) else float("%.1e" % (v * 1.06))
            for v in m]


def run(prog):
    """Evaluates a program in PyTorch; returns it with the reference results, or None if torch refuses."""
    nodes, mags, leaves = [], [], []
    for inp in prog["inputs"]:
        t = _tensor(inp["shape"], inp["values"])
        if inp["kind"] in ("tensor", "scalar", "param"):
            t.requires_grad_(True)
        nodes.append(t)
        z = torch.zeros(inp["shape"], requires_grad=True)
        mags.append(z)
        leaves.append(z)
    try:
        ambiguous = False
        for op in prog["ops"]:
            x = [nodes[i] for i in op["in"]]
            ambiguous |= _overflowing_products(op, x)
            nodes.append(evaluate(op, x))
            mags.append(magnitude(op, x, [mags[i] for i in op["in"]], nodes[-1]))
    except (RuntimeError, IndexError, ValueError):
        return None
    if ambiguous:
        return None
    for node, op in zip(nodes[len(prog["inputs"]):], prog["ops"]):
        if op["op"] in MASKING and node.requires_grad:
            node.retain_grad()
    out = nodes[-1]
    seed = _tensor(list(out.shape), prog["seed"])
    if out.requires_grad:
        out.backward(seed)
    (mags[-1] * seed.abs()).sum().backward()
    result = dict(prog)
    result["values"] = [n.detach().reshape(-1).tolist() for n in nodes]
    result["valueMags"] = [_up(m.detach().reshape(-1).tolist()) for m in mags]
    grads, grad_mags = [], []
    for inp, t, z in zip(prog["inputs"], nodes, leaves):
        variable = inp["kind"] in ("tensor", "scalar", "param")
        g = t.grad if variable and t.grad is not None else torch.zeros(inp["shape"])
        grads.append(g.reshape(-1).tolist() if variable else None)
        gm = z.grad if z.grad is not None else torch.zeros(inp["shape"])
        grad_mags.append(_up(gm.reshape(-1).tolist()) if variable else None)
    result["grads"] = grads
    result["gradMags"] = grad_mags
    result["masked"] = any(_masks(op, nodes, len(prog["inputs"]) + j) for j, op in enumerate(prog["ops"]))
    return result


def _overflowing_products(op, x):
    """Whether a matrix product adds finite products that overflow: the result then depends on the
    order of the sum (+inf, -inf or NaN; PyTorch returned +inf where the exact value is -inf)."""
    if op["op"] not in ("matmul", "linear"):
        return False
    a, b = finite_abs(x[0]), finite_abs(x[1])
    products = torch.matmul(a, b) if op["op"] == "matmul" else torch.nn.functional.linear(a, b)
    return not bool(torch.isfinite(products).all())


# PyTorch's backward of these ops selects instead of multiplying where the derivative is 0 (relu where
# y <= 0, pow where the exponent is 0), so an infinite or NaN gradient arriving there becomes 0. Tapegrad
# multiplies, and NaN * 0 stays NaN: a non-finite gradient is never hidden. Programs where the choice
# decides a result are not kept.
MASKING = {"relu", "pow", "powc"}


def _masks(op, nodes, k):
    if op["op"] not in MASKING or nodes[k].grad is None:
        return False
    g = nodes[k].grad
    x = nodes[op["in"][0]].detach()
    if op["op"] == "relu":
        zero = x <= 0
    elif op["op"] == "powc":
        zero = torch.full_like(x, op["c"] == 0.0, dtype=torch.bool)
    else:
        zero = (nodes[op["in"][1]].detach() == 0).expand(g.shape)
    return bool((zero.expand(g.shape) & ~torch.isfinite(g)).any())


def acceptable(result):
    """Drops programs whose reference rests on a PyTorch choice Tapegrad makes differently on purpose."""
    if result.pop("masked"):
        return False
    for op in result["ops"]:
        if op["op"] == "bceWithLogits":
            z, t = (result["values"][k] for k in op["in"])
            if any(zi == -math.inf and ti != 0 for zi, ti in zip(z, t)):
                # PyTorch gives NaN (-inf + inf inside its formula) where the loss is +inf, Tapegrad's limit.
                return False
        if op["op"] == "bce":
            p, t = op["in"]
            hits_clamp = any(v in (0.0, 1.0) for v in result["values"][p])
            target_variable = t < len(result["inputs"]) and result["inputs"][t]["kind"] != "constant"
            if hits_clamp and (target_variable or t >= len(result["inputs"])):
                # PyTorch's target gradient ignores the clamp its own value applies (infinite at p = 0 or
                # 1); Tapegrad differentiates the clamped value. A constant target avoids the question.
                return False
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=1000, help="random programs (besides the explicit ones)")
    ap.add_argument("--seed", type=int, default=20261201)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    programs = []
    for prog in explicit_programs():
        result = run(prog)
        if result is None or not acceptable(result):
            raise SystemExit("explicit program %s does not run in PyTorch" % prog["id"])
        programs.append(result)
    rng = random.Random(args.seed)
    attempts = 0
    wanted = args.count + len(programs)
    while len(programs) < wanted:
        attempts += 1
        prog = RandomProgram(random.Random(rng.getrandbits(64)), "random-%04d" % attempts).build()
        if prog is None:
            continue
        result = run(prog)
        if result is not None and acceptable(result):
            programs.append(result)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(args.out, "wb", mtime=0) as f:
        for p in programs:
            f.write((json.dumps(p, separators=(",", ":")) + "\n").encode())
    print("%d programs (%d attempts) -> %s, torch %s" % (len(programs), attempts, args.out, torch.__version__))


if __name__ == "__main__":
    main()
