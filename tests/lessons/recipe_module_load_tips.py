# Imitates PyTorch's recipe "Tips for Loading an nn.Module from a Checkpoint": a module of ten Linear layers saved
# with torch.save(m.state_dict()), loaded back with torch.load(..., mmap=True, weights_only=True), put in place with
# load_state_dict(assign=True) (the parameters become the loaded tensors, their requires_grad kept), the
# optimizer made after loading, Module.to_empty, nn.utils.skip_init, and what the learner trips on: a
# weights_only=False habit, a whole model saved instead of its state_dict, assign with tensors of another shape.
import io
import os
import tempfile
import torch
from torch import nn

# %%
class SomeModule(torch.nn.Module):
    def __init__(self, size):
        super().__init__()
        self.linears = nn.ModuleList([nn.Linear(size, size) for i in range(10)])

    def forward(self, x):
        for layer in self.linears:
            x = layer(x)
        return x

torch.manual_seed(0)
m = SomeModule(8)
tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "checkpoint.pth")
torch.save(m.state_dict(), path)
print(len(m.state_dict()), list(m.state_dict())[:4])

# %%
state_dict = torch.load(path, mmap=True, weights_only=True)
print(type(state_dict).__name__, len(state_dict))
print(state_dict["linears.0.bias"])
print(state_dict["linears.9.weight"].shape, state_dict["linears.9.weight"].requires_grad)

# %%
new_m = SomeModule(8)
print(new_m.load_state_dict(state_dict))
x = torch.randn(2, 8)
print(torch.equal(new_m(x), m(x)))
print(new_m.linears[0].weight.data_ptr() == state_dict["linears.0.weight"].data_ptr())

# %%
assigned = SomeModule(8)
result = assigned.load_state_dict(state_dict, assign=True)
print(result)
w = assigned.linears[0].weight
print(type(w).__name__, w.requires_grad, w.data_ptr() == state_dict["linears.0.weight"].data_ptr())
print(type(state_dict["linears.0.weight"]).__name__)
opt = torch.optim.SGD(assigned.parameters(), lr=0.1)
assigned(x).sum().backward()
opt.step()
print(assigned.linears[9].bias.grad)
print(torch.equal(assigned.linears[9].bias, m.linears[9].bias))

# %%
frozen = SomeModule(8)
frozen.linears[0].requires_grad_(False)
frozen.load_state_dict(state_dict, assign=True)
print([p.requires_grad for p in frozen.linears[0].parameters()], frozen.linears[1].weight.requires_grad)

# %%
small = SomeModule(4)
try:
    small.load_state_dict(state_dict, assign=True)
except RuntimeError as e:
    print(type(e).__name__, str(e)[:300])

# %%
empty = SomeModule(8).to_empty(device="cpu")
print(type(empty).__name__, empty.linears[3].weight.shape, empty.linears[3].weight.requires_grad)
print(empty.load_state_dict(state_dict))
print(torch.equal(empty.linears[3].weight, m.linears[3].weight))

# %%
layer = nn.utils.skip_init(nn.Linear, 5, 2)
print(layer)
print(layer.weight.shape, layer.bias.shape, layer.weight.requires_grad)
try:
    nn.utils.skip_init(SomeModule, 8)
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
# the whole model saved (a model of torch's own classes: a class defined in a notebook cell pickles by its name)
seq = nn.Sequential(*m.linears)
whole = os.path.join(tmp, "whole.pth")
torch.save(seq, whole)
try:
    torch.load(whole)
except Exception as e:
    print(type(e).__name__, str(e).split("\n")[-3][:200])
loaded = torch.load(whole, weights_only=False)
print(type(loaded).__name__, torch.equal(loaded(x), m(x)), loaded[0].weight.requires_grad)
with torch.serialization.safe_globals([nn.Sequential, nn.Linear]):
    print(type(torch.load(whole, weights_only=True)).__name__)

# %%
try:
    m.load_state_dict(seq)
except Exception as e:
    print(type(e).__name__, e)
try:
    m.load_state_dict(path)
except Exception as e:
    print(type(e).__name__, e)

# %%
buf = io.BytesIO()
torch.save(m.state_dict(), buf)
buf.seek(0)
sd = torch.load(buf, weights_only=True)
print(sorted(sd)[:3], sd["linears.2.bias"].dtype)
buf2 = io.BytesIO()
torch.save(m.state_dict(), buf2)
try:
    torch.load(buf2, mmap=True)
except Exception as e:
    print(type(e).__name__, e)
buf2.seek(0)
try:
    torch.load(buf2, mmap=True, weights_only=True)
except Exception as e:
    print(type(e).__name__, e)
old = os.path.join(tmp, "old_format.pth")
torch.save(m.state_dict(), old, _use_new_zipfile_serialization=False)
print(len(torch.load(old, weights_only=True)))
try:
    torch.load(old, mmap=True, weights_only=True)
except Exception as e:
    print(type(e).__name__, e.args[0].replace(tmp, "TMP"))
