"""Seeded random programs for the differential corpus: chains of Tapegrad ops over random shapes
(ranks 0-4, size-1 and empty dimensions, broadcasting partners) and values (ties, signed zeros, NaN,
infinities, huge and tiny magnitudes), mixing Scalars and Tensors."""
import math

SPECIALS = [float("nan"), float("inf"), float("-inf"), 0.0, -0.0]
UNARY = ["neg", "exp", "log", "sqrt", "abs", "tanh", "sigmoid", "relu", "sin", "cos"]
BINARY = ["add", "sub", "mul", "div", "pow"]
CONSTS = {
    "addc": [1.0, -2.5, 0.0, -0.0, 1e10, float("inf")],
    "subc": [1.0, 0.5, 0.0, -0.0, 1e300],
    "mulc": [2.0, -3.0, 0.0, -0.0, 1e-300, 1e200, float("nan")],
    "divc": [2.0, -4.0, 3.0, 0.0, -0.0, 1e-200, 1e200],
    "powc": [2.0, 3.0, -1.0, -2.0, 0.0, 4.0, 1.5, 2.5, 1.0 / 3],
}


class RandomProgram:
    """One random program; build() returns its JSON form, or None when the draw led nowhere."""

    def __init__(self, rng, pid):
        self.r = rng
        self.id = pid
        self.inputs = []
        self.ops = []
        self.meta = []  # per node: (shape, kind) with kind "S" (Scalar) or "T" (Tensor)
        self.ref = []  # per node: ("in", input index) or ("op", op index); renumbered by build()
        self.style = rng.choice(["normal", "normal", "normal", "ties", "large", "tiny", "special", "special"])

    # ---- values and inputs

    def value(self):
        r, s = self.r, self.style
        if s == "ties":
            v = float(r.randint(-2, 2))
            return -0.0 if v == 0 and r.random() < 0.5 else v
        if s == "large":
            return r.gauss(0, 1) * 10.0 ** r.choice([3, 10, 15, 100, 200, 300])
        if s == "tiny":
            return r.gauss(0, 1) * 10.0 ** r.choice([-10, -100, -200, -300])
        if s == "special" and r.random() < 0.15:
            return r.choice(SPECIALS)
        return round(r.gauss(0, 1.5), 6) if r.random() < 0.5 else r.gauss(0, 1.5)

    def shape(self, max_rank=4):
        r = self.r
        rank = r.choice([0, 1, 1, 2, 2, 2, 3, 3, 4][: 1 + 2 * max_rank + (1 if max_rank >= 4 else 0)])
        dims = []
        for _ in range(rank):
            dims.append(r.choice([0] + [1] * 5 + [2] * 5 + [3] * 5 + [4] * 3))
        while math.prod(dims) > 48:
            dims[dims.index(max(dims))] -= 1
        return dims

    def add_input(self, shape, kind="tensor", values=None):
        if values is None:
            values = [self.value() for _ in range(math.prod(shape))]
        if kind in ("scalar", "scalarConstant"):
            shape = []
        self.inputs.append({"kind": kind, "shape": list(shape), "values": values})
        self.meta.append((list(shape), {"scalar": "S", "scalarConstant": "S", "param": "P"}.get(kind, "T")))
        self.ref.append(("in", len(self.inputs) - 1))
        return len(self.meta) - 1

    def variable(self, shape):
        return self.add_input(shape, "tensor" if self.r.random() < 0.8 else "constant")

    # ---- ops

    def emit(self, op, shape, kind):
        self.ops.append(op)
        self.meta.append((list(shape), kind))
        self.ref.append(("op", len(self.ops) - 1))
        return len(self.meta) - 1

    def broadcast_partner(self, shape):
        r = self.r
        s = list(shape)
        if r.random() < 0.3:
            s = s[r.randint(0, len(s)):]
        s = [1 if (d != 1 and r.random() < 0.3) else d for d in s]
        if r.random() < 0.2 and len(s) < 4:
            s = [r.choice([1, 2])] + s
        return s

    @staticmethod
    def broadcast(a, b):
        out = []
        for i in range(max(len(a), len(b))):
            x = a[len(a) - 1 - i] if i < len(a) else 1
            y = b[len(b) - 1 - i] if i < len(b) else 1
            if x != y and min(x, y) != 1:
                out.append(-1)
            else:
                out.append(y if x == 1 else x)
        return list(reversed(out))

    def step(self, x):
        r = self.r
        shape, kind = self.meta[x]
        size = math.prod(shape)
        rank = len(shape)
        choice = r.choice(["unary"] * 4 + ["binary"] * 4 + ["const"] * 3 + ["matmul"] * 2 + ["layout"] * 3
                          + ["reduce"] * 3 + ["softmax"] * 2 + ["index"] * 2 + ["join"] * 2 + ["loss"] * 2 + ["linear"] * 2)
        if choice == "unary":
            return self.emit({"op": r.choice(UNARY), "in": [x]}, shape, kind)
        if choice == "const":
            name = r.choice(list(CONSTS))
            return self.emit({"op": name, "in": [x], "c": r.choice(CONSTS[name])}, shape, kind)
        if choice == "binary":
            name = r.choice(BINARY)
            if kind == "S" and r.random() < 0.6:
                y = self.add_input([], "scalar" if r.random() < 0.8 else "scalarConstant")
                out_shape, out_kind = [], "S"
            elif kind == "T" and r.random() < 0.15:
                y = self.add_input([], "scalar")
                out_shape, out_kind = shape, "T"
            else:
                ps = self.broadcast_partner(shape)
                out_shape = self.broadcast(shape, ps)
                if -1 in out_shape:
                    return None
                y = self.variable(ps)
                out_kind = "T"
                if kind == "S" and name == "pow":
                    name = "mul"
            if name == "pow":
                exponent = self.inputs[self.ref[y][1]]
                exponent["values"] = [r.choice([2.0, 3.0, -1.0, 0.0, 0.5, 1.5, -2.0]) for _ in exponent["values"]]
            args = [x, y] if r.random() < 0.7 or name == "pow" or kind == "S" else [y, x]
            return self.emit({"op": name, "in": args}, out_shape, out_kind)
        if kind == "S":
            if choice in ("join", "layout"):
                others = [self.add_input([], "scalar") for _ in range(r.randint(0, 2))]
                return self.emit({"op": "stack", "in": [x] + others, "axis": 0}, [1 + len(others)], "T")
            return self.emit({"op": "asTensor", "in": [x]}, [], "T")
        if choice == "matmul" and rank >= 1:
            k = shape[-1]
            m = r.choice([1, 2, 3])
            if rank == 1:
                other = [k] if r.random() < 0.3 else ([k, m] if r.random() < 0.6 else [r.choice([1, 2]), k, m])
            else:
                batch = self.broadcast_partner(shape[:-2]) if r.random() < 0.5 else shape[:-2]
                other = [k] if r.random() < 0.2 else batch + [k, m]
            y = self.variable(other)
            out = self.matmul_shape(shape, other)
            return None if out is None else self.emit({"op": "matmul", "in": [x, y]}, out, "T")
        if choice == "layout" and rank >= 1:
            which = r.choice(["transpose", "permute", "reshape"])
            if which == "transpose" and rank >= 2:
                a, b = r.sample(range(rank), 2)
                s = list(shape)
                s[a], s[b] = s[b], s[a]
                return self.emit({"op": "transpose", "in": [x], "a": a - rank * r.randint(0, 1), "b": b}, s, "T")
            if which == "permute":
                perm = list(range(rank))
                r.shuffle(perm)
                return self.emit({"op": "permute", "in": [x], "perm": perm}, [shape[p] for p in perm], "T")
            dims = self.reshape_dims(size)
            shown = list(dims)
            if size > 0 and len(dims) > 0 and r.random() < 0.3:
                shown[r.randrange(len(dims))] = -1
            return self.emit({"op": "reshape", "in": [x], "dims": shown}, dims, "T")
        if choice == "reduce":
            name = r.choice(["sum", "mean", "max", "min"])
            if rank == 0 or r.random() < 0.35:
                if size == 0 and name != "sum":
                    return None
                return self.emit({"op": name + "All", "in": [x]}, [], "S")
            axis = r.randrange(rank)
            if shape[axis] == 0 and name != "sum":
                return None
            keep = r.random() < 0.5
            out = [1 if i == axis else d for i, d in enumerate(shape)] if keep else shape[:axis] + shape[axis + 1:]
            return self.emit({"op": name, "in": [x], "axis": axis - rank * r.randint(0, 1), "keep": keep}, out, "T")
        if choice == "softmax" and rank >= 1:
            axis = r.randrange(rank)
            return self.emit({"op": r.choice(["softmax", "logSoftmax"]), "in": [x], "axis": axis}, shape, "T")
        if choice == "index" and rank >= 1:
            if size > 0 and r.random() < 0.4:
                return self.emit({"op": "get", "in": [x], "index": [r.randrange(d) for d in shape]}, [], "S")
            axis = r.randrange(rank)
            lo = r.randint(0, shape[axis])
            hi = r.randint(lo, shape[axis])
            s = list(shape)
            s[axis] = hi - lo
            return self.emit({"op": "slice", "in": [x], "axis": axis, "from": lo, "to": hi}, s, "T")
        if choice == "join" and rank >= 1:
            axis = r.randrange(rank)
            if r.random() < 0.5:
                parts = [x]
                for _ in range(r.randint(1, 2)):
                    s = list(shape)
                    s[axis] = r.choice([0, 1, 2])
                    parts.append(x if r.random() < 0.3 else self.variable(s))
                total = sum(self.meta[p][0][axis] for p in parts)
                out = list(shape)
                out[axis] = total
                return self.emit({"op": "concat", "in": parts, "axis": axis}, out, "T")
            parts = [x] + [x if r.random() < 0.3 else self.variable(shape) for _ in range(r.randint(1, 2))]
            axis = r.randint(0, rank)
            return self.emit({"op": "stack", "in": parts, "axis": axis}, shape[:axis] + [len(parts)] + shape[axis:], "T")
        if choice == "loss" and size > 0:
            return self.loss(x, shape)
        if choice == "linear" and rank >= 1 and shape[-1] > 0:
            n_out = r.choice([1, 2, 3])
            w = self.add_input([n_out, shape[-1]], "param", [r.gauss(0, 1) for _ in range(n_out * shape[-1])])
            b = self.add_input([n_out], "param", [r.gauss(0, 1) for _ in range(n_out)])
            return self.emit({"op": "linear", "in": [x, w, b]}, shape[:-1] + [n_out], "T")
        return None

    def loss(self, x, shape):
        r = self.r
        name = r.choice(["mse", "bce", "bceWithLogits", "crossEntropy", "crossEntropyProbs"])
        kind = "tensor" if r.random() < 0.5 else "constant"
        if name in ("crossEntropy", "crossEntropyProbs"):
            if len(shape) not in (1, 2) or shape[-1] == 0:
                name = "mse"
            elif name == "crossEntropy":
                rows = 1 if len(shape) == 1 else shape[0]
                return self.emit({"op": name, "in": [x], "classes": [r.randrange(shape[-1]) for _ in range(rows)]},
                                 [], "S")
            else:
                t = self.add_input(shape, kind, [r.random() for _ in range(math.prod(shape))])
                t = self.emit({"op": "softmax", "in": [t], "axis": len(shape) - 1}, shape, "T")
                return self.emit({"op": name, "in": [x, t]}, [], "S")
        if name == "bce":
            x = self.emit({"op": "sigmoid", "in": [x]}, shape, "T")
        t = self.add_input(shape, kind, [r.choice([0.0, 1.0, r.random()]) for _ in range(math.prod(shape))])
        return self.emit({"op": name, "in": [x, t]}, [], "S")

    def reshape_dims(self, size):
        r = self.r
        if size == 0:
            return r.choice([[0], [0, 3], [2, 0], [1, 0, 1]])
        dims, rest = [], size
        for _ in range(r.randint(0, 3)):
            divisors = [d for d in range(1, rest + 1) if rest % d == 0]
            d = r.choice(divisors)
            dims.append(d)
            rest //= d
        dims.append(rest)
        r.shuffle(dims)
        return dims

    def matmul_shape(self, a, b):
        a2 = [1] + a if len(a) == 1 else a
        b2 = b + [1] if len(b) == 1 else b
        batch = self.broadcast(a2[:-2], b2[:-2])
        if -1 in batch or a2[-1] != b2[-2]:
            return None
        out = batch + [a2[-2], b2[-1]]
        if len(a) == 1:
            out.pop(-2)
        if len(b) == 1:
            out.pop(-1)
        return out

    def build(self):
        r = self.r
        if r.random() < 0.12:
            x = self.add_input([], "scalar")
        else:
            x = self.add_input(self.shape(), "tensor")
        wanted = r.randint(1, 8)
        for _ in range(30):
            if len(self.ops) >= wanted:
                break
            usable = [k for k, (_, kind) in enumerate(self.meta) if kind != "P"]
            src = x if r.random() < 0.75 else r.choice(usable)
            y = self.step(src)
            if y is not None:
                x = y
        if not self.ops:
            return None
        n = len(self.inputs)
        final = [i if where == "in" else n + i for where, i in self.ref]
        for op in self.ops:
            op["in"] = [final[k] for k in op["in"]]
        out_node = self.ref.index(("op", len(self.ops) - 1))
        out_shape, out_kind = self.meta[out_node]
        seed = [1.0] if out_kind == "S" else [round(r.gauss(0, 1), 3) for _ in range(math.prod(out_shape))]
        return {"id": self.id, "inputs": self.inputs, "ops": self.ops, "seed": seed}
