# Imitates the Examples blocks and constructor signatures of the PyTorch documentation pages for torch.optim
# (SGD with momentum / nesterov / dampening / maximize, Adam amsgrad, AdamW, Adamax, Adagrad's lr_decay and
# initial_accumulator_value, Adadelta, RMSprop centered with momentum, Rprop's etas and step_sizes, ASGD, NAdam and
# RAdam with decoupled_weight_decay) as a learner copies them onto a small seeded model: each optimizer printed,
# a few steps taken, the parameters and the per-parameter state printed.
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Linear(3, 2)
x = torch.randn(4, 3)
y = torch.randn(4, 2)
init = {k: v.clone() for k, v in model.state_dict().items()}

def run(opt, steps=3):
    model.load_state_dict(init)
    for _ in range(steps):
        opt.zero_grad()
        loss = nn.functional.mse_loss(model(x), y)
        loss.backward()
        opt.step()
    print(opt)
    print(model.weight.data)
    print(model.bias.data)
    return opt

# %%
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
run(optimizer)
print(optimizer.state[model.weight]["momentum_buffer"])
opt = run(torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, nesterov=True, weight_decay=1e-2))
opt = run(torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.5, dampening=0.5, maximize=True))

# %%
opt = run(torch.optim.Adam(model.parameters(), lr=1e-2, amsgrad=True))
st = opt.state[model.weight]
print(sorted(st.keys()), st["step"], st["max_exp_avg_sq"])
opt = run(torch.optim.AdamW(model.parameters(), lr=1e-2, weight_decay=0.1))
print(opt.state[model.bias]["exp_avg"], opt.state[model.bias]["step"])
opt = run(torch.optim.Adamax(model.parameters(), lr=2e-3))
print(sorted(opt.state[model.bias].keys()), opt.state[model.bias]["exp_inf"])

# %%
opt = run(torch.optim.Adagrad(model.parameters(), lr=0.1, lr_decay=0.01, initial_accumulator_value=0.1))
print(opt.state[model.bias])
opt = run(torch.optim.Adadelta(model.parameters(), lr=1.0, rho=0.9))
print(opt.state[model.bias])
opt = run(torch.optim.RMSprop(model.parameters(), lr=0.01, centered=True, momentum=0.9))
print(sorted(opt.state[model.bias].keys()))
print(opt.state[model.bias]["grad_avg"])

# %%
opt = run(torch.optim.Rprop(model.parameters(), lr=0.01, etas=(0.4, 1.3), step_sizes=(1e-5, 1)))
print(opt.state[model.bias])
opt = run(torch.optim.ASGD(model.parameters(), lr=0.01, t0=1, lambd=1e-3))
print(opt.state[model.bias])

# %%
opt = run(torch.optim.NAdam(model.parameters(), lr=2e-3, weight_decay=0.01, decoupled_weight_decay=True))
print(opt.state[model.bias])
opt = run(torch.optim.RAdam(model.parameters(), lr=1e-3, weight_decay=0.01, decoupled_weight_decay=True))
print(opt.state[model.bias])
opt = run(torch.optim.NAdam(model.parameters(), momentum_decay=4e-3), steps=6)

# %%
for bad in [lambda: torch.optim.SGD(model.parameters(), lr=0.1, nesterov=True),
            lambda: torch.optim.SGD(model.parameters(), lr=-0.1),
            lambda: torch.optim.Adam(model.parameters(), betas=(1.0, 0.999)),
            lambda: torch.optim.Adagrad(model.parameters(), lr_decay=-1),
            lambda: torch.optim.Adagrad(model.parameters(), initial_accumulator_value=-1),
            lambda: torch.optim.Adadelta(model.parameters(), rho=1.5),
            lambda: torch.optim.RMSprop(model.parameters(), alpha=-1),
            lambda: torch.optim.Rprop(model.parameters(), etas=(1.2, 0.5)),
            lambda: torch.optim.RAdam(model.parameters(), eps=-1),
            lambda: torch.optim.NAdam(model.parameters(), momentum_decay=-1),
            lambda: torch.optim.ASGD(model.parameters(), weight_decay=-1),
            lambda: torch.optim.Adamax(model.parameters(), betas=(0.9, 1.0)),
            lambda: torch.optim.AdamW(model.parameters(), lr=torch.tensor([0.1, 0.2])),
            lambda: torch.optim.SGD([], lr=0.1),
            lambda: torch.optim.SGD(model.weight, lr=0.1)]:
    try:
        bad()
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)
