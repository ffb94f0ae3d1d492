# Imitates the official "Introduction to TorchScript" tutorial: MyCell with torch.tanh(self.linear(x) + h), tracing
# it with torch.jit.trace (what the traced module prints, what calling it returns), the MyDecisionGate whose `if`
# the tracer fixes at trace time (TracerWarning, and the traced gate keeping its branch for other inputs), scripting
# the gate and a loop with torch.jit.script, and the gradients through traced and scripted modules.
# (PyTorch's `.code` / `.graph` are generated TorchScript the engine does not reproduce: left out, see probe188.)
import torch

# %%
class MyCell(torch.nn.Module):
    def __init__(self):
        super(MyCell, self).__init__()
        self.linear = torch.nn.Linear(4, 4)

    def forward(self, x, h):
        new_h = torch.tanh(self.linear(x) + h)
        return new_h, new_h

torch.manual_seed(0)
my_cell = MyCell()
x, h = torch.rand(3, 4), torch.rand(3, 4)
print(my_cell)
print(my_cell(x, h))

# %%
traced_cell = torch.jit.trace(my_cell, (x, h))
print(traced_cell)
traced_cell(x, h)

# %%
print(type(traced_cell).__name__, type(traced_cell.linear).__name__)
print(isinstance(traced_cell, torch.jit.ScriptModule), isinstance(traced_cell, torch.nn.Module))
out = traced_cell(x, h)
print(type(out).__name__, len(out), out[0].shape, out[0].dtype, out[0].grad_fn.name())
print(torch.equal(out[0], my_cell(x, h)[0]))
print([n for n, _ in traced_cell.named_parameters()])

# %%
class MyDecisionGate(torch.nn.Module):
    def forward(self, x):
        if x.sum() > 0:
            return x
        else:
            return -x

class MyCell2(torch.nn.Module):
    def __init__(self, dg):
        super(MyCell2, self).__init__()
        self.dg = dg
        self.linear = torch.nn.Linear(4, 4)

    def forward(self, x, h):
        new_h = torch.tanh(self.dg(self.linear(x)) + h)
        return new_h, new_h

torch.manual_seed(1)
my_cell2 = MyCell2(MyDecisionGate())
traced_cell2 = torch.jit.trace(my_cell2, (x, h))
print(traced_cell2)
print(traced_cell2(x, h)[0])

# %%
# the tracer took the branch of x.sum() > 0 that the example took: a traced gate keeps it
gate = MyDecisionGate()
pos = torch.tensor([1.0, 2.0, 3.0])
traced_gate = torch.jit.trace(gate, (pos,))
neg = torch.tensor([-1.0, -2.0, 0.5])
print(gate(neg), traced_gate(neg))

# %%
# scripting keeps control flow; a notebook's own classes need their source (a plain script file or Jupyter), so
# here the scripted model is built from torch.nn's modules
torch.manual_seed(2)
seq = torch.nn.Sequential(torch.nn.Linear(4, 4), torch.nn.ReLU(), torch.nn.Linear(4, 2))
scripted = torch.jit.script(seq)
print(scripted)
print(type(scripted).__name__, type(scripted[0]).__name__, scripted[0])
print(scripted(x))
print(torch.equal(scripted(x), seq(x)))

# %%
class MyRNNLoop(torch.nn.Module):
    def __init__(self):
        super(MyRNNLoop, self).__init__()
        self.cell = torch.jit.trace(MyCell2(MyDecisionGate()), (x, h))

    def forward(self, xs):
        h, y = torch.zeros(3, 4), torch.zeros(3, 4)
        for i in range(xs.size(0)):
            y, h = self.cell(xs[i], h)
        return y, h

torch.manual_seed(3)
loop = MyRNNLoop()
traced_loop = torch.jit.trace(loop, (torch.rand(5, 3, 4),))
print(traced_loop)
ys, hs = traced_loop(torch.rand(5, 3, 4))
print(ys)

# %%
# gradients through a traced module are eager PyTorch's
torch.manual_seed(4)
cell = MyCell()
tc = torch.jit.trace(cell, (x, h))
xg = torch.rand(3, 4, requires_grad=True)
out, _ = tc(xg, h)
out.sum().backward()
print(out.grad_fn)
print(xg.grad)
print(cell.linear.weight.grad)
print(tc.linear.weight.grad is cell.linear.weight.grad)
