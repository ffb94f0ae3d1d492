# Imitates the UvA Deep Learning course, Tutorial 4 ("Optimization and Initialization"), without Lightning and on
# random data: a BaseNetwork of Linear + Identity/Tanh/ReLU layers, the initializations written by hand on
# param.data (const, normal std, equal variance, Xavier, Kaiming) with their per-layer activation variances and
# gradient statistics, the OptimizerTemplate with SGD, SGDMomentum and Adam written by hand (and the same updates as
# torch.optim.Optimizer subclasses), and the pathological curvature / steep optima toy functions.
import math
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(42)
np.random.seed(42)

class Identity(nn.Module):
    def forward(self, x):
        return x

class BaseNetwork(nn.Module):
    def __init__(self, act_fn, input_size=64, num_classes=10, hidden_sizes=[48, 32, 32, 16]):
        super().__init__()
        layers = []
        layer_sizes = [input_size] + hidden_sizes
        for layer_index in range(1, len(layer_sizes)):
            layers += [nn.Linear(layer_sizes[layer_index - 1], layer_sizes[layer_index]), act_fn]
        layers += [nn.Linear(layer_sizes[-1], num_classes)]
        self.layers = nn.ModuleList(layers)
        self.config = {"act_fn": act_fn.__class__.__name__, "input_size": input_size, "num_classes": num_classes,
                       "hidden_sizes": hidden_sizes}

    def forward(self, x):
        x = x.view(x.size(0), -1)
        for l in self.layers:
            x = l(x)
        return x

model = BaseNetwork(act_fn=Identity())
print(model.config)
print(model)
print([name for name, _ in model.named_parameters()])

# %%
imgs = torch.randn(256, 1, 8, 8)
labels = torch.randint(0, 10, (256,))

def visualize_weight_distribution(model):
    weights = {}
    for name, param in model.named_parameters():
        if name.endswith(".bias"):
            continue
        key_name = f"Layer {name.split('.')[1]}"
        weights[key_name] = param.detach().view(-1).cpu().numpy()
    return weights

def visualize_gradients(model):
    model.eval()
    model.zero_grad()
    preds = model(imgs)
    loss = F.cross_entropy(preds, labels)
    loss.backward()
    grads = {name: params.grad.data.view(-1).cpu().clone().numpy() for name, params in model.named_parameters()
             if "weight" in name}
    model.zero_grad()
    return grads

def visualize_activations(model):
    activations = {}
    model.eval()
    x = imgs.view(imgs.size(0), -1)
    with torch.no_grad():
        for layer_index, layer in enumerate(model.layers[:-1]):
            x = layer(x)
            if isinstance(layer, nn.Linear):
                activations[f"Layer {layer_index}"] = x.view(-1).cpu().numpy()
    return activations

def print_stats(d, name):
    for key, value in d.items():
        print(f"{name} {key} - mean {value.mean():.4f}, std {value.std():.5f}, var {np.var(value):.6f}, {value.dtype}")

def const_init(model, fill=0.0):
    for name, param in model.named_parameters():
        param.data.fill_(fill)

const_init(model, fill=0.005)
print_stats(visualize_gradients(model), "grad")
print_stats(visualize_activations(model), "act")

# %%
def var_init(model, std=0.01):
    for name, param in model.named_parameters():
        param.data.normal_(mean=0.0, std=std)

def equal_var_init(model):
    for name, param in model.named_parameters():
        if name.endswith(".bias"):
            param.data.fill_(0)
        else:
            param.data.normal_(std=1.0 / math.sqrt(param.shape[1]))

def xavier_init(model):
    for name, param in model.named_parameters():
        if name.endswith(".bias"):
            param.data.fill_(0)
        else:
            bound = math.sqrt(6) / math.sqrt(param.shape[0] + param.shape[1])
            param.data.uniform_(-bound, bound)

def kaiming_init(model):
    for name, param in model.named_parameters():
        if name.endswith(".bias"):
            param.data.fill_(0.0)
        elif name.startswith("layers.0"):
            param.data.normal_(0, 1 / math.sqrt(param.shape[1]))
        else:
            param.data.normal_(0, math.sqrt(2) / math.sqrt(param.shape[1]))

