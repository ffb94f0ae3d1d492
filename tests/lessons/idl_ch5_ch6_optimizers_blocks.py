# Imitates Edward Raff's "Inside Deep Learning" (Manning; repo EdwardRaff/Inside-Deep-Learning), chapters 5 (modern
# training techniques) and 6 (common design building blocks) at tiny sizes on synthetic data: the book's
# train_network helper (AdamW by default, an lr_schedule stepped once per epoch, ReduceLROnPlateau given the last val
# loss), SGD with momentum and nesterov, StepLR / CosineAnnealingLR / ReduceLROnPlateau, gradient clipping with
# clip_grad_norm_ / clip_grad_value_, then nn.LeakyReLU, nn.BatchNorm1d / BatchNorm2d, nn.LayerNorm, a ResidualBlockE
# with a 1x1 Conv shortcut and the ResidualBottleNeck, counting their parameters.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(5)
np.random.seed(5)

X = torch.randn(96, 6)
y = ((X[:, 0] * X[:, 1] > 0).long() + (X[:, 2] > 1).long())
train_loader = DataLoader(TensorDataset(X[:64], y[:64]), batch_size=16, shuffle=True)
val_loader = DataLoader(TensorDataset(X[64:], y[64:]), batch_size=32)

def run_epoch(model, optimizer, data_loader, loss_func, results, prefix, clip=None):
    running_loss, correct, n = [], 0, 0
    for inputs, labels in data_loader:
        y_hat = model(inputs)
        loss = loss_func(y_hat, labels)
        if model.training:
            loss.backward()
            if clip is not None:
                clip(model.parameters())
            optimizer.step()
            optimizer.zero_grad()
        running_loss.append(loss.item())
        correct += (y_hat.detach().numpy().argmax(1) == labels.numpy()).sum()
        n += len(labels)
    results[prefix + " loss"].append(round(float(np.mean(running_loss)), 4))
    results[prefix + " Accuracy"].append(round(float(correct / n), 4))

def train_network(model, loss_func, train_loader, val_loader=None, epochs=3, lr_schedule=None, optimizer=None,
                  clip=None):
    results = {"epoch": [], "train loss": [], "train Accuracy": [], "val loss": [], "val Accuracy": [], "lr": []}
    if optimizer is None:
        optimizer = torch.optim.AdamW(model.parameters())
    for epoch in range(epochs):
        model = model.train()
        run_epoch(model, optimizer, train_loader, loss_func, results, "train", clip)
        results["epoch"].append(epoch)
        model = model.eval()
        with torch.no_grad():
            run_epoch(model, optimizer, val_loader, loss_func, results, "val")
        results["lr"].append(round(optimizer.param_groups[0]["lr"], 6))
        if lr_schedule is not None:
            if isinstance(lr_schedule, torch.optim.lr_scheduler.ReduceLROnPlateau):
                lr_schedule.step(results["val loss"][-1])
            else:
                lr_schedule.step()
    return results

def fc_model(act=nn.Tanh, norm=None):
    layers = [nn.Linear(6, 16)]
    if norm is not None:
        layers.append(norm(16))
    layers += [act(), nn.Linear(16, 16), act(), nn.Linear(16, 3)]
    return nn.Sequential(*layers)

loss_func = nn.CrossEntropyLoss()
torch.manual_seed(5)
r = train_network(fc_model(), loss_func, train_loader, val_loader)
print(r)

# %%
epochs = 4
for name in ["sgd", "momentum", "nesterov", "step", "cosine", "plateau"]:
    torch.manual_seed(7)
    model = fc_model(nn.LeakyReLU)
    momentum = {"sgd": 0.0, "momentum": 0.9}.get(name, 0.9)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=momentum, nesterov=(name == "nesterov"))
    schedule = None
    if name == "step":
        schedule = torch.optim.lr_scheduler.StepLR(optimizer, epochs // 2, gamma=0.3)
    elif name == "cosine":
        schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=epochs, eta_min=0.0001)
    elif name == "plateau":
        schedule = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="min", factor=0.2, patience=0,
                                                              threshold=0.2)
    r = train_network(model, loss_func, train_loader, val_loader, epochs=epochs, lr_schedule=schedule,
                      optimizer=optimizer)
    print(name, r["train loss"], r["val Accuracy"], r["lr"])
    if schedule is not None and not isinstance(schedule, torch.optim.lr_scheduler.ReduceLROnPlateau):
        print("  ", schedule.get_last_lr(), schedule.last_epoch)
try:
    torch.optim.SGD(model.parameters(), lr=0.1, nesterov=True)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="smallest")
except Exception as e:
    print(type(e).__name__, e)
sched = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, factor=0.5, patience=1)
for v in [1.0, 1.0, 1.0, 1.0, 0.5]:
    sched.step(v)
print(sched.get_last_lr(), sched.num_bad_epochs, sched.best)

