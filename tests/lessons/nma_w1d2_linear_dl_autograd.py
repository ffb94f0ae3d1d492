# Imitates Neuromatch Academy Deep Learning W1D2 "Linear deep learning" tutorials 1-2
# (NeuromatchAcademy/course-content-dl, tutorials/W1D2_LinearDeepLearning): the SimpleGraph class with nn.Parameter
# w and b, squared_error, the computational graph walked recursively through grad_fn.next_functions, gradient
# descent by hand with .grad and torch.no_grad, the WideNet / DeepNet built with nn.Sequential, parameter counts and
# a plot-free loss history of a training loop with optim.SGD and nn.MSELoss.
import random
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim

def set_seed(seed=None, seed_torch=True):
    if seed is None:
        seed = np.random.choice(2 ** 32)
    random.seed(seed)
    np.random.seed(seed)
    if seed_torch:
        torch.manual_seed(seed)
        torch.cuda.manual_seed_all(seed)
        torch.cuda.manual_seed(seed)
        torch.backends.cudnn.benchmark = False
        torch.backends.cudnn.deterministic = True
    print(f'Random seed {seed} has been set.')

SEED = 2021
set_seed(seed=SEED)

class SimpleGraph:
    def __init__(self, w, b):
        assert isinstance(w, float)
        assert isinstance(b, float)
        self.w = torch.tensor([w], requires_grad=True)
        self.b = torch.tensor([b], requires_grad=True)

    def forward(self, x):
        assert isinstance(x, torch.Tensor)
        prediction = torch.tanh(x * self.w + self.b)
        return prediction

def sq_loss(y_true, y_prediction):
    assert isinstance(y_true, torch.Tensor)
    assert isinstance(y_prediction, torch.Tensor)
    loss = (y_true - y_prediction) ** 2
    return loss

feature = torch.tensor([1])
target = torch.tensor([7])
simple_graph = SimpleGraph(-0.5, 0.5)
print(f"initial weight = {simple_graph.w.item()}, \ninitial bias = {simple_graph.b.item()}")
prediction = simple_graph.forward(feature)
square_loss = sq_loss(target, prediction)
print(f"for x={feature.item()} and y={target.item()}, prediction={prediction.item()}, and L2 Loss = {square_loss.item()}")
print(prediction, square_loss)

# %%
print('Gradient function for prediction =', prediction.grad_fn)
print('Gradient function for loss =', square_loss.grad_fn)
square_loss.backward()
print(simple_graph.w.grad, simple_graph.b.grad)
print(f"dL/dw = {simple_graph.w.grad.item():.4f}, dL/db = {simple_graph.b.grad.item():.4f}")

def print_graph(fn, depth=0):
    if fn is None:
        return
    print("  " * depth + type(fn).__name__)
    for next_fn, idx in fn.next_functions:
        print("  " * depth + f" -> [{idx}]", None if next_fn is None else type(next_fn).__name__)
        print_graph(next_fn, depth + 1)

x = feature
pred = simple_graph.forward(x)
loss = sq_loss(target, pred)
print_graph(loss.grad_fn)
acc = loss.grad_fn.next_functions[0][0].next_functions[1][0]
print(acc, acc.variable is None if not hasattr(acc, 'variable') else acc.variable)

# %%
def step(w, b, x, y, lr):
    y_hat = w * x + b
    loss = ((y_hat - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= lr * w.grad
        b -= lr * b.grad
    w.grad.zero_()
    b.grad.zero_()
    return loss.item()

set_seed(seed=SEED)
x = torch.linspace(-1, 1, 8).reshape(-1, 1)
y = 2 * x + 0.5 + 0.1 * torch.randn(8, 1)
w = torch.zeros(1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
hist = [step(w, b, x, y, 0.5) for _ in range(10)]
print([f"{l:.4f}" for l in hist])
print(w, b, w.grad, b.is_leaf)
try:
    w -= 0.1
except Exception as e:
    print(type(e).__name__, e)
try:
    w.data = w.data - 0.1
    print(w, w.requires_grad)
except Exception as e:
    print(type(e).__name__, e)

# %%
class SimpleGraph2(nn.Module):
    def __init__(self, w, b):
        super().__init__()
        self.w = nn.Parameter(torch.tensor([w]))
        self.b = nn.Parameter(torch.tensor([b]))
    def forward(self, x):
        return torch.tanh(x * self.w + self.b)

g = SimpleGraph2(-0.5, 0.5)
print(g, list(g.named_parameters()))
print(g.w, g.w.grad_fn, g.w.is_leaf)
out = g(torch.tensor([1.0, 2.0]))
print(out, out.grad_fn.name(), out.grad_fn.next_functions)
out.sum().backward()
for name, p in g.named_parameters():
    print(name, p.grad)
try:
    g.w = torch.tensor([1.0])
except Exception as e:
    print(type(e).__name__, e)

# %%
class WideNet(nn.Module):
    def __init__(self):
        n_cells = 512
        super().__init__()
        self.layers = nn.Sequential(
            nn.Linear(1, n_cells),
            nn.Tanh(),
            nn.Linear(n_cells, 1),
        )
    def forward(self, x):
        return self.layers(x)

class DeepNarrowNet(nn.Module):
    def __init__(self):
        n_cells = 1
        super().__init__()
        self.layers = nn.Sequential(
            nn.Linear(1, n_cells),
            nn.Tanh(),
            nn.Linear(n_cells, n_cells),
            nn.Tanh(),
            nn.Linear(n_cells, 1),
        )
    def forward(self, x):
        return self.layers(x)

def print_parameter_count(net):
    count = 0
    for param in net.parameters():
        count += param.numel()
    return count

set_seed(seed=SEED)
wide_net = WideNet()
print(wide_net)
deep_net = DeepNarrowNet()
print(deep_net)
print("WideNet parameter count:", print_parameter_count(wide_net))
print("DeepNarrowNet parameter count:", print_parameter_count(deep_net))
print(sum(p.numel() for p in deep_net.parameters() if p.requires_grad))
print([n for n, _ in deep_net.named_parameters()])

# %%
def train(net, X, Y, lr=0.003, n_epochs=30):
    optimizer = optim.SGD(net.parameters(), lr=lr)
    criterion = nn.MSELoss()
    loss_record = []
    for i in range(n_epochs):
        optimizer.zero_grad()
        predictions = net(X)
        loss = criterion(predictions, Y)
        loss.backward()
        optimizer.step()
        loss_record.append(loss.item())
    return loss_record

set_seed(seed=SEED)
n_samples = 16
inputs = torch.linspace(-1.0, 1.0, n_samples).reshape(n_samples, 1)
noise = torch.randn(n_samples, 1) / 4
targets = torch.sin(np.pi * inputs) + noise
wide_net = WideNet()
losses = train(wide_net, inputs, targets, lr=0.01)
print(f"final loss wide: {losses[-1]:.4f}", len(losses))
deep_net = DeepNarrowNet()
losses = train(deep_net, inputs, targets, lr=0.01)
print(f"final loss deep: {losses[-1]:.4f}")
with torch.no_grad():
    out = wide_net(inputs[:3])
print(out, out.requires_grad)
print(wide_net.layers[0].weight.grad.shape, wide_net.layers[2].bias.grad)
X_test = np.linspace(-1, 1, 4)
print(deep_net(torch.tensor(X_test, dtype=torch.float32).reshape(-1, 1)).detach().numpy().round(4).shape)
try:
    deep_net(torch.tensor(X_test).reshape(-1, 1))
except Exception as e:
    print(type(e).__name__, e)