for init, act in [(var_init, Identity()), (equal_var_init, Identity()), (xavier_init, nn.Tanh()),
                  (kaiming_init, nn.ReLU())]:
    model = BaseNetwork(act_fn=act)
    init(model)
    print(init.__name__, act)
    print_stats(visualize_weight_distribution(model), "weight")
    print_stats(visualize_activations(model), "act")
    print_stats(visualize_gradients(model), "grad")

# %%
class OptimizerTemplate:
    def __init__(self, params, lr):
        self.params = list(params)
        self.lr = lr

    def zero_grad(self):
        for p in self.params:
            if p.grad is not None:
                p.grad.detach_()
                p.grad.zero_()

    @torch.no_grad()
    def step(self):
        for p in self.params:
            if p.grad is None:
                continue
            self.update_param(p)

    def update_param(self, p):
        raise NotImplementedError

class SGD(OptimizerTemplate):
    def __init__(self, params, lr):
        super().__init__(params, lr)

    def update_param(self, p):
        p_update = -self.lr * p.grad
        p.add_(p_update)

class SGDMomentum(OptimizerTemplate):
    def __init__(self, params, lr, momentum=0.0):
        super().__init__(params, lr)
        self.momentum = momentum
        self.param_momentum = {p: torch.zeros_like(p.data) for p in self.params}

    def update_param(self, p):
        self.param_momentum[p] = (1 - self.momentum) * p.grad + self.momentum * self.param_momentum[p]
        p_update = -self.lr * self.param_momentum[p]
        p.add_(p_update)

class Adam(OptimizerTemplate):
    def __init__(self, params, lr, beta1=0.9, beta2=0.999, eps=1e-8):
        super().__init__(params, lr)
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.param_step = {p: 0 for p in self.params}
        self.param_momentum = {p: torch.zeros_like(p.data) for p in self.params}
        self.param_2nd_momentum = {p: torch.zeros_like(p.data) for p in self.params}

    def update_param(self, p):
        self.param_step[p] += 1
        self.param_momentum[p] = (1 - self.beta1) * p.grad + self.beta1 * self.param_momentum[p]
        self.param_2nd_momentum[p] = (1 - self.beta2) * (p.grad) ** 2 + self.beta2 * self.param_2nd_momentum[p]
        bias_correction_1 = 1 - self.beta1 ** self.param_step[p]
        bias_correction_2 = 1 - self.beta2 ** self.param_step[p]
        p_2nd_mom = self.param_2nd_momentum[p] / bias_correction_2
        p_mom = self.param_momentum[p] / bias_correction_1
        p_lr = self.lr / (torch.sqrt(p_2nd_mom) + self.eps)
        p_update = -p_lr * p_mom
        p.add_(p_update)

try:
    OptimizerTemplate([nn.Parameter(torch.ones(2))], lr=0.1).update_param(None)
except NotImplementedError as e:
    print("NotImplementedError", repr(e))

def train_model(model, optimizer, epochs=3):
    losses = []
    for epoch in range(epochs):
        model.train()
        for batch in range(0, 256, 64):
            x, y = imgs[batch:batch + 64], labels[batch:batch + 64]
            preds = model(x)
            loss = F.cross_entropy(preds, y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
        print(f"  epoch {epoch}: loss {np.mean(losses[-4:]):.4f}")
    return losses

for name, make_opt in [("SGD", lambda p: SGD(p, lr=1e-1)), ("SGDMom", lambda p: SGDMomentum(p, lr=1e-1, momentum=0.9)),
                       ("Adam", lambda p: Adam(p, lr=1e-3))]:
    torch.manual_seed(42)
    model = BaseNetwork(act_fn=nn.ReLU(), hidden_sizes=[32, 16])
    kaiming_init(model)
    print(name)
    losses = train_model(model, make_opt(model.parameters()))
    print(name, round(losses[0], 4), round(losses[-1], 4), model.layers[0].weight.grad.abs().sum())

# %%
class TorchAdam(optim.Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8):
        if not 0.0 <= lr:
            raise ValueError(f"Invalid learning rate: {lr}")
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps))

    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if not state:
                    state["step"] = 0
                    state["exp_avg"] = torch.zeros_like(p, memory_format=torch.preserve_format)
                    state["exp_avg_sq"] = torch.zeros_like(p, memory_format=torch.preserve_format)
                state["step"] += 1
                state["exp_avg"].mul_(beta1).add_(p.grad, alpha=1 - beta1)
                state["exp_avg_sq"].mul_(beta2).addcmul_(p.grad, p.grad, value=1 - beta2)
                denom = (state["exp_avg_sq"] / (1 - beta2 ** state["step"])).sqrt().add_(group["eps"])
                p.addcdiv_(state["exp_avg"], denom, value=-group["lr"] / (1 - beta1 ** state["step"]))
        return loss

