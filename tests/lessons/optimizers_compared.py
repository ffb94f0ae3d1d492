# Imitates a lesson comparing optimizers on f(w) = (w - 3)^2: plain SGD, SGD with momentum, Adam, printing w.item().
import torch

# %%
def minimise(make_opt, steps=101, every=25):
    w = torch.tensor([0.0], requires_grad=True)
    opt = make_opt([w])
    for step in range(steps):
        opt.zero_grad()
        loss = ((w - 3) ** 2).sum()
        loss.backward()
        opt.step()
        if step % every == 0:
            print(step, w.item(), loss.item())
    return w

# %%
minimise(lambda p: torch.optim.SGD(p, lr=0.1))

# %%
minimise(lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9))

# %%
minimise(lambda p: torch.optim.Adam(p, lr=0.1))

# %%
w = torch.tensor([0.0], requires_grad=True)
opt = torch.optim.Adam([w], lr=0.1)
for step in range(3):
    opt.zero_grad()
    ((w - 3) ** 2).sum().backward()
    opt.step()
    print(w)
