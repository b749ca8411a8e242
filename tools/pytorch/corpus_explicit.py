"""Hand-written programs of the differential corpus: the four numerical defects once found in Tapegrad,
and the edges of every op's domain (overflow, underflow, signed zeros, NaN, infinities)."""

NAN, INF = float("nan"), float("inf")


def _t(shape, *values, kind="tensor"):
    return {"kind": kind, "shape": list(shape), "values": list(values)}


def _s(value, kind="scalar"):
    return {"kind": kind, "shape": [], "values": [value]}


def _p(pid, inputs, ops, seed=None):
    """ops as (name, inputs, params) tuples; the last op is the output."""
    body = [dict({"op": name, "in": list(args)}, **params) for name, args, params in ops]
    return {"id": pid, "inputs": inputs, "ops": body, "seed": seed if seed is not None else [1.0]}


def _unary_edges(label, *values):
    """The op named by the label's first word, on these values."""
    n = len(values)
    return _p("edge-%s" % label, [_t([n], *values)], [(label.split("-")[0], [0], {})], seed=[1.0] * n)


def explicit_programs():
    big = [1e10, 1e10 + 1, 1e10 + 2]
    return [
        # 1. log-softmax of large logits: (x - m) - log s, not x - (m + log s).
        _p("defect-logSoftmax-1e10", [_t([3], *big)], [("logSoftmax", [0], {"axis": 0})], [0.5, -1.0, 2.0]),
        _p("defect-logSoftmax-1e15", [_t([1, 3], 1e15, 1e15 + 1, 1e15 + 2)],
           [("logSoftmax", [0], {"axis": 1})], [1.0, 1.0, -3.0]),
        _p("defect-logSoftmax-400", [_t([2, 2], 400.0, 386.0, 400.0, 399.0)],
           [("logSoftmax", [0], {"axis": -1})], [1.0, 0.0, 0.0, 1.0]),
        _p("defect-softmax-1e10", [_t([3], *big)], [("softmax", [0], {"axis": 0})], [0.5, -1.0, 2.0]),
        _p("defect-crossEntropy-1e10", [_t([1, 3], *big)], [("crossEntropy", [0], {"classes": [1]})]),
        _p("defect-crossEntropyProbs-1e10", [_t([1, 3], *big), _t([1, 3], 0.2, 0.3, 0.5, kind="constant")],
           [("crossEntropyProbs", [0, 1], {})]),
        # 2. NaN through relu (scalar fast path and tensor path), abs, max, min and the loss clamps.
        _p("defect-relu-nan-scalar", [_s(NAN)], [("relu", [0], {})]),
        _p("defect-relu-nan-tensor", [_t([3], NAN, -1.0, 2.0)], [("relu", [0], {}), ("sumAll", [1], {})]),
        _p("defect-relu-nan-weight", [_t([2], NAN, 1.0), _t([2], 0.5, 0.5, kind="constant")],
           [("mul", [0, 1], {}), ("relu", [2], {}), ("mse", [3, 1], {})]),
        _p("defect-abs-nan", [_t([3], NAN, -0.0, -2.0)], [("abs", [0], {})], [1.0, 1.0, 1.0]),
        _p("defect-abs-nan-scalar", [_s(NAN)], [("abs", [0], {})]),
        _p("defect-maxAll-nan", [_t([4], 1.0, NAN, 3.0, NAN)], [("maxAll", [0], {})]),
        _p("defect-minAll-nan", [_t([3], 1.0, NAN, -3.0)], [("minAll", [0], {})]),
        _p("defect-max-axis-nan", [_t([2, 3], 1.0, NAN, NAN, 4.0, 5.0, 6.0)],
           [("max", [0], {"axis": 1, "keep": False})], [1.0, 2.0]),
        _p("defect-min-axis-nan", [_t([2, 3], 1.0, NAN, NAN, 4.0, 5.0, 6.0)],
           [("min", [0], {"axis": -1, "keep": True})], [1.0, 2.0]),
        _p("defect-bceWithLogits-nan", [_t([2], NAN, 1.0), _t([2], 0.3, 0.3)], [("bceWithLogits", [0, 1], {})]),
        _p("defect-mse-nan", [_t([2], NAN, 1.0), _t([2], 0.3, 0.3)], [("mse", [0, 1], {})]),
        # 3. ties are numeric equality: 0.0 and -0.0 share the full max's gradient.
        _p("defect-maxAll-signed-zero", [_t([2], 0.0, -0.0)], [("maxAll", [0], {})]),
        _p("defect-minAll-signed-zero", [_t([2], -0.0, 0.0)], [("minAll", [0], {})]),
        _p("defect-max-relu-times-zero", [_t([2], -3.0, -2.0)],
           [("slice", [0], {"axis": 0, "from": 0, "to": 1}), ("relu", [1], {}),
            ("slice", [0], {"axis": 0, "from": 1, "to": 2}), ("mulc", [3], {"c": 0.0}),
            ("concat", [2, 4], {"axis": 0}), ("maxAll", [5], {})]),
        _p("defect-max-axis-signed-zero", [_t([2, 2], -0.0, 0.0, 0.0, -0.0)],
           [("max", [0], {"axis": 1, "keep": False})], [1.0, 1.0]),
        # 4. the denominator's partial of a / b as -(a / b) / b.
        _p("defect-div-1e-200-scalar", [_s(1e-200), _s(1e-200)], [("div", [0, 1], {})]),
        _p("defect-div-1e200-scalar", [_s(1e200), _s(1e200)], [("div", [0, 1], {})]),
        _p("defect-div-range-tensor", [_t([2], 1e200, 1e-200), _t([2], 1e200, 1e-200)],
           [("div", [0, 1], {})], [1.0, 1.0]),
        _p("defect-div-broadcast-scalar", [_t([2], 1e-200, 1e-200), _s(1e-200)], [("div", [0, 1], {})], [1.0, 1.0]),
        # The sweep: the edges of each op's domain.
        _unary_edges("sigmoid", 800.0, -800.0, 40.0, -40.0, 0.0, -0.0, NAN, INF, -INF),
        _unary_edges("tanh", 800.0, -800.0, 20.0, -20.0, 1e-300, -0.0, NAN, INF, -INF),
        _unary_edges("exp", 709.0, 710.0, -745.0, -746.0, -0.0, NAN, INF, -INF),
        _unary_edges("log", 0.0, -0.0, -1.0, 1e-320, INF, NAN, 1.0),
        _unary_edges("sqrt", 0.0, -0.0, -1.0, 1e-320, INF, NAN),
        _unary_edges("relu", 0.0, -0.0, -1.0, NAN, INF, -INF),
        _unary_edges("abs", 0.0, -0.0, -1.0, NAN, INF, -INF),
        _unary_edges("neg", 0.0, -0.0, NAN, INF),
        _unary_edges("sin", 0.0, -0.0, 1e300, NAN, INF),
        _unary_edges("cos", 0.0, -0.0, 1e300, NAN, INF),
        _unary_edges("sigmoid-tails", -700.0, -709.0, -740.0, -745.0, -746.0, 36.0, 37.0, 710.0, 1e-300),
        _unary_edges("tanh-small", 1e-10, 1e-300, 4.9e-324, 19.0, 0.5, -0.5),
        _unary_edges("exp-subnormal", -708.0, -740.0, -744.0, 1e-300),
        _unary_edges("log-subnormal", 4.9e-324, 1e-310, 1e308, 1.0 + 2.0 ** -52),
        _unary_edges("sqrt-subnormal", 4.9e-324, 1e-310, 1e308),
        _p("edge-powc-large-exponent", [_t([4], 10.0, -10.0, 1e-10, -1.0)],
           [("powc", [0], {"c": 300.0}), ("powc", [0], {"c": -300.0}), ("powc", [0], {"c": 301.0}),
            ("add", [1, 2], {}), ("add", [4, 3], {})], [1.0] * 4),
        _p("edge-pow-huge-exponent", [_t([3], 2.0, 0.5, -2.0), _t([3], 1100.0, 1100.0, 1100.0)],
           [("pow", [0, 1], {})], [1.0] * 3),
        _p("edge-div-subnormal", [_t([3], 1e-310, 1.0, 4.9e-324), _t([3], 1e-10, 1e-310, 2.0)],
           [("div", [0, 1], {})], [1.0] * 3),
        _p("edge-mean-axis-large", [_t([2, 2], 1e308, 1e308, -1e308, 1e308)],
           [("mean", [0], {"axis": 0, "keep": False})], [1.0, 1.0]),
        _p("edge-sum-cancellation", [_t([3], 1e16, 1.0, -1e16)], [("sumAll", [0], {})]),
        _p("edge-softmax-wide", [_t([1, 12], *[float(i) * 60 for i in range(12)])],
           [("softmax", [0], {"axis": 1})], [float(i % 3) for i in range(12)]),
        _p("edge-logSoftmax-close", [_t([3], 1.0, 1.0 + 2.0 ** -52, 1.0 - 2.0 ** -53)],
           [("logSoftmax", [0], {"axis": 0})], [1.0, -1.0, 0.5]),
        _p("edge-sigmoid-scalar-tails", [_s(-745.0)], [("sigmoid", [0], {}), ("log", [1], {})]),
        _p("edge-bceWithLogits-1e3", [_t([4], 1e3, -1e3, 1e3, -1e3), _t([4], 0.3, 0.3, 0.0, 1.0)],
           [("bceWithLogits", [0, 1], {})]),
        _p("edge-bceWithLogits-inf", [_t([2], INF, 5.0), _t([2], 0.3, 1.0)], [("bceWithLogits", [0, 1], {})]),
        _p("edge-bceWithLogits-inf-nan", [_t([3], INF, INF, -INF), _t([3], 0.3, 1.0, 0.0)],
           [("bceWithLogits", [0, 1], {})]),
        _p("edge-bce-clamp", [_t([3], 0.0, 1.0, 0.5), _t([3], 0.3, 0.3, 0.3, kind="constant")],
           [("bce", [0, 1], {})]),
        _p("edge-bce-saturated-sigmoid", [_t([3], 800.0, -800.0, 40.0), _t([3], 1.0, 0.0, 0.5, kind="constant")],
           [("sigmoid", [0], {}), ("bce", [2, 1], {})]),
        _p("edge-softmax-neg-inf", [_t([2, 3], -INF, 1.0, 2.0, -INF, -INF, -INF)],
           [("softmax", [0], {"axis": 1})], [1.0, -2.0, 0.5, 1.0, 1.0, 1.0]),
        _p("edge-logSoftmax-neg-inf", [_t([2, 3], -INF, 1.0, 2.0, -INF, -INF, -INF)],
           [("logSoftmax", [0], {"axis": 1})], [1.0, -2.0, 0.5, 1.0, 1.0, 1.0]),
        _p("edge-logSoftmax-pos-inf", [_t([3], INF, 1.0, 2.0)], [("logSoftmax", [0], {"axis": 0})], [1.0, 1.0, 1.0]),
        _p("edge-crossEntropy-neg-inf", [_t([2, 3], -INF, 1.0, 2.0, 0.5, -INF, 3.0)],
           [("crossEntropy", [0], {"classes": [1, 2]})]),
        _p("edge-powc-negative-base", [_t([4], -2.0, -0.5, -0.0, -INF)],
           [("powc", [0], {"c": 3.0}), ("powc", [0], {"c": 2.0}), ("powc", [0], {"c": -1.0}),
            ("powc", [0], {"c": -2.0}), ("add", [1, 2], {}), ("add", [5, 3], {}), ("add", [6, 4], {})],
           [1.0, 1.0, 1.0, 1.0]),
        _p("edge-pow-negative-base", [_t([5], -2.0, -2.0, -0.0, 0.0, -3.0), _t([5], 3.0, 2.0, 3.0, -1.0, 0.0)],
           [("pow", [0, 1], {})], [1.0] * 5),
        _p("edge-pow-zero-base", [_t([4], 0.0, 0.0, 0.0, 1.0), _t([4], 0.0, 2.0, 0.5, NAN)],
           [("pow", [0, 1], {})], [1.0] * 4),
        _p("edge-pow-scalar-negative-base", [_s(-2.0), _s(3.0)], [("pow", [0, 1], {})]),
        _p("edge-powc-scalar", [_s(-3.0)], [("powc", [0], {"c": 2.0}), ("powc", [1], {"c": -1.0})]),
        _p("edge-mean-large", [_t([2], 1e308, 1e308)], [("meanAll", [0], {})]),
        _p("edge-sum-large", [_t([3], 1e308, -1e308, 1.0)], [("sumAll", [0], {})]),
        _p("edge-mse-overflow", [_t([1], 1e200), _t([1], 0.0, kind="constant")], [("mse", [0, 1], {})]),
        _p("edge-div-zero", [_t([4], 0.0, 1.0, -1.0, 0.0), _t([4], 0.0, 0.0, -0.0, -0.0)],
           [("div", [0, 1], {})], [1.0] * 4),
        _p("edge-mul-inf-zero", [_t([2], INF, 0.0), _t([2], 0.0, -0.0)], [("mul", [0, 1], {})], [1.0, 1.0]),
        _p("edge-matmul-inf", [_t([1, 2], INF, 1.0), _t([2, 1], 0.0, 2.0)], [("matmul", [0, 1], {})], [1.0]),
        _p("edge-linear-empty-batch", [_t([0, 2]), _t([1, 2], 1.0, 2.0, kind="param"), _t([1], 0.5, kind="param")],
           [("linear", [0, 1, 2], {})], []),
        _p("edge-sum-empty", [_t([0, 3])], [("sum", [0], {"axis": 0, "keep": True})], [1.0, 2.0, 3.0]),
    ]
