# Imitates MachineLearningMastery's "Using Optimizers from PyTorch" and Real Python's optimizer comparison: the
# same tiny regression fitted with SGD (momentum, nesterov, weight_decay), Adam (amsgrad), RMSprop (centered,
# momentum), Adagrad and AdamW, then printing optimizer.state_dict()['state'] and ['param_groups'], the optimizer's
# repr, and the errors a learner meets (nesterov without momentum, bad lr, an empty parameter list).
import torch
import torch.nn as nn
import torch.optim as optim

# %%
torch.manual_seed(0)
X = torch.arange(-5, 5, 0.5).view(-1, 1)
func = -5 * X
Y = func + 0.4 * torch.randn(X.size())
print(X.shape, Y[:3])

# %%
def fit(make_opt, steps=5):
    torch.manual_seed(1)
    model = nn.Linear(1, 1)
    opt = make_opt(model.parameters())
    criterion = nn.MSELoss()
    losses = []
    for _ in range(steps):
        opt.zero_grad()
        loss = criterion(model(X), Y)
        loss.backward()
        opt.step()
        losses.append(round(loss.item(), 4))
    return model, opt, losses

makers = {
    "SGD": lambda p: optim.SGD(p, lr=0.01),
    "SGD momentum": lambda p: optim.SGD(p, lr=0.01, momentum=0.9),
    "SGD nesterov": lambda p: optim.SGD(p, lr=0.01, momentum=0.9, nesterov=True, weight_decay=1e-3),
    "SGD dampening": lambda p: optim.SGD(p, lr=0.01, momentum=0.5, dampening=0.5),
    "Adam": lambda p: optim.Adam(p, lr=0.1),
    "Adam amsgrad": lambda p: optim.Adam(p, lr=0.1, amsgrad=True, weight_decay=0.01),
    "RMSprop": lambda p: optim.RMSprop(p, lr=0.01),
    "RMSprop centered": lambda p: optim.RMSprop(p, lr=0.01, centered=True, momentum=0.5),
    "Adagrad": lambda p: optim.Adagrad(p, lr=0.5, lr_decay=0.01, initial_accumulator_value=0.1),
    "AdamW": lambda p: optim.AdamW(p, lr=0.1),
}
results = {}
for name, make in makers.items():
    model, opt, losses = fit(make)
    results[name] = (model, opt)
    print(f"{name:18s}", losses)

# %%
model, opt = results["SGD momentum"]
print(opt)
sd = opt.state_dict()
print(sd.keys())
print(sd['state'])
print(sd['param_groups'])

# %%
for name in ["SGD", "SGD nesterov", "Adam", "Adam amsgrad"]:
    model, opt = results[name]
    sd = opt.state_dict()
    print(name, {k: sorted(v) for k, v in sd['state'].items()})
    print(sd['state'][0])
    print(sd['param_groups'][0])

# %%
for name in ["RMSprop", "RMSprop centered", "Adagrad", "AdamW"]:
    model, opt = results[name]
    print(opt)
    sd = opt.state_dict()
    print(sd['state'][1])
    print(sd['param_groups'])

# %%
model, opt = results["Adam"]
state = opt.state[model.weight]
print(type(opt.state).__name__, sorted(state), state['step'], state['step'].dtype)
print(opt.param_groups[0]['params'][0] is model.weight, len(opt.param_groups[0]['params']))
print(opt.defaults)
fresh_model = nn.Linear(1, 1)
fresh = optim.Adam(fresh_model.parameters(), lr=0.5)
print(fresh.state_dict())
fresh.load_state_dict(opt.state_dict())
print(fresh.param_groups[0]['lr'], fresh.state_dict()['state'][0]['step'])
print(fresh.state[fresh_model.bias])

# %%
for bad in [lambda: optim.SGD(nn.Linear(1, 1).parameters(), lr=0.1, nesterov=True),
            lambda: optim.SGD(nn.Linear(1, 1).parameters(), lr=-0.1),
            lambda: optim.Adam(nn.Linear(1, 1).parameters(), betas=(1.0, 0.999)),
            lambda: optim.Adam([], lr=0.1),
            lambda: optim.RMSprop(nn.Linear(1, 1).parameters(), alpha=-1),
            lambda: optim.Adagrad(nn.Linear(1, 1).parameters(), lr_decay=-1),
            lambda: optim.AdamW(nn.Linear(1, 1).parameters(), weight_decay=-0.1),
            lambda: optim.SGD(nn.Linear(1, 1).parameters(), lr=0.1, momentum=-0.5),
            lambda: optim.SGD(nn.Linear(1, 1), lr=0.1),
            lambda: optim.SGD(torch.ones(2, requires_grad=True), lr=0.1),
            lambda: optim.Adam(nn.Linear(1, 1).parameters(), eps=-1),
            lambda: fresh.load_state_dict({'state': {}, 'param_groups': []})]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
model, opt = results["SGD"]
opt.add_param_group({'params': [torch.zeros(2, requires_grad=True)], 'lr': 0.5})
print(opt)
print([g['lr'] for g in opt.param_groups], opt.state_dict()['param_groups'][1])
try:
    opt.add_param_group({'params': model.weight})
except Exception as e:
    print(type(e).__name__, e)
opt.zero_grad(set_to_none=False)
print(model.weight.grad, opt.param_groups[1]['params'][0].grad)
opt.zero_grad()
print(model.weight.grad)