# %%
torch.manual_seed(3)
model = fc_model()
xb, yb = next(iter(train_loader))
loss = loss_func(model(xb) * 50, yb)
loss.backward()
total = nn.utils.clip_grad_norm_(model.parameters(), 1.0)
print(total.dtype, round(total.item(), 3))
print(round(torch.norm(torch.stack([p.grad.norm() for p in model.parameters()])).item(), 4))
nn.utils.clip_grad_value_(model.parameters(), 0.01)
print(max(p.grad.abs().max().item() for p in model.parameters()) <= 0.01)
gradient_clip = lambda params: nn.utils.clip_grad_norm_(params, 5)
torch.manual_seed(3)
net = fc_model()
r = train_network(net, loss_func, train_loader, val_loader, epochs=2,
                  optimizer=torch.optim.AdamW(net.parameters(), lr=0.01, weight_decay=0.05), clip=gradient_clip)
print(r["train loss"], r["lr"])

# %%
leaky = nn.LeakyReLU(0.1)
t = torch.linspace(-2, 2, 5, requires_grad=True)
out = leaky(t)
out.sum().backward()
print(leaky, out, t.grad)
print(nn.LeakyReLU(), F.leaky_relu(torch.tensor([-1.0, 3.0]), negative_slope=0.2))
bn = nn.BatchNorm1d(4)
ln = nn.LayerNorm(4)
x4 = torch.randn(8, 4) * 3 + 1
print(bn, ln)
out_bn = bn(x4)
print(out_bn.mean(0).abs().max() < 1e-5, bn.running_mean, bn.running_var, bn.num_batches_tracked)
print(ln(x4).mean(-1).abs().max() < 1e-5, ln.weight.shape, ln.normalized_shape)
bn.eval()
print(bn(x4[:2]).shape)
bn.train()
try:
    bn(x4[:1])
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.BatchNorm2d(4)(x4)
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.LayerNorm(5)(x4)
except Exception as e:
    print(type(e).__name__, e)

# %%
class ResidualBlockE(nn.Module):
    def __init__(self, channels, kernel_size=3, leak_rate=0.1):
        super().__init__()
        pad = (kernel_size - 1) // 2
        self.F = nn.Sequential(
            nn.BatchNorm2d(channels),
            nn.LeakyReLU(leak_rate),
            nn.Conv2d(channels, channels, kernel_size, padding=pad),
            nn.BatchNorm2d(channels),
            nn.LeakyReLU(leak_rate),
            nn.Conv2d(channels, channels, kernel_size, padding=pad),
        )

    def forward(self, x):
        return x + self.F(x)

class ResidualBottleNeck(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size=3, leak_rate=0.1):
        super().__init__()
        pad = (kernel_size - 1) // 2
        bottleneck = max(out_channels // 4, in_channels)
        self.F = nn.Sequential(
            nn.BatchNorm2d(in_channels),
            nn.LeakyReLU(leak_rate),
            nn.Conv2d(in_channels, bottleneck, 1, padding=0),
            nn.BatchNorm2d(bottleneck),
            nn.LeakyReLU(leak_rate),
            nn.Conv2d(bottleneck, bottleneck, kernel_size, padding=pad),
            nn.BatchNorm2d(bottleneck),
            nn.LeakyReLU(leak_rate),
            nn.Conv2d(bottleneck, out_channels, 1, padding=0),
        )
        self.shortcut = nn.Identity()
        if in_channels != out_channels:
            self.shortcut = nn.Sequential(
                nn.Conv2d(in_channels, out_channels, 1, padding=0),
                nn.BatchNorm2d(out_channels),
            )

    def forward(self, x):
        return self.shortcut(x) + self.F(x)

torch.manual_seed(11)
C = 4
cnn = nn.Sequential(
    nn.Conv2d(1, C, 3, padding=1), nn.BatchNorm2d(C), nn.LeakyReLU(0.1),
    ResidualBlockE(C),
    nn.MaxPool2d(2),
    ResidualBottleNeck(C, 2 * C),
    nn.AdaptiveAvgPool2d(1),
    nn.Flatten(),
    nn.Linear(2 * C, 3),
)
imgs = torch.randn(6, 1, 8, 8)
labels = torch.tensor([0, 1, 2, 0, 1, 2])
print(cnn(imgs).shape, sum(p.numel() for p in cnn.parameters()))
print(cnn[5])
print([n for n, b in cnn.named_buffers()][:4], len(list(cnn.buffers())))
opt = torch.optim.AdamW(cnn.parameters(), lr=0.01)
for step in range(3):
    loss = F.cross_entropy(cnn(imgs), labels)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 4))
cnn.eval()
with torch.no_grad():
    # (not the argmax: a conv bias before BatchNorm gets a gradient of rounding noise, which AdamW turns into
    # full steps; PyTorch's oneDNN convolution sums in an order the engine does not reproduce: README Limits)
    print(cnn(imgs).shape, cnn[1].running_mean.shape, cnn[3].F[0].num_batches_tracked)
