"""The op-list language of the differential corpus, evaluated in PyTorch float64.

A program is a list of input nodes followed by ops; node k is input k for k < len(inputs), then op
k - len(inputs). Every op is a dict {"op": name, "in": [node ids], ...parameters}. The names are
Tapegrad's (the Java replay in nn/src/test/java/dev/tapegrad/nn/corpus reads the same list).

Besides the values, each node gets a rounding magnitude: a bound, in units of one rounding, on the error
a correct float64 implementation may make there. It is propagated through the absolute Jacobian of each
op, |J| z + T, where T is the sum of the absolute terms the op itself rounds (an elementwise op: |y|;
a sum: the sum of |terms|; a matrix product: |A| |B|). Reverse-mode through the same linear graph,
seeded with |seed|, gives each gradient's magnitude: the sum over paths of the absolute products of
partials, which bounds the terms the backward adds up. Both are the classic running error bounds.
"""
import torch
import torch.nn.functional as F

UNARY = {
    "neg": torch.neg, "exp": torch.exp, "log": torch.log, "sqrt": torch.sqrt, "abs": torch.abs,
    "tanh": torch.tanh, "sigmoid": torch.sigmoid, "relu": torch.relu, "sin": torch.sin, "cos": torch.cos,
}
BINARY = {"add": torch.add, "sub": torch.sub, "mul": torch.mul, "div": torch.div, "pow": torch.pow}
CONST = {"addc": "add", "subc": "sub", "mulc": "mul", "divc": "div", "powc": "pow"}
REDUCE_ALL = {"sumAll", "meanAll", "maxAll", "minAll"}
REDUCE_AXIS = {"sum", "mean", "max", "min"}
LOSSES = {"mse", "bce", "bceWithLogits", "crossEntropy", "crossEntropyProbs"}


def finite_abs(t):
    """|t| with NaN and infinities counted as 0: they are compared exactly, never with a tolerance."""
    return torch.nan_to_num(t.detach().abs(), nan=0.0, posinf=0.0, neginf=0.0)


def evaluate(op, x):
    """The op's value in PyTorch for argument tensors x (a list)."""
    name = op["op"]
    if name in UNARY:
        return UNARY[name](x[0])
    if name in BINARY:
        return BINARY[name](x[0], x[1])
    if name in CONST:
        return BINARY[CONST[name]](x[0], torch.tensor(op["c"]))
    if name == "matmul":
        return torch.matmul(x[0], x[1])
    if name == "transpose":
        return x[0].transpose(op.get("a", -2), op.get("b", -1))
    if name == "permute":
        return x[0].permute(*op["perm"])
    if name == "reshape":
        return x[0].reshape(*op["dims"])
    if name == "sumAll":
        return x[0].sum()
    if name == "meanAll":
        return x[0].mean()
    if name == "maxAll":
        return x[0].max()
    if name == "minAll":
        return x[0].min()
    if name == "sum":
        return x[0].sum(op["axis"], keepdim=op["keep"])
    if name == "mean":
        return x[0].mean(op["axis"], keepdim=op["keep"])
    if name == "max":
        return x[0].max(op["axis"], keepdim=op["keep"]).values
    if name == "min":
        return x[0].min(op["axis"], keepdim=op["keep"]).values
    if name == "softmax":
        return torch.softmax(x[0], op["axis"])
    if name == "logSoftmax":
        return torch.log_softmax(x[0], op["axis"])
    if name == "get":
        return x[0][tuple(op["index"])]
    if name == "slice":
        return x[0].narrow(op["axis"] % x[0].dim(), op["from"], op["to"] - op["from"])
    if name == "concat":
        return torch.cat(x, op["axis"])
    if name == "stack":
        return torch.stack(x, op["axis"])
    if name == "asTensor":
        return x[0]
    if name == "mse":
        return F.mse_loss(x[0], x[1])
    if name == "bce":
        return F.binary_cross_entropy(x[0], x[1])
    if name == "bceWithLogits":
        return F.binary_cross_entropy_with_logits(x[0], x[1])
    if name == "crossEntropy":
        z = x[0] if x[0].dim() == 2 else x[0].unsqueeze(0)
        return F.cross_entropy(z, torch.tensor(op["classes"]))
    if name == "crossEntropyProbs":
        return F.cross_entropy(x[0], x[1])
    if name == "linear":
        return F.linear(x[0], x[1], x[2])
    raise ValueError("unknown op " + name)


