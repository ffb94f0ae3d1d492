# Imitates dataflowr (Marc Lelarge) module 4 "optimization": SGD with momentum and Nesterov, Adagrad, RMSprop and
# Adam minimising a 2-d Rosenbrock-like function, printing the trajectories every few steps and the optimizer.
import torch

# %%
def rosen(p, a=1.0, b=10.0):
    x, y = p[0], p[1]
    return (a - x) ** 2 + b * (y - x ** 2) ** 2

def run(make_opt, steps=60, every=20):
    p = torch.tensor([-1.5, 2.0], requires_grad=True)
    opt = make_opt([p])
    traj = []
    for i in range(steps):
        opt.zero_grad()
        loss = rosen(p)
        loss.backward()
        opt.step()
        if i % every == 0:
            traj.append((i, round(loss.item(), 4), p.detach().clone()))
    return p, traj

# %%
for name, mk in [
    ("sgd", lambda ps: torch.optim.SGD(ps, lr=1e-3)),
    ("momentum", lambda ps: torch.optim.SGD(ps, lr=1e-3, momentum=0.9)),
    ("nesterov", lambda ps: torch.optim.SGD(ps, lr=1e-3, momentum=0.9, nesterov=True)),
    ("adagrad", lambda ps: torch.optim.Adagrad(ps, lr=0.5)),
    ("rmsprop", lambda ps: torch.optim.RMSprop(ps, lr=0.01)),
    ("rmsprop_c", lambda ps: torch.optim.RMSprop(ps, lr=0.01, momentum=0.5, centered=True)),
    ("adam", lambda ps: torch.optim.Adam(ps, lr=0.05)),
    ("adam_ams", lambda ps: torch.optim.Adam(ps, lr=0.05, amsgrad=True, weight_decay=0.01)),
]:
    p, traj = run(mk)
    print(name, p)
    for row in traj:
        print("   ", *row)

# %%
p = torch.tensor([-1.5, 2.0], requires_grad=True)
opt = torch.optim.SGD([p], lr=1e-3, momentum=0.9, nesterov=True)
print(opt)
opt2 = torch.optim.Adagrad([p], lr=0.5)
print(opt2)
print(torch.optim.RMSprop([p]))
print(torch.optim.Adam([p], lr=0.05))
rosen(p).backward()
opt.step()
print(opt.state_dict()["state"], opt.state_dict()["param_groups"])
opt2.step()
print(opt2.state[p])

# %%
for bad in [
    lambda: torch.optim.SGD([p], lr=0.1, nesterov=True),
    lambda: torch.optim.SGD([p], lr=-0.1),
    lambda: torch.optim.Adam([p], lr=0.1, betas=(1.0, 0.999)),
    lambda: torch.optim.Adagrad([p], lr=0.1, lr_decay=-1),
    lambda: torch.optim.RMSprop([p], lr=0.1, alpha=-0.1),
    lambda: torch.optim.SGD(p, lr=0.1),
    lambda: torch.optim.Adam([], lr=0.1),
    lambda: torch.optim.SGD([p, p], lr=0.1),
]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
# the learner's hand-written gradient descent on the same function
x = torch.tensor([-1.5, 2.0], requires_grad=True)
for i in range(200):
    f = rosen(x)
    g, = torch.autograd.grad(f, x)
    with torch.no_grad():
        x -= 1e-3 * g
    if i % 50 == 0:
        print(i, f.item(), g)
print(x)
