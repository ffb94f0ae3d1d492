# Imitates weight-initialisation lessons: calculate_gain, kaiming/xavier with modes and gains, orthogonal_,
# trunc_normal_, sparse_, dirac_, eye_, init by model.apply, and statistics of activations after init.
import math
import torch
import torch.nn as nn

for nl in ["linear", "conv2d", "sigmoid", "tanh", "relu", "selu"]:
    print(nl, nn.init.calculate_gain(nl))
print(nn.init.calculate_gain("leaky_relu"), nn.init.calculate_gain("leaky_relu", 0.2))
try:
    nn.init.calculate_gain("gelu")
except ValueError as e:
    print(e)
try:
    nn.init.calculate_gain("leaky_relu", "x")
except ValueError as e:
    print(e)

# %%
torch.manual_seed(0)
w = torch.empty(64, 32)
nn.init.kaiming_uniform_(w, a=math.sqrt(5))
print(w.std(), w.abs().max())
nn.init.kaiming_normal_(w, mode="fan_out", nonlinearity="relu")
print(w.std())
nn.init.xavier_uniform_(w, gain=nn.init.calculate_gain("tanh"))
print(w.std(), w[0, :4])
nn.init.xavier_normal_(w, gain=2.0)
print(w.std())
print(nn.init._calculate_fan_in_and_fan_out(torch.empty(8, 4, 3, 3)))
print(nn.init._calculate_correct_fan(torch.empty(8, 4, 3, 3), "fan_out"))

# %%
torch.manual_seed(1)
q = torch.empty(4, 6)
nn.init.orthogonal_(q)
print(torch.allclose(q @ q.T, torch.eye(4), atol=1e-6))
nn.init.orthogonal_(q, gain=2.0)
print((q @ q.T).diag())
t = torch.empty(1000)
nn.init.trunc_normal_(t, mean=0.0, std=1.0, a=-2.0, b=2.0)
print(t.min() >= -2, t.max() <= 2, t[:3])
s = torch.empty(6, 4)
nn.init.sparse_(s, sparsity=0.5, std=0.1)
print((s == 0).sum(0))

# %%
c = torch.empty(4, 2, 3, 3)
nn.init.dirac_(c)
print(c[:, :, 1, 1])
c2 = torch.empty(4, 4, 3)
nn.init.dirac_(c2, groups=2)
print(c2[:, :, 1])
print(nn.init.eye_(torch.empty(3, 5)))
print(nn.init.constant_(torch.empty(2), 0.3), nn.init.ones_(torch.empty(2)), nn.init.zeros_(torch.empty(1, 2)))
try:
    nn.init.eye_(torch.empty(3))
except ValueError as e:
    print(e)
try:
    nn.init.xavier_uniform_(torch.empty(3))
except ValueError as e:
    print(e)

# %%
torch.manual_seed(2)
def init_weights(m):
    if isinstance(m, nn.Linear):
        nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
        nn.init.constant_(m.bias, 0.01)
    elif isinstance(m, nn.BatchNorm1d):
        nn.init.normal_(m.weight, 1.0, 0.02)
        nn.init.zeros_(m.bias)
net = nn.Sequential(nn.Linear(50, 50), nn.BatchNorm1d(50), nn.ReLU(), nn.Linear(50, 50), nn.ReLU())
print(net.apply(init_weights) is net)
h = torch.randn(256, 50)
for m in net:
    h = m(h)
    print(type(m).__name__, round(h.mean().item(), 4), round(h.std().item(), 4))
print(nn.init.uniform_(torch.empty(3), -0.1, 0.1), nn.init.normal_(torch.empty(3), std=0.01))
with torch.no_grad():
    lin = nn.Linear(3, 2)
    lin.weight.uniform_(-1 / math.sqrt(3), 1 / math.sqrt(3))
    lin.weight.normal_(0, 0.01).clamp_(-0.01, 0.01)
print(lin.weight)
