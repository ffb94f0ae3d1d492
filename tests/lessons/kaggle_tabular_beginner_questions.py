# Imitates the questions beginners post under Kaggle tabular PyTorch notebooks (Titanic / diabetes / house prices):
# a state_dict "saved" without copy.deepcopy, ReduceLROnPlateau misuse, torch.where / round on integer tensors,
# one-hot with too few classes, TensorDataset of mismatched sizes, randperm with a generator, and tensors in f-strings.
import copy
import warnings
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4), nn.ReLU(), nn.Dropout(0.5), nn.Linear(4, 1))
sd = model.state_dict()
print(list(sd.keys()))
print(sd["1.num_batches_tracked"], sd["1.running_mean"], sd["1.num_batches_tracked"].dtype)
saved = model.state_dict()
deep = copy.deepcopy(model.state_dict())
with torch.no_grad():
    model[0].weight.fill_(0.5)
print(saved["0.weight"][0], deep["0.weight"][0])
model.train()
model(torch.randn(8, 3))
print(saved["1.num_batches_tracked"], deep["1.num_batches_tracked"], model[1].running_mean)

# %%
model.load_state_dict(deep)
print(model[1].num_batches_tracked, model[0].weight[0])
print(deep["0.weight"].is_leaf, deep["0.weight"].requires_grad, type(deep).__name__)
clone_sd = {k: v.clone() for k, v in model.state_dict().items()}
cpu_sd = {k: v.detach().cpu() for k, v in model.state_dict().items()}
print(len(clone_sd), torch.equal(clone_sd["4.bias"], cpu_sd["4.bias"]))
print(model.state_dict(keep_vars=True)["0.weight"].requires_grad)

# %%
opt = torch.optim.SGD(model.parameters(), lr=0.1)
sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, "max", patience=0, factor=0.1, threshold=0.01)
for acc in [0.5, 0.6, 0.605, 0.6, 0.7, 0.69]:
    sched.step(acc)
    print(acc, opt.param_groups[0]["lr"], sched.best, sched.num_bad_epochs, sched.cooldown_counter)
sched2 = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, threshold_mode="abs", cooldown=1, eps=1e-3)
for v in [1.0, 1.0, 1.0, 1.0, 0.5]:
    sched2.step(torch.tensor(v))
print(opt.param_groups[0]["lr"], sched2.last_epoch, sched2.get_last_lr())

# %%
for make in [lambda: torch.optim.lr_scheduler.ReduceLROnPlateau(opt, mode="maximum"),
             lambda: torch.optim.lr_scheduler.ReduceLROnPlateau(opt, factor=1.0),
             lambda: torch.optim.lr_scheduler.ReduceLROnPlateau(opt, threshold_mode="relative"),
             lambda: torch.optim.lr_scheduler.ReduceLROnPlateau(model),
             lambda: torch.optim.lr_scheduler.ReduceLROnPlateau(opt, min_lr=[0.1, 0.2]),
             lambda: torch.optim.lr_scheduler.ReduceLROnPlateau(opt).step()]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    s3 = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, verbose=True)
    print([f"{x.category.__name__}: {x.message}" for x in w])

# %%
probs = torch.tensor([0.2, 0.5, 0.51, 0.97])
print(torch.where(probs >= 0.5, 1, 0).dtype, torch.where(probs >= 0.5, 1.0, 0).dtype,
      torch.where(probs >= 0.5, True, False).dtype, torch.where(probs >= 0.5, probs, 0).dtype)
print(torch.where(probs >= 0.5, torch.tensor(1), torch.tensor(0.0)).dtype, torch.where(probs > 0.5))
print(probs.round(), torch.round(probs * 10) / 10, torch.tensor([0.5, 1.5, 2.5, -0.5]).round())
print(torch.tensor([3, 7]).round(), torch.tensor([1.234, 5.678]).round(decimals=1), torch.round(torch.tensor(2.5), decimals=0))
try:
    torch.tensor([3, 7]).round(decimals=1)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.where(probs > 0.5, 1)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.where(probs, 1, 0)
except Exception as e:
    print(type(e).__name__, e)

# %%
cats = torch.tensor([0, 2, 1, 3])
for make in [lambda: F.one_hot(cats, num_classes=3), lambda: F.one_hot(cats, 0), lambda: F.one_hot(cats, -1).shape,
             lambda: F.one_hot(cats.view(2, 2)).shape, lambda: F.one_hot(torch.tensor([], dtype=torch.long)),
             lambda: F.one_hot(torch.tensor([], dtype=torch.long), 3).shape, lambda: F.one_hot(cats.int()),
             lambda: F.one_hot(torch.tensor(2), 4), lambda: F.one_hot(cats, num_classes=5).float().sum(0)]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# %%
for make in [lambda: TensorDataset(torch.zeros(4, 2), torch.zeros(3)),
             lambda: TensorDataset(torch.zeros(4, 2), [0, 1, 0, 1]),
             lambda: TensorDataset()[0],
             lambda: len(DataLoader(TensorDataset(torch.zeros(10, 2)), batch_size=4, drop_last=True)),
             lambda: DataLoader(TensorDataset(torch.zeros(10, 2)), batch_size=0),
             lambda: DataLoader(TensorDataset(torch.zeros(10, 2)), batch_size=4, shuffle=True, generator=5).__iter__().__next__(),
             lambda: torch.randperm(5, generator=torch.Generator().manual_seed(1)),
             lambda: torch.randperm(5, generator=1),
             lambda: torch.randperm(-1), lambda: torch.randperm(4.0),
             lambda: torch.Generator().manual_seed(2**64), lambda: torch.Generator().manual_seed(-1).initial_seed(),
             lambda: torch.Generator().seed() > 0]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# %%
t = torch.tensor([0.8123])
v = torch.tensor(0.5)
print(f"{v}", f"{v:.2f}", f"{t}", f"{v.item():.2%}", str(v), f"{torch.tensor(3)}", f"{torch.tensor(3):d}")
for spec in ["{:.2f}", "{:>8}", "{:d}", "{:,}"]:
    try:
        print(spec.format(t), spec.format(torch.tensor(1234)))
    except Exception as e:
        print(type(e).__name__, e)
print(torch.tensor([1, 0, 1]).tolist(), torch.tensor([0.5, 0.25]).tolist(), torch.tensor(True).item(), torch.tensor([[1.5]]).tolist())
print(",".join(str(x) for x in torch.tensor([1, 0]).tolist()), ",".join(map(str, torch.tensor([1.0, 0.0]))))
