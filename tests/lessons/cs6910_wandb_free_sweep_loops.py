# Imitates CS6910 Assignment 1 / 2 student repos' hyperparameter sweeps with the wandb calls stripped out: a config
# grid (itertools.product over optimiser, activation, weight init, batch size, learning rate, weight decay) run as
# plain loops over a small feed-forward classifier on random Fashion-MNIST-shaped data; TensorDataset + random_split
# (90/10 train/validation) + DataLoader, per-run validation accuracy, a confusion matrix by bincount, the best config
# kept with copy.deepcopy of its state_dict, and a results table printed at the end.
import copy, itertools, io
import torch
import torch.nn as nn
from torch.utils.data import TensorDataset, DataLoader, random_split

# %%
torch.manual_seed(0)
X = torch.randn(200, 28, 28)
y = torch.randint(0, 10, (200,))
X = X.reshape(X.shape[0], -1) / X.abs().max()
ds = TensorDataset(X, y)
g = torch.Generator().manual_seed(42)
train_ds, val_ds = random_split(ds, [0.9, 0.1], generator=g)
print(len(train_ds), len(val_ds), type(train_ds).__name__, val_ds.indices[:5])
try:
    random_split(ds, [150, 40])
except Exception as e:
    print(type(e).__name__, e)
print(ds[3][0].shape, ds[3][1], len(ds))

# %%
ACTS = {"sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "ReLU": nn.ReLU}
def make_model(n_hidden, size, act, init):
    layers, d = [], 784
    for _ in range(n_hidden):
        lin = nn.Linear(d, size)
        if init == "Xavier":
            nn.init.xavier_normal_(lin.weight)
        else:
            nn.init.normal_(lin.weight, std=0.05)
        nn.init.zeros_(lin.bias)
        layers += [lin, ACTS[act]()]
        d = size
    layers.append(nn.Linear(d, 10))
    return nn.Sequential(*layers)

def make_opt(name, params, lr, wd):
    if name == "sgd":
        return torch.optim.SGD(params, lr=lr, weight_decay=wd)
    if name == "momentum":
        return torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=wd)
    if name == "nag":
        return torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True, weight_decay=wd)
    if name == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr, alpha=0.9, eps=1e-8, weight_decay=wd)
    if name == "adam":
        return torch.optim.Adam(params, lr=lr, betas=(0.9, 0.999), weight_decay=wd)
    if name == "nadam":
        return torch.optim.NAdam(params, lr=lr, weight_decay=wd)
    raise ValueError(f"unknown optimizer {name}")

m = make_model(2, 16, "tanh", "Xavier")
print(m)
print(make_opt("nag", m.parameters(), 0.01, 0.0005).param_groups[0]["nesterov"])

# %%
def evaluate(model, loader, loss_fn):
    model.eval()
    total, correct, loss_sum = 0, 0, 0.0
    with torch.no_grad():
        for xb, yb in loader:
            out = model(xb)
            loss_sum += loss_fn(out, yb).item() * xb.size(0)
            correct += (out.argmax(dim=1) == yb).sum().item()
            total += yb.numel()
    return loss_sum / total, correct / total

def run(cfg, epochs=2):
    torch.manual_seed(cfg["seed"])
    model = make_model(cfg["hidden_layers"], cfg["hidden_size"], cfg["activation"], cfg["weight_init"])
    opt = make_opt(cfg["optimizer"], model.parameters(), cfg["lr"], cfg["weight_decay"])
    loss_fn = nn.CrossEntropyLoss() if cfg["loss"] == "cross_entropy" else None
    train_dl = DataLoader(train_ds, batch_size=cfg["batch_size"], shuffle=True,
                          generator=torch.Generator().manual_seed(cfg["seed"]))
    val_dl = DataLoader(val_ds, batch_size=64)
    for epoch in range(epochs):
        model.train()
        for xb, yb in train_dl:
            out = model(xb)
            if loss_fn is None:
                loss = ((torch.softmax(out, dim=1) - nn.functional.one_hot(yb, 10).float()) ** 2).sum(1).mean()
            else:
                loss = loss_fn(out, yb)
            opt.zero_grad()
            loss.backward()
            opt.step()
    return model, evaluate(model, val_dl, nn.CrossEntropyLoss())

grid = {
    "optimizer": ["sgd", "nag", "rmsprop", "adam", "nadam"],
    "activation": ["tanh", "ReLU"],
    "batch_size": [16, 32],
}
fixed = dict(hidden_layers=2, hidden_size=16, weight_init="Xavier", lr=1e-3, weight_decay=0.0005,
             loss="cross_entropy", seed=1)
results = []
best = (-1.0, None, None)
for values in itertools.product(*grid.values()):
    cfg = dict(zip(grid.keys(), values), **fixed)
    name = "hl_{hidden_layers}_bs_{batch_size}_ac_{activation}_{optimizer}".format(**cfg)
    model, (vloss, vacc) = run(cfg)
    results.append((name, vloss, vacc))
    if vacc > best[0]:
        best = (vacc, name, copy.deepcopy(model.state_dict()))
for name, vloss, vacc in sorted(results, key=lambda r: (-r[2], r[1]))[:6]:
    print(f"{name:32s} val_loss={vloss:.4f} val_acc={vacc:.3f}")
print(best[1], list(best[2].keys())[:2], best[2]["0.weight"].requires_grad)

# %%
cfg = dict(fixed, optimizer="adam", activation="sigmoid", batch_size=32, loss="mean_squared_error", weight_init="random")
model, (vloss, vacc) = run(cfg, epochs=1)
print(f"{vloss:.4f} {vacc:.3f}")
try:
    run(dict(cfg, optimizer="adagrad"))
except Exception as e:
    print(type(e).__name__, e)

# %%
model = make_model(2, 16, "ReLU", "Xavier")
model.load_state_dict(best[2])
val_x = torch.stack([val_ds[i][0] for i in range(len(val_ds))])
val_y = torch.tensor([val_ds[i][1] for i in range(len(val_ds))])
pred = model(val_x).argmax(1)
cm = torch.bincount(val_y * 10 + pred, minlength=100).reshape(10, 10)
print(cm.shape, cm.sum(), cm.diag().sum(), cm.dtype)
print(cm[:4, :4])
per_class = cm.diag() / cm.sum(1).clamp(min=1)
print(per_class)
buf = io.BytesIO()
torch.save(best[2], buf)
buf.seek(0)
sd = torch.load(buf)
print(all(torch.equal(sd[k], best[2][k]) for k in sd), type(sd).__name__)
try:
    model.load_state_dict({k: v for k, v in sd.items() if k != "4.bias"})
except Exception as e:
    print(type(e).__name__, e)
try:
    make_model(1, 16, "ReLU", "Xavier").load_state_dict(sd)
except Exception as e:
    print(type(e).__name__, e)
