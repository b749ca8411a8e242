"""Reference values for nn's LbfgsTest: torch.optim.LBFGS on a 2-3-1 tanh network, in float64.

Run with Debian's python3-torch:  /usr/bin/python3 tools/pytorch/lbfgs_trajectory.py
It prints Java array literals that the test stores; the build never runs this script.
"""
import torch

torch.set_default_dtype(torch.float64)

X = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [0.5, 0.25]])
Y = torch.tensor([[0.0], [1.0], [1.0], [0.0], [0.6]])
W0 = [[0.5, -0.4], [0.3, 0.8], [-0.7, 0.2]]
B0 = [0.1, -0.2, 0.05]
W2 = [[0.6, -0.5, 0.4]]
B2 = [0.0]


def net():
    model = torch.nn.Sequential(torch.nn.Linear(2, 3), torch.nn.Tanh(), torch.nn.Linear(3, 1))
    with torch.no_grad():
        model[0].weight.copy_(torch.tensor(W0))
        model[0].bias.copy_(torch.tensor(B0))
        model[2].weight.copy_(torch.tensor(W2))
        model[2].bias.copy_(torch.tensor(B2))
    return model


def run(name, steps, **settings):
    model = net()
    opt = torch.optim.LBFGS(model.parameters(), **settings)

    def closure():
        opt.zero_grad()
        loss = torch.nn.functional.mse_loss(model(X), Y)
        loss.backward()
        return loss

    losses = [float(opt.step(closure)) for _ in range(steps)]
    flat = torch.cat([p.detach().reshape(-1) for p in model.parameters()])
    state = opt.state[opt._params[0]]
    print(f"// {name}: {settings}, {steps} steps, n_iter {state['n_iter']}, func_evals {state['func_evals']}")
    print("double[] losses = {" + ", ".join(repr(v) for v in losses) + "};")
    print("double[] params = {" + ", ".join(repr(float(v)) for v in flat) + "};")


run("strong_wolfe", 3, line_search_fn="strong_wolfe", max_iter=10, history_size=5)
run("fixed step", 3, lr=0.1, max_iter=6)
