# Imitates the "Optimizers" section of PyTorch's "Complex Numbers" documentation page (stepping an optimizer on
# complex parameters is stepping it on their torch.view_as_real equivalents: `complex_optim = torch.optim.AdamW(params)`
# next to `real_optim = torch.optim.AdamW(real_params)`), as a learner tries it for every optimizer of the torch.optim
# page (Adagrad with initial_accumulator_value, Adadelta, Adamax, NAdam, RAdam, Rprop, ASGD ...) on a seeded complex
# weight: the two runs compared with torch.allclose, the parameters and the optimizer state printed.
import torch

torch.manual_seed(0)

def loss_of(p):
    return (p.abs() ** 2 + p.real ** 3).sum()

def compare(cls, steps=6, **kw):
    params = [torch.rand(2, 3, dtype=torch.complex64) for _ in range(2)]
    real_params = [torch.view_as_real(p) for p in params]
    params = [p.clone().requires_grad_() for p in params]
    real_params = [p.clone().requires_grad_() for p in real_params]
    complex_optim = cls(params, **kw)
    real_optim = cls(real_params, **kw)
    for _ in range(steps):
        complex_optim.zero_grad()
        real_optim.zero_grad()
        sum(loss_of(p) for p in params).backward()
        sum(loss_of(torch.view_as_complex(p)) for p in real_params).backward()
        complex_optim.step()
        real_optim.step()
    same = all(torch.allclose(torch.view_as_real(p), r, atol=1e-6) for p, r in zip(params, real_params))
    print(cls.__name__, kw, same)
    print(params[0].data)
    return complex_optim, params

# %%
params = [torch.rand(2, 3, dtype=torch.complex64) for _ in range(5)]
real_params = [torch.view_as_real(p) for p in params]
complex_optim = torch.optim.AdamW(params)
real_optim = torch.optim.AdamW(real_params)
print(real_params[0].shape, real_params[0].dtype)
compare(torch.optim.AdamW, lr=0.1)
compare(torch.optim.SGD, lr=0.1, momentum=0.9, nesterov=True)
compare(torch.optim.RMSprop, lr=0.01, centered=True)

# %%
opt, params = compare(torch.optim.Adagrad, lr=0.1, initial_accumulator_value=0.1)
print(opt.state[params[0]]["sum"])
opt, params = compare(torch.optim.Adagrad, lr=0.1, lr_decay=0.01, weight_decay=0.1, maximize=True)
print(opt.state[params[1]]["sum"])

# %%
opt, params = compare(torch.optim.Adadelta, lr=1.0)
print(opt.state[params[0]]["square_avg"])
opt, params = compare(torch.optim.Adamax, lr=0.05, weight_decay=0.1)
print(opt.state[params[0]]["exp_inf"])

# %%
opt, params = compare(torch.optim.NAdam, lr=0.05)
print(opt.state[params[0]]["exp_avg_sq"])
compare(torch.optim.NAdam, lr=0.05, weight_decay=0.1, decoupled_weight_decay=True)
opt, params = compare(torch.optim.RAdam, lr=0.05, steps=8)
print(opt.state[params[0]]["exp_avg_sq"])
compare(torch.optim.RAdam, lr=0.05, steps=8, weight_decay=0.1)

# %%
opt, params = compare(torch.optim.Rprop, lr=0.01, etas=(0.4, 1.3))
print(opt.state[params[0]]["step_size"])
print(opt.state[params[0]]["prev"])
compare(torch.optim.ASGD, lr=0.05, t0=2)

# %%
# per-parameter options: a group added later gets its Adagrad state on the first step
w = torch.randn(3, dtype=torch.complex64, requires_grad=True)
b = torch.randn(1, requires_grad=True)
opt = torch.optim.Adagrad([w], lr=0.1, initial_accumulator_value=0.5)
print(opt.state[w])
opt.add_param_group({"params": [b], "lr": 0.01, "initial_accumulator_value": 2.0})
print(len(opt.state), opt.param_groups[1])
(loss_of(w) + (b ** 2).sum()).backward()
opt.step()
print(opt.state[b])
print(w.data, b.data)
print(opt.state_dict()["state"][1])
