# Imitates DeepLearning.AI's "PyTorch for Deep Learning" professional certificate (Coursera, 2025), course 2: saving
# and loading a model's state_dict, a training checkpoint dict with the epoch, the model's and the optimizer's state
# and the loss, resuming training from it (Adam's state and step counters carried over, a scheduler's too), the
# best-model-so-far pattern with copy.deepcopy, load_state_dict's strict=False result and its errors (a missing key,
# a size mismatch), and torch.load's weights_only refusing a checkpoint that holds a numpy value.
import copy
import io
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim

# %%
class TinyNet(nn.Module):
    def __init__(self, hidden=6):
        super().__init__()
        self.fc1 = nn.Linear(4, hidden)
        self.fc2 = nn.Linear(hidden, 2)
    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))

torch.manual_seed(0)
model = TinyNet()
for param_tensor in model.state_dict():
    print(param_tensor, "\t", model.state_dict()[param_tensor].size())
optimizer = optim.Adam(model.parameters(), lr=0.01)
print(optimizer.state_dict())
X, y = torch.randn(20, 4), torch.randint(0, 2, (20,))
criterion = nn.CrossEntropyLoss()
for epoch in range(3):
    optimizer.zero_grad()
    loss = criterion(model(X), y)
    loss.backward()
    optimizer.step()
sd = optimizer.state_dict()
print(sd["param_groups"])
print(list(sd["state"].keys()), sorted(sd["state"][0].keys()), sd["state"][0]["step"])
print(sd["state"][3]["exp_avg"], sd["state"][3]["exp_avg_sq"].shape)

# %%
buffer = io.BytesIO()
torch.save(model.state_dict(), buffer)
buffer.seek(0)
model2 = TinyNet()
print(model2.load_state_dict(torch.load(buffer)))
print(all(torch.equal(a, b) for a, b in zip(model.state_dict().values(), model2.state_dict().values())))
model2.eval()
with torch.no_grad():
    print(torch.allclose(model(X), model2(X)))
state = torch.load(io.BytesIO(buffer.getvalue()), weights_only=True)
print(type(state).__name__, list(state.keys()), state["fc2.bias"])

# %%
checkpoint_buffer = io.BytesIO()
epoch = 3
torch.save({
    'epoch': epoch,
    'model_state_dict': model.state_dict(),
    'optimizer_state_dict': optimizer.state_dict(),
    'loss': loss.item(),
}, checkpoint_buffer)
checkpoint_buffer.seek(0)
torch.manual_seed(1)
resumed = TinyNet()
resumed_opt = optim.Adam(resumed.parameters(), lr=0.5)
checkpoint = torch.load(checkpoint_buffer)
resumed.load_state_dict(checkpoint['model_state_dict'])
resumed_opt.load_state_dict(checkpoint['optimizer_state_dict'])
start_epoch = checkpoint['epoch']
print(f"Resuming from epoch {start_epoch} with loss {checkpoint['loss']:.4f}")
print(resumed_opt.param_groups[0]["lr"], resumed_opt.state[resumed.fc1.weight]["step"])
for epoch in range(start_epoch, start_epoch + 2):
    for m, o in [(model, optimizer), (resumed, resumed_opt)]:
        o.zero_grad()
        l = criterion(m(X), y)
        l.backward()
        o.step()
    print(f"Epoch {epoch + 1}: original {criterion(model(X), y).item():.6f} resumed {criterion(resumed(X), y).item():.6f}")
print(torch.equal(model.fc1.weight, resumed.fc1.weight))

# %%
torch.manual_seed(2)
net = TinyNet()
opt = optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
scheduler = optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)
best_val, best_state, best_epoch = float("inf"), None, -1
Xv, yv = torch.randn(10, 4), torch.randint(0, 2, (10,))
for epoch in range(6):
    net.train()
    opt.zero_grad()
    criterion(net(X), y).backward()
    opt.step()
    scheduler.step()
    net.eval()
    with torch.no_grad():
        val_loss = criterion(net(Xv), yv).item()
    if val_loss < best_val:
        best_val, best_epoch = val_loss, epoch
        best_state = copy.deepcopy(net.state_dict())
        print(f"Epoch {epoch}: new best val loss {val_loss:.4f} (lr {scheduler.get_last_lr()[0]})")
print(best_epoch, scheduler.state_dict())
net.load_state_dict(best_state)
ckpt = {"model": net.state_dict(), "optimizer": opt.state_dict(), "scheduler": scheduler.state_dict()}
buf = io.BytesIO()
torch.save(ckpt, buf)
buf.seek(0)
loaded = torch.load(buf)
opt2 = optim.SGD(TinyNet().parameters(), lr=0.1, momentum=0.9)
sched2 = optim.lr_scheduler.StepLR(opt2, step_size=2, gamma=0.5)
opt2.load_state_dict(loaded["optimizer"])
sched2.load_state_dict(loaded["scheduler"])
print(sched2.last_epoch, sched2.get_last_lr(), opt2.param_groups[0]["lr"], loaded["optimizer"]["state"][0].keys())

# %%
bigger = TinyNet(hidden=8)
try:
    bigger.load_state_dict(model.state_dict())
except Exception as e:
    print(type(e).__name__, e)
partial = {k: v for k, v in model.state_dict().items() if k.startswith("fc1")}
try:
    TinyNet().load_state_dict(partial)
except Exception as e:
    print(type(e).__name__, e)
result = TinyNet().load_state_dict(partial, strict=False)
print(result)
print(result.missing_keys, result.unexpected_keys)
extra = dict(model.state_dict(), **{"fc3.weight": torch.zeros(1)})
print(TinyNet().load_state_dict(extra, strict=False))
try:
    optim.Adam(TinyNet().parameters()).load_state_dict({"state": {}, "param_groups": []})
except Exception as e:
    print(type(e).__name__, e)

# %%
bad = io.BytesIO()
torch.save({"epoch": 1, "loss": np.float64(0.25), "model": model.state_dict()}, bad)
bad.seek(0)
try:
    torch.load(bad)
except Exception as e:
    print(type(e).__name__, str(e).splitlines()[0])
bad.seek(0)
print(torch.load(bad, weights_only=False)["loss"])
