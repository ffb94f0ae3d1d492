# Imitates the UvA Deep Learning course, Tutorial 3 ("Activation Functions"): activations written as nn.Module
# subclasses keeping a config dict (Sigmoid as 1 / (1 + exp(-x)), Tanh from exps, ReLU via x * (x > 0).float(),
# LeakyReLU with torch.where, ELU, Swish), a get_grads helper (x.clone().requires_grad_(), out.sum().backward()), a
# BaseNetwork of Linear + activation layers and the per-layer gradient statistics of one backward pass.
import torch
import torch.nn as nn
import torch.nn.functional as F

class ActivationFunction(nn.Module):
    def __init__(self):
        super().__init__()
        self.name = self.__class__.__name__
        self.config = {"name": self.name}

class Sigmoid(ActivationFunction):
    def forward(self, x):
        return 1 / (1 + torch.exp(-x))

class Tanh(ActivationFunction):
    def forward(self, x):
        x_exp, neg_x_exp = torch.exp(x), torch.exp(-x)
        return (x_exp - neg_x_exp) / (x_exp + neg_x_exp)

class ReLU(ActivationFunction):
    def forward(self, x):
        return x * (x > 0).float()

class LeakyReLU(ActivationFunction):
    def __init__(self, alpha=0.1):
        super().__init__()
        self.config["alpha"] = alpha

    def forward(self, x):
        return torch.where(x > 0, x, self.config["alpha"] * x)

class ELU(ActivationFunction):
    def forward(self, x):
        return torch.where(x > 0, x, torch.exp(x) - 1)

class Swish(ActivationFunction):
    def forward(self, x):
        return x * torch.sigmoid(x)

act_fn_by_name = {"sigmoid": Sigmoid, "tanh": Tanh, "relu": ReLU, "leakyrelu": LeakyReLU, "elu": ELU, "swish": Swish}
print({name: cls().config for name, cls in act_fn_by_name.items()})

# %%
def get_grads(act_fn, x):
    x = x.clone().requires_grad_()
    out = act_fn(x)
    out.sum().backward()
    return x.grad

x = torch.linspace(-5, 5, 11)
for name, cls in act_fn_by_name.items():
    act_fn = cls()
    y = act_fn(x)
    y_grads = get_grads(act_fn, x)
    print(f"{name:9s}", y[::3], y_grads[::3])

# %%
builtin = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": F.relu, "leakyrelu": lambda t: F.leaky_relu(t, 0.1),
           "elu": F.elu, "swish": F.silu}
for name, cls in act_fn_by_name.items():
    ours, theirs = cls()(x), builtin[name](x)
    print(name, torch.allclose(ours, theirs, atol=1e-6), torch.allclose(get_grads(cls(), x), get_grads(builtin[name], x), atol=1e-6))
print(get_grads(ReLU(), torch.tensor([0.0])), get_grads(F.relu, torch.tensor([0.0])), get_grads(ELU(), torch.tensor([0.0])))

# %%
class BaseNetwork(nn.Module):
    def __init__(self, act_fn, input_size=16, num_classes=4, hidden_sizes=[32, 16, 8]):
        super().__init__()
        layers = []
        layer_sizes = [input_size] + hidden_sizes
        for layer_index in range(1, len(layer_sizes)):
            layers += [nn.Linear(layer_sizes[layer_index - 1], layer_sizes[layer_index]), act_fn]
        layers += [nn.Linear(layer_sizes[-1], num_classes)]
        self.layers = nn.Sequential(*layers)
        self.config = {"act_fn": act_fn.config, "input_size": input_size, "num_classes": num_classes,
                       "hidden_sizes": hidden_sizes}

    def forward(self, x):
        x = x.view(x.size(0), -1)
        return self.layers(x)

torch.manual_seed(42)
imgs = torch.randn(32, 4, 4)
labels = torch.randint(0, 4, (32,))
for name, cls in act_fn_by_name.items():
    torch.manual_seed(42)
    net = BaseNetwork(act_fn=cls())
    net.zero_grad()
    preds = net(imgs)
    loss = F.cross_entropy(preds, labels)
    loss.backward()
    grads = {n: p.grad.view(-1) for n, p in net.named_parameters() if "weight" in n}
    print(name, f"loss {loss.item():.4f}", [f"{g.std().item():.2e}" for g in grads.values()])
print(net)
