"""What the hundred-and-sixty-fourth probe (the Examples blocks of the torch.optim and lr_scheduler documentation,
swa_utils, and the Complex Numbers page's "Optimizers" section) found, each checked against PyTorch: Adagrad,
Adadelta, Adamax, NAdam, RAdam and Rprop update a complex parameter as the real tensor of its parts (PyTorch's
view_as_real: each part squared on its own, not the complex square), Adagrad fills a complex parameter's sum with
initial + initial*1j and Rprop its step sizes with lr + lr*1j; and Adagrad gives a parameter group added after the
constructor its state (step 0 and the sum from the constructor's initial_accumulator_value) on the first step."""
import pytest

from helpers import assert_same_as_pytorch

SETUP = '''torch.manual_seed(0)
w0 = torch.randn(2, 3, dtype=torch.complex64)

def run(cls, steps=8, **kw):
    w = w0.clone().requires_grad_()
    opt = cls([w], **kw)
    for _ in range(steps):
        opt.zero_grad()
        (w.abs() ** 2 + w.real ** 3 - w.imag).sum().backward()
        opt.step()
    print(cls.__name__, kw)
    print(w.data)
    for k, v in opt.state[w].items():
        print(k, v)
'''

CELLS = {
    "adagrad_complex": [SETUP + '''run(torch.optim.Adagrad, lr=0.1)
run(torch.optim.Adagrad, lr=0.1, initial_accumulator_value=0.3, lr_decay=0.01, weight_decay=0.1, maximize=True)
'''],
    "adagrad_complex_initial_sum": [SETUP + '''w = w0.clone().requires_grad_()
opt = torch.optim.Adagrad([w], initial_accumulator_value=0.25)
print(opt.state[w]["sum"])
'''],
    "adadelta_complex": [SETUP + '''run(torch.optim.Adadelta, lr=1.0)
run(torch.optim.Adadelta, lr=0.5, rho=0.8, weight_decay=0.1)
'''],
    "adamax_complex": [SETUP + '''run(torch.optim.Adamax, lr=0.05)
run(torch.optim.Adamax, lr=0.05, weight_decay=0.1, maximize=True)
'''],
    "nadam_complex": [SETUP + '''run(torch.optim.NAdam, lr=0.05)
run(torch.optim.NAdam, lr=0.05, weight_decay=0.1, decoupled_weight_decay=True)
'''],
    "radam_complex": [SETUP + '''run(torch.optim.RAdam, lr=0.05, steps=10)
run(torch.optim.RAdam, lr=0.05, steps=10, weight_decay=0.1)
'''],
    "rprop_complex": [SETUP + '''run(torch.optim.Rprop, lr=0.01)
run(torch.optim.Rprop, lr=0.01, etas=(0.4, 1.3), step_sizes=(1e-3, 0.05), maximize=True)
'''],
    "adagrad_add_param_group_state": [
        '''import torch.nn as nn
torch.manual_seed(0)
model = nn.Linear(3, 1)
opt = torch.optim.Adagrad([model.weight], lr=0.1, initial_accumulator_value=0.5)
opt.add_param_group({"params": [model.bias], "lr": 0.01, "initial_accumulator_value": 2.0})
print(opt.param_groups[1], len(opt.state))
for _ in range(2):
    opt.zero_grad()
    model(torch.ones(2, 3)).pow(2).sum().backward()
    opt.step()
print(opt.state[model.bias])
print(model.bias.data, model.weight.data)
print(opt.state_dict()["state"])
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe164_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe164/{name}", warns="per_cell")
