# Imitates the "TorchScript for deployment" recipe and the "Introduction to torch.compile" / torch.fx tutorials as
# learners type them: a traced model saved with torch.jit.save into a temp dir and loaded back (what the loaded
# module prints, same outputs), torch.compile(model) and torch.compile(fn, backend="eager") giving eager's values and
# gradients, torch.jit.ignore / unused decorators, the TracerWarnings of .item() and float() and the tracer's
# output errors. (torch.fx.symbolic_trace and TorchScript .code are generated text the engine does not reproduce.)
import os
import tempfile
import torch
import torch.nn as nn

# %%
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 8)
        self.fc2 = nn.Linear(8, 2)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))

torch.manual_seed(0)
model = Net().eval()
example = torch.randn(2, 4)
traced = torch.jit.trace(model, example)
d = tempfile.mkdtemp()
path = os.path.join(d, "model.pt")
torch.jit.save(traced, path)
print(os.path.exists(path))
loaded = torch.jit.load(path)
print(loaded)
print(type(loaded).__name__, loaded.original_name)
print(torch.equal(loaded(example), model(example)), loaded(example).detach())

# %%
# the loaded copy keeps the saved weights
with torch.no_grad():
    model.fc1.weight.zero_()
print(torch.equal(traced(example), model(example)), torch.equal(loaded(example), model(example)))
print([n for n, p in loaded.named_parameters()])
traced.save(os.path.join(d, "again.pt"))
print(torch.jit.load(os.path.join(d, "again.pt")).fc2)

# %%
try:
    torch.jit.save(Net(), os.path.join(d, "eager.pt"))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.jit.load(os.path.join(d, "missing.pt"))
except Exception as e:
    print(type(e).__name__, e.args[0].replace(d, "<dir>"))

# %%
class WithHelpers(nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = nn.Linear(3, 3)

    @torch.jit.ignore
    def debug(self, x):
        return x.abs().max()

    @torch.jit.unused
    def train_only(self, x):
        return x * 0

    def forward(self, x):
        return torch.tanh(self.lin(x))

torch.manual_seed(2)
m = WithHelpers()
tm = torch.jit.trace(m, (torch.randn(2, 3),))
print(tm)
print(m.debug(torch.tensor([-3.0, 1.0])))
try:
    tm.debug(torch.tensor([-3.0, 1.0]))
except AttributeError as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(3)
net = Net()
compiled = torch.compile(net, backend="eager")
x = torch.randn(5, 4)
out = compiled(x)
print(out)
print(out.grad_fn, torch.equal(out, net(x)))
out.pow(2).mean().backward()
print(net.fc2.bias.grad)

# %%
def g(x, y):
    return torch.tanh(x) * y + torch.cos(x)
opt_g = torch.compile(g, backend="eager")
x = torch.randn(4, requires_grad=True)
y = torch.randn(4)
r = opt_g(x, y)
r.sum().backward()
print(r, r.grad_fn.name())
print(x.grad)
print(opt_g.__name__, torch.compiler.is_compiling())
