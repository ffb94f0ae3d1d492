# Imitates PyTorch's recipes "Saving and loading models across devices", "Saving and loading multiple models in one
# file" and "Warmstarting model using parameters from a different model", with the forum threads that follow them:
# map_location in its forms, a checkpoint saved from nn.DataParallel (every key starts with "module."), stripping
# the prefix by hand and with consume_prefix_in_state_dict_if_present, strict=False and its _IncompatibleKeys,
# shape mismatches, loading another model's state_dict, and a checkpoint dict passed whole to load_state_dict.
import io
import os
import tempfile
from collections import OrderedDict
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
class Net(nn.Module):
    def __init__(self, n_out=3):
        super().__init__()
        self.fc1 = nn.Linear(4, 6)
        self.bn = nn.BatchNorm1d(6)
        self.fc2 = nn.Linear(6, n_out)

    def forward(self, x):
        return self.fc2(F.relu(self.bn(self.fc1(x))))

torch.manual_seed(0)
net = Net()
x = torch.randn(5, 4)
net.train()
net(x)
net.eval()
tmp = tempfile.mkdtemp()
PATH = os.path.join(tmp, "net.pt")
torch.save(net.state_dict(), PATH)
print(list(net.state_dict().keys()))
print(net.state_dict()["bn.num_batches_tracked"], net.state_dict()["bn.running_mean"])

# %%
device = torch.device("cpu")
model = Net()
model.load_state_dict(torch.load(PATH, map_location=device, weights_only=True))
model.eval()
print(torch.allclose(model(x), net(x)))
for loc in ["cpu", torch.device("cpu"), {"cuda:0": "cpu"}, lambda storage, loc: storage]:
    sd = torch.load(PATH, map_location=loc, weights_only=True)
    print(type(loc).__name__, sd["fc2.bias"].device, len(sd))

# %%
try:
    torch.load(PATH, map_location="cuda:0", weights_only=True)
except RuntimeError as e:
    print(e)

# %%
# a checkpoint written from nn.DataParallel(model): every key has a "module." prefix
dp_state = OrderedDict(("module." + k, v) for k, v in net.state_dict().items())
fresh = Net()
try:
    fresh.load_state_dict(dp_state)
except RuntimeError as e:
    print(e)

# %%
new_state_dict = OrderedDict()
for k, v in dp_state.items():
    name = k[7:]  # remove `module.`
    new_state_dict[name] = v
print(fresh.load_state_dict(new_state_dict))
print(torch.equal(fresh.fc1.weight, net.fc1.weight))

# %%
from torch.nn.modules.utils import consume_prefix_in_state_dict_if_present
sd = OrderedDict(dp_state)
consume_prefix_in_state_dict_if_present(sd, "module.")
print(list(sd)[:3])
print(Net().load_state_dict(sd))

# %%
result = fresh.load_state_dict(dp_state, strict=False)
print(result)
print(len(result.missing_keys), len(result.unexpected_keys), bool(result.missing_keys))
missing, unexpected = result
print(missing[:2], unexpected[:2])

# %%
other = Net(n_out=5)
try:
    other.load_state_dict(net.state_dict())
except RuntimeError as e:
    print(e)
try:
    other.load_state_dict(net.state_dict(), strict=False)
except RuntimeError as e:
    print(e)

# %%
pretrained = {k: v for k, v in net.state_dict().items() if not k.startswith("fc2")}
print(other.load_state_dict(pretrained, strict=False))
print(torch.equal(other.fc1.weight, net.fc1.weight), other.bn.num_batches_tracked)

# %%
checkpoint = {"epoch": 3, "model_state_dict": net.state_dict(), "best_acc": 0.75}
try:
    Net().load_state_dict(checkpoint)
except RuntimeError as e:
    print(e)
try:
    Net().load_state_dict(checkpoint, strict=False)
except RuntimeError as e:
    print(e)

# %%
class Bigger(nn.Module):
    def __init__(self):
        super().__init__()
        self.backbone = Net()
        self.head = nn.Linear(3, 2)

    def forward(self, x):
        return self.head(self.backbone(x))

big = Bigger()
print(big.load_state_dict(net.state_dict(), strict=False))
print(big.backbone.load_state_dict(net.state_dict()))
print(torch.equal(big.backbone.fc2.weight, net.fc2.weight))

# %%
netA, netB = Net(), Net(n_out=2)
optA = torch.optim.SGD(netA.parameters(), lr=0.1, momentum=0.9)
optB = torch.optim.Adam(netB.parameters(), lr=1e-3)
BOTH = os.path.join(tmp, "both.tar")
torch.save({"modelA_state_dict": netA.state_dict(), "modelB_state_dict": netB.state_dict(),
            "optimizerA_state_dict": optA.state_dict(), "optimizerB_state_dict": optB.state_dict()}, BOTH)
ck = torch.load(BOTH, weights_only=True)
modelA, modelB = Net(), Net(n_out=2)
print(modelA.load_state_dict(ck["modelA_state_dict"]), modelB.load_state_dict(ck["modelB_state_dict"]))
try:
    modelA.load_state_dict(ck["modelB_state_dict"])
except RuntimeError as e:
    print(e)
o = torch.optim.Adam(modelB.parameters())
o.load_state_dict(ck["optimizerB_state_dict"])
print(o.param_groups[0]["lr"], o.state_dict()["param_groups"][0]["params"])
try:
    torch.optim.SGD(modelA.parameters(), lr=0.1).load_state_dict(ck["optimizerB_state_dict"]["param_groups"])
except Exception as e:
    print(type(e).__name__, e)