def _partials(f, xs, shape):
    """Elementwise partials of f at xs, each broadcast to the output shape."""
    leaves = [x.detach().expand(shape).clone().requires_grad_(True) for x in xs]
    y = f(*leaves)
    grads = torch.autograd.grad(y.sum(), leaves, allow_unused=True)
    return [torch.zeros(shape) if g is None else finite_abs(g) for g in grads]


def _elementwise(f, x, z, y):
    shape = y.shape
    out = finite_abs(y)
    for p, zk in zip(_partials(f, x, shape), z):
        out = out + p * zk.expand(shape)
    return out


def _scalar_output(f, x, z, terms):
    """An op with one output value: |J| z is the sum over each input of |dy/dx| z."""
    leaves = [xk.detach().clone().requires_grad_(True) for xk in x]
    grads = torch.autograd.grad(f(leaves), leaves, allow_unused=True)
    out = terms
    for g, zk in zip(grads, z):
        if g is not None:
            out = out + (finite_abs(g) * zk).sum()
    return out


def _log_softmax_terms(x, axis):
    m = x.detach().max(axis, keepdim=True).values
    shifted = x.detach() - m
    log_s = torch.logsumexp(shifted, axis, keepdim=True)
    return finite_abs(shifted) + finite_abs(log_s) + x.shape[axis]


def magnitude(op, x, z, y):
    """The rounding magnitude of op's output y, from its arguments x and their magnitudes z."""
    name = op["op"]
    if name in UNARY:
        return _elementwise(UNARY[name], x, z, y)
    if name in BINARY:
        return _elementwise(BINARY[name], x, z, y)
    if name in CONST:
        c = torch.tensor(op["c"])
        return _elementwise(lambda a: BINARY[CONST[name]](a, c), x, z, y)
    if name in ("transpose", "permute", "reshape", "get", "slice", "concat", "stack", "asTensor"):
        return evaluate(op, z)
    if name in ("sumAll", "sum"):
        return evaluate(op, z) + evaluate(op, [finite_abs(x[0])])
    if name in ("meanAll", "mean"):
        return evaluate(op, z) + evaluate(op, [finite_abs(x[0])]) + finite_abs(y)
    if name in ("maxAll", "minAll"):
        v = y.detach()
        mask = torch.isnan(x[0]) if torch.isnan(v) else x[0].detach() == v
        return (mask * z[0]).sum() / mask.sum()
    if name in ("max", "min"):
        r = (x[0].max if name == "max" else x[0].min)(op["axis"], keepdim=True)
        picked = z[0].gather(op["axis"], r.indices)
        return picked if op["keep"] else picked.squeeze(op["axis"])
    if name == "matmul":
        a, b = finite_abs(x[0]), finite_abs(x[1])
        return torch.matmul(a, b) + torch.matmul(a, z[1]) + torch.matmul(z[0], b)
    if name == "linear":
        xa, w, b = finite_abs(x[0]), finite_abs(x[1]), finite_abs(x[2])
        return F.linear(xa, w, b) + F.linear(xa, z[1]) + F.linear(z[0], w, z[2])
    if name == "softmax":
        p = finite_abs(y)
        s = (p * z[0]).sum(op["axis"], keepdim=True)
        return p * (s - p * z[0]) + p * (1 - p) * z[0] + p * x[0].shape[op["axis"]]
    if name == "logSoftmax":
        p = finite_abs(torch.exp(y.detach()))
        s = (p * z[0]).sum(op["axis"], keepdim=True)
        return (s - p * z[0]) + (1 - p) * z[0] + _log_softmax_terms(x[0], op["axis"])
    if name in LOSSES:
        return _scalar_output(lambda leaves: evaluate(op, leaves), x, z, _loss_terms(op, x, y))
    raise ValueError("unknown op " + name)


def _loss_terms(op, x, y):
    name = op["op"]
    p = x[0].detach()
    if name == "mse":
        return ((p - x[1].detach()) ** 2).mean() + finite_abs(y)
    if name == "bce":
        t = x[1].detach()
        lp = torch.clamp(torch.log(p), min=-100)
        lq = torch.clamp(torch.log1p(-p), min=-100)
        return (finite_abs(t * lp) + finite_abs((1 - t) * lq)).mean() + finite_abs(y)
    if name == "bceWithLogits":
        t = x[1].detach()
        return (finite_abs(p) * (1 + finite_abs(t)) + 1).mean() + finite_abs(y)
    axis = p.dim() - 1
    rows = 1 if p.dim() == 1 else p.shape[0]
    terms = _log_softmax_terms(p, axis)
    if name == "crossEntropy":
        return terms.sum() / rows + finite_abs(y)
    return (finite_abs(x[1]) * terms).sum() / rows + finite_abs(y)
