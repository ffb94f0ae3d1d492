# Imitates the "Saving and loading a general checkpoint" recipe as full training scripts extend it (the
# pytorch/examples imagenet main.py save_checkpoint with best_acc1, Raschka's and Sebastian's early-stopping
# notebooks): a checkpoint dict holding model, optimizer, scheduler, epoch and RNG states (torch.get_rng_state,
# set_rng_state, a Generator's state), early stopping that keeps copy.deepcopy(model.state_dict()), label smoothing
# in F.cross_entropy, and what zero_grad(set_to_none=...) leaves behind.
import copy
import io
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
state = torch.get_rng_state()
print(type(state).__name__, state.dtype, state.shape, state.device)
a = torch.rand(3)
torch.set_rng_state(state)
b = torch.rand(3)
print(torch.equal(a, b), a)
g = torch.Generator().manual_seed(42)
gs = g.get_state()
x1 = torch.randn(2, generator=g)
g.set_state(gs)
print(torch.equal(x1, torch.randn(2, generator=g)), g.initial_seed(), torch.initial_seed())

# %%
try:
    torch.set_rng_state(state.tolist())
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.set_rng_state(state.float())
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.set_rng_state(state[:100])
except Exception as e:
    print(type(e).__name__, e)
with torch.random.fork_rng():
    torch.manual_seed(123)
    inside = torch.rand(1)
after = torch.rand(1)
torch.set_rng_state(state)
torch.rand(3)
print(torch.equal(after, torch.rand(1)))

# %%
# label smoothing
logits = torch.tensor([[2.0, 0.5, -1.0], [0.1, 0.2, 3.0], [1.0, 1.0, 1.0]], requires_grad=True)
target = torch.tensor([0, 2, 1])
for eps in [0.0, 0.1, 0.5]:
    print(eps, F.cross_entropy(logits, target, label_smoothing=eps))
loss = F.cross_entropy(logits, target, label_smoothing=0.2, reduction="none")
print(loss)
loss.sum().backward()
print(logits.grad)
print(F.cross_entropy(logits, torch.tensor([0, -100, 1]), label_smoothing=0.1))
print(F.cross_entropy(logits, torch.tensor([0, 2, 1]), weight=torch.tensor([1.0, 2.0, 0.5]), label_smoothing=0.1))
probs = torch.tensor([[0.7, 0.2, 0.1], [0.0, 0.0, 1.0], [0.3, 0.3, 0.4]])
print(F.cross_entropy(logits, probs, label_smoothing=0.1))
crit = nn.CrossEntropyLoss(label_smoothing=0.1)
print(crit, crit.label_smoothing)
for bad in [1.5, -0.1]:
    try:
        F.cross_entropy(logits, target, label_smoothing=bad)
    except Exception as e:
        print(type(e).__name__, e)

# %%
# early stopping on a validation metric, keeping the best weights
torch.manual_seed(0)
X, y = torch.randn(40, 4), torch.randint(0, 3, (40,))
Xv, yv = torch.randn(20, 4), torch.randint(0, 3, (20,))
model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 3))
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=3, gamma=0.5)
best_loss, best_state, patience, bad_epochs, best_epoch = float("inf"), None, 2, 0, -1
for epoch in range(20):
    model.train()
    optimizer.zero_grad()
    F.cross_entropy(model(X), y, label_smoothing=0.1).backward()
    optimizer.step()
    scheduler.step()
    model.eval()
    with torch.no_grad():
        val = F.cross_entropy(model(Xv), yv).item()
    if val < best_loss - 1e-4:
        best_loss, bad_epochs, best_epoch = val, 0, epoch
        best_state = copy.deepcopy(model.state_dict())
    else:
        bad_epochs += 1
        if bad_epochs >= patience:
            print("early stop at", epoch, "best", best_epoch, round(best_loss, 4))
            break
print(best_state["2.bias"], best_state["2.bias"].requires_grad, best_state["2.bias"] is model[2].bias)
model.load_state_dict(best_state)
print(torch.equal(model[2].bias, best_state["2.bias"]))
shallow = model.state_dict()
with torch.no_grad():
    model[2].bias.add_(1.0)
print(torch.equal(shallow["2.bias"], model[2].bias), torch.equal(best_state["2.bias"], model[2].bias))

# %%
# checkpoint with rng states, resumed so the next epoch matches the uninterrupted run
buf = io.BytesIO()
torch.save({"epoch": epoch, "model_state_dict": model.state_dict(), "optimizer_state_dict": optimizer.state_dict(),
            "scheduler_state_dict": scheduler.state_dict(), "best_loss": best_loss,
            "rng_state": torch.get_rng_state()}, buf)
buf.seek(0)
ckpt = torch.load(buf, weights_only=True)
print(sorted(ckpt), ckpt["epoch"], ckpt["rng_state"].dtype, ckpt["scheduler_state_dict"])
noise_a = torch.randn(2)
torch.set_rng_state(ckpt["rng_state"])
noise_b = torch.randn(2)
print(torch.equal(noise_a, noise_b))
m2 = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 3))
o2 = torch.optim.Adam(m2.parameters(), lr=0.05)
s2 = torch.optim.lr_scheduler.StepLR(o2, step_size=3, gamma=0.5)
print(m2.load_state_dict(ckpt["model_state_dict"]))
o2.load_state_dict(ckpt["optimizer_state_dict"])
s2.load_state_dict(ckpt["scheduler_state_dict"])
start_epoch = ckpt["epoch"] + 1
print(start_epoch, s2.get_last_lr(), o2.param_groups[0]["lr"], o2.state_dict()["state"][0]["step"])

# %%
# zero_grad(set_to_none=...) effects
net = nn.Linear(2, 1)
opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
net(torch.ones(1, 2)).sum().backward()
g_before = net.weight.grad
opt.zero_grad(set_to_none=False)
print(net.weight.grad, net.weight.grad is g_before, net.weight.grad.grad_fn)
opt.zero_grad()
print(net.weight.grad, net.bias.grad)
opt.step()
print(opt.state_dict()["state"])
net(torch.ones(1, 2)).sum().backward()
net.zero_grad(set_to_none=False)
print(net.bias.grad)
try:
    opt.zero_grad(False, True)
except Exception as e:
    print(type(e).__name__, e)