torch.manual_seed(0)
w_ours = nn.Parameter(torch.randn(3, 2))
w_ref = nn.Parameter(w_ours.detach().clone())
opt_ours, opt_ref = TorchAdam([w_ours], lr=0.1), optim.Adam([w_ref], lr=0.1)
for step in range(5):
    for w, opt in [(w_ours, opt_ours), (w_ref, opt_ref)]:
        def closure():
            opt.zero_grad()
            loss = (w ** 2).sum() + w.sin().prod()
            loss.backward()
            return loss
        opt.step(closure)
print(torch.allclose(w_ours, w_ref, atol=1e-6), w_ours)
print(opt_ours)
print(opt_ours.state_dict()["state"][0]["step"], sorted(opt_ours.state_dict()["param_groups"][0]))
try:
    TorchAdam([w_ours], lr=-1)
except ValueError as e:
    print("ValueError", e)

# %%
def pathological_curve_loss(w1, w2):
    x1_loss = torch.tanh(w1) ** 2 + 0.01 * torch.abs(w1)
    x2_loss = torch.sigmoid(w2)
    return x1_loss + x2_loss

def train_curve(optimizer_func, curve_func=pathological_curve_loss, num_updates=100, init=[5, 5]):
    weights = nn.Parameter(torch.FloatTensor(init), requires_grad=True)
    optimizer = optimizer_func([weights])
    list_points = []
    for _ in range(num_updates):
        loss = curve_func(weights[0], weights[1])
        list_points.append(torch.cat([weights.data.detach(), loss.unsqueeze(dim=0).detach()], dim=0))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    points = torch.stack(list_points, dim=0).numpy()
    return points

SGD_points = train_curve(lambda params: SGD(params, lr=10))
SGDMom_points = train_curve(lambda params: SGDMomentum(params, lr=10, momentum=0.9))
Adam_points = train_curve(lambda params: Adam(params, lr=1))
for name, pts in [("SGD", SGD_points), ("SGDMom", SGDMom_points), ("Adam", Adam_points)]:
    print(name, pts.shape, pts.dtype, np.round(pts[[0, 1, 10, -1]], 3))

# %%
def bivar_gaussian(w1, w2, x_mean=0.0, y_mean=0.0, x_sig=1.0, y_sig=1.0):
    norm = 1 / (2 * np.pi * x_sig * y_sig)
    x_exp = (-1 * (w1 - x_mean) ** 2) / (2 * x_sig ** 2)
    y_exp = (-1 * (w2 - y_mean) ** 2) / (2 * y_sig ** 2)
    return norm * torch.exp(x_exp + y_exp)

def comb_func(w1, w2):
    z = -bivar_gaussian(w1, w2, x_mean=1.0, y_mean=-0.5, x_sig=0.2, y_sig=0.2)
    z -= bivar_gaussian(w1, w2, x_mean=-1.0, y_mean=0.5, x_sig=0.2, y_sig=0.2)
    z -= bivar_gaussian(w1, w2, x_mean=-0.5, y_mean=-0.8, x_sig=0.2, y_sig=0.2)
    return z

x = torch.arange(-2, 2, 0.5)
y = torch.arange(-2, 2, 0.5)
x, y = torch.meshgrid(x, y, indexing="xy")
z = comb_func(x, y)
print(x.shape, z.dtype, z.min(), z.argmin())
for name, make in [("SGD", lambda p: SGD(p, lr=.5)), ("SGDMom", lambda p: SGDMomentum(p, lr=1, momentum=0.9)),
                   ("Adam", lambda p: Adam(p, lr=.2))]:
    pts = train_curve(make, comb_func, init=[0, 0])
    print(name, np.round(pts[-1], 4))
print(comb_func(torch.tensor(0.0), torch.tensor(0.0)), bivar_gaussian(torch.zeros(2), 1.0))
