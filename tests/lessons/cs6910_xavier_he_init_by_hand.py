# Imitates CS6910 Assignment 1 / NPTEL Deep Learning week 8 ("better initialisation") student code: Xavier and He
# initialisation written by hand from the fan-in / fan-out formulas and checked against torch.nn.init
# (xavier_uniform_, xavier_normal_, kaiming_uniform_, kaiming_normal_) with their gain (calculate_gain) and fan
# computation (_calculate_fan_in_and_fan_out, conv kernels' receptive field), same-seed comparisons, the spread of
# activations through a deep tanh / ReLU stack, and the errors students hit.
import math
import torch
from torch import nn

# %%
for nl in ["linear", "conv2d", "sigmoid", "tanh", "relu", "selu"]:
    print(nl, nn.init.calculate_gain(nl))
print(nn.init.calculate_gain("leaky_relu"), nn.init.calculate_gain("leaky_relu", 0.2),
      nn.init.calculate_gain("leaky_relu", 1))
for bad in [("gelu",), ("leaky_relu", "0.1"), ("leaky_relu", True), ("Tanh",)]:
    try:
        nn.init.calculate_gain(*bad)
    except Exception as e:
        print(type(e).__name__, e)

# %%
for shape in [(4, 3), (5,), (6, 3, 3, 3), (2, 3, 5), (1, 7)]:
    t = torch.empty(shape)
    try:
        print(shape, nn.init._calculate_fan_in_and_fan_out(t), nn.init._calculate_correct_fan(t, "fan_out"))
    except Exception as e:
        print(shape, type(e).__name__, e)
try:
    nn.init._calculate_correct_fan(torch.empty(3, 4), "fan_avg")
except Exception as e:
    print(type(e).__name__, e)

# %%
def xavier_uniform_by_hand(fan_out, fan_in, gain=1.0, gen=None):
    a = gain * math.sqrt(6.0 / (fan_in + fan_out))
    return (torch.rand(fan_out, fan_in, generator=gen) * 2 - 1) * a

def he_normal_by_hand(fan_out, fan_in, gen=None):
    std = math.sqrt(2.0 / fan_in)
    return torch.randn(fan_out, fan_in, generator=gen) * std

torch.manual_seed(0)
W_lib = nn.init.xavier_uniform_(torch.empty(64, 32), gain=nn.init.calculate_gain("tanh"))
torch.manual_seed(0)
W_hand = xavier_uniform_by_hand(64, 32, gain=5 / 3)
print(f"{(W_lib - W_hand).abs().max().item():.2e}", torch.allclose(W_lib, W_hand, atol=1e-6), torch.equal(W_lib, W_hand))
print(f"bound {5 / 3 * math.sqrt(6 / 96):.4f} max {W_lib.abs().max().item():.4f}")

torch.manual_seed(1)
K_lib = nn.init.kaiming_normal_(torch.empty(64, 32), mode="fan_in", nonlinearity="relu")
torch.manual_seed(1)
K_hand = he_normal_by_hand(64, 32)
print(f"{(K_lib - K_hand).abs().max().item():.2e}", torch.allclose(K_lib, K_hand), f"{K_lib.std().item():.4f}",
      f"{math.sqrt(2 / 32):.4f}")

torch.manual_seed(2)
a = nn.init.xavier_normal_(torch.empty(3, 4))
torch.manual_seed(2)
b = torch.randn(3, 4) * math.sqrt(2.0 / 7)
print(a)
print(b, torch.allclose(a, b))

# %%
g = torch.Generator().manual_seed(5)
u = nn.init.kaiming_uniform_(torch.empty(4, 6), a=math.sqrt(5), generator=g)
g2 = torch.Generator().manual_seed(5)
bound = math.sqrt(6 / ((1 + 5) * 6))
u2 = torch.empty(4, 6).uniform_(-bound, bound, generator=g2)
print(torch.equal(u, u2), f"{bound:.4f}")
lin = nn.Linear(6, 4)
print(nn.init._calculate_fan_in_and_fan_out(lin.weight), f"{1 / math.sqrt(6):.4f}",
      bool(lin.weight.abs().max() <= 1 / math.sqrt(6)), bool(lin.bias.abs().max() <= 1 / math.sqrt(6)))
out = nn.init.kaiming_normal_(torch.empty(8, 3, 3, 3), mode="fan_out", nonlinearity="leaky_relu", a=0.1)
print(out.shape, out.requires_grad, f"{math.sqrt(2 / 1.01) / math.sqrt(72):.4f}")
for make in [lambda: nn.init.kaiming_normal_(torch.empty(5)),
             lambda: nn.init.xavier_uniform_(torch.empty(3)),
             lambda: nn.init.kaiming_normal_(torch.empty(3, 4), mode="fan_avg"),
             lambda: nn.init.kaiming_uniform_(torch.empty(3, 4), nonlinearity="softmax"),
             lambda: nn.init.xavier_normal_(torch.empty(0, 4)),
             lambda: nn.init.kaiming_uniform_(torch.empty(0, 3)),
             lambda: nn.init.xavier_uniform_(torch.empty(2, 3, dtype=torch.int64))]:
    try:
        r = make()
        print(r.shape, r.dtype)
    except Exception as e:
        print(type(e).__name__, e)

# %%
# Khapra's slide: activations through 10 layers collapse with small random init, stay spread with Xavier / He
def spread(init, act, depth=10, width=64):
    torch.manual_seed(0)
    h = torch.randn(200, width)
    stds = []
    for _ in range(depth):
        W = torch.empty(width, width)
        init(W)
        h = act(h @ W.T)
        stds.append(h.std().item())
    return " ".join(f"{s:.3f}" for s in stds[::3])

print("small  tanh", spread(lambda W: nn.init.normal_(W, 0, 0.01), torch.tanh))
print("xavier tanh", spread(lambda W: nn.init.xavier_normal_(W, gain=5 / 3), torch.tanh))
print("xavier relu", spread(nn.init.xavier_normal_, torch.relu))
print("he     relu", spread(lambda W: nn.init.kaiming_normal_(W, nonlinearity="relu"), torch.relu))

# %%
class FFN(nn.Module):
    def __init__(self, sizes, init="xavier"):
        super().__init__()
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:]))
        for layer in self.layers:
            if init == "xavier":
                nn.init.xavier_uniform_(layer.weight)
            elif init == "he":
                nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")
            else:
                nn.init.uniform_(layer.weight, -0.5, 0.5)
            nn.init.zeros_(layer.bias)

    def forward(self, x):
        for layer in self.layers[:-1]:
            x = torch.relu(layer(x))
        return self.layers[-1](x)

torch.manual_seed(0)
for init in ["random", "xavier", "he"]:
    m = FFN([784, 32, 32, 10], init)
    x = torch.randn(16, 784)
    out = m(x)
    print(init, f"{out.std().item():.3f}", [f"{l.weight.std().item():.4f}" for l in m.layers])
print(m)
m.apply(lambda mod: nn.init.constant_(mod.weight, 0.1) if isinstance(mod, nn.Linear) else None)
print(m.layers[0].weight[0, :3], m.layers[0].bias[:3])
