"""The PyTorch and NumPy side of compare-pytorch.sh: the same workloads as Tapegrad's bench.

Prints one line per workload, NAME MEDIAN UNIT, as Tapegrad's bench does, plus INFO lines. Every
figure is on one thread and timed by the thread's CPU clock, like `bench --clock cpu`.
"""
import statistics
import sys
import time


def median_seconds(work, warmup=2.0, samples=15, sample_seconds=0.1):
    end = time.perf_counter() + warmup
    calls = 0
    start = time.perf_counter()
    while time.perf_counter() < end or calls == 0:
        work()
        calls += 1
    per_call = (time.perf_counter() - start) / calls
    batch = max(1, int(sample_seconds / per_call))
    times = []
    for _ in range(samples):
        t0 = time.thread_time()
        for _ in range(batch):
            work()
        times.append((time.thread_time() - t0) / batch)
    return statistics.median(times)


def blas_info(np):
    """(library, architecture or '', threads) of NumPy's BLAS, from threadpoolctl or show_config."""
    try:
        import threadpoolctl
        for pool in threadpoolctl.threadpool_info():
            if pool.get("user_api") == "blas":
                return pool.get("internal_api", "?"), pool.get("architecture", "") or "", pool.get("filepath", "")
    except ImportError:
        pass
    import io
    import contextlib
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        np.show_config()
    text = buf.getvalue().lower()
    for name in ("openblas", "mkl", "blis", "accelerate"):
        if name in text:
            return name, "", ""
    return "reference or unknown", "", ""


def matmul(np):
    n = 1024
    rng = np.random.default_rng(1)
    a = rng.random((n, n))
    b = rng.random((n, n))
    try:
        import threadpoolctl
        with threadpoolctl.threadpool_limits(1, user_api="blas"):
            sec = median_seconds(lambda: a @ b, warmup=1.0, samples=9)
    except ImportError:  # the shell script also sets OPENBLAS_NUM_THREADS=1
        sec = median_seconds(lambda: a @ b, warmup=1.0, samples=9)
    return 2.0 * n ** 3 / sec / 1e9


def seed_step(torch):
    torch.manual_seed(1)
    net = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.Sigmoid(), torch.nn.Linear(4, 1), torch.nn.Sigmoid()).double()
    opt = torch.optim.SGD(net.parameters(), lr=0.5)
    x = torch.tensor([[1.0, 0.0, 1.0]], dtype=torch.float64)
    y = torch.tensor([[0.0]], dtype=torch.float64)
    loss_fn = torch.nn.MSELoss()

    def step():
        opt.zero_grad()
        loss = loss_fn(net(x), y)
        loss.backward()
        opt.step()
    return median_seconds(step) * 1e6


def wide_mlp(torch):
    torch.manual_seed(1)
    net = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.Sigmoid(), torch.nn.Linear(256, 256),
                              torch.nn.Sigmoid(), torch.nn.Linear(256, 10)).double()
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    x = torch.rand(128, 784, dtype=torch.float64)
    classes = torch.randint(0, 10, (128,))
    loss_fn = torch.nn.CrossEntropyLoss()

    def step():
        opt.zero_grad()
        loss = loss_fn(net(x), classes)
        loss.backward()
        opt.step()
    return median_seconds(step) * 1e3


def hessian_seed_net(torch, vectorize):
    """The full 21 x 21 Hessian of the 3-4-1 sigmoid network's MSE over the eight 3-bit samples, by
    torch.autograd.functional.hessian with its defaults (create_graph=False), the parameters as one vector."""
    x = torch.tensor([[(i >> (2 - b)) & 1 for b in range(3)] for i in range(8)], dtype=torch.float64)
    y = torch.tensor([[1.0], [1.0], [1.0], [0.0], [1.0], [0.0], [1.0], [1.0]], dtype=torch.float64)
    p = torch.linspace(-1.0, 1.0, 21, dtype=torch.float64)

    def loss(q):
        w1, b1, w2, b2 = q[:12].reshape(4, 3), q[12:16], q[16:20].reshape(1, 4), q[20:21]
        h = torch.sigmoid(x @ w1.T + b1)
        return ((torch.sigmoid(h @ w2.T + b2) - y) ** 2).mean()

    return median_seconds(lambda: torch.autograd.functional.hessian(loss, p, vectorize=vectorize)) * 1e6


def main():
    import numpy as np
    import torch
    torch.set_num_threads(1)
    lib, arch, path = blas_info(np)
    print(f"INFO numpy {np.__version__} blas {lib} {arch} {path}".rstrip())
    print(f"INFO torch {torch.__version__} threads {torch.get_num_threads()}")
    print(f"numpy-matmul-1024-1t {matmul(np):.3g} GFLOP/s")
    print(f"torch-seed-step {seed_step(torch):.3g} us")
    print(f"torch-wide-mlp-1t {wide_mlp(torch):.3g} ms")
    print(f"torch-hessian-seed-net {hessian_seed_net(torch, False):.3g} us")
    print(f"torch-hessian-seed-net-vectorized {hessian_seed_net(torch, True):.3g} us")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
