# Imitates the official "Introduction to torch.compile" (on CPU), the "PyTorch Profiler" recipe and "Profiling your
# PyTorch Module": a compiled function and decorator, a compiled module and Module.compile(), the outputs' grad_fn,
# training through a compiled model, torch._dynamo.reset; profile / record_function and key_averages, where only
# what is deterministic is printed (labels, call counts, shapes; never times or the full op list).
# backend="aot_eager" (AOTAutograd without inductor's generated C++): the outputs carry the same
# CompiledFunctionBackward, and the values stay eager PyTorch's whatever processor path is forced (under
# tests/dispatch.py's simulated AVX2 machine inductor's kernels printed garbage: relu outputs below zero).
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.profiler import profile, record_function, ProfilerActivity

# %%
torch.manual_seed(0)

def foo(x, y):
    a = torch.sin(x)
    b = torch.cos(y)
    return a + b
opt_foo1 = torch.compile(foo, backend="aot_eager")
print(opt_foo1(torch.randn(3, 3), torch.randn(3, 3)))

# %%
t1 = torch.randn(3, 3)
t2 = torch.randn(3, 3)

@torch.compile(backend="aot_eager")
def opt_foo2(x, y):
    a = torch.sin(x)
    b = torch.cos(y)
    return a + b
print(opt_foo2(t1, t2))
# inductor's fused kernels round differently from eager: compare with a tolerance
print(torch.allclose(opt_foo2(t1, t2), foo(t1, t2), atol=1e-6))
print(opt_foo2.__name__)

# %%
class MyModule(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = torch.nn.Linear(3, 3)

    def forward(self, x):
        return torch.nn.functional.relu(self.lin(x))

mod = MyModule()
opt_mod = torch.compile(mod, backend="aot_eager")
print(opt_mod(t1))
print(opt_mod)
print(type(opt_mod).__name__, opt_mod._orig_mod is mod, list(opt_mod.state_dict()))

# %%
mod2 = MyModule()
mod2.load_state_dict(mod.state_dict())
mod2.compile(backend="aot_eager")
out = mod2(t1)
print(out)
print(out.grad_fn.name(), list(mod2.state_dict()))

# %%
# gradients through a compiled model match the eager ones
x = torch.randn(4, 3, requires_grad=True)
y = opt_mod(x)
print(y.requires_grad, y.grad_fn.name(), type(y.grad_fn).__name__)
y.sum().backward()
print(x.grad)
print(mod.lin.weight.grad)
x_eager = x.detach().clone().requires_grad_()
mod.zero_grad()
mod(x_eager).sum().backward()
print(torch.allclose(x.grad, x_eager.grad))

# %%
# a function with several outputs: one compiled node for all of them
@torch.compile(backend="aot_eager")
def two(a, b):
    return a * b, (a + b).relu()

a = torch.randn(3, requires_grad=True)
b = torch.randn(3)
p, q = two(a, b)
print(p, q, sep="\n")
print(p.grad_fn.name(), q.grad_fn.name())
(p.sum() + q.sum()).backward()
print(a.grad)
with torch.no_grad():
    print(two(a, b)[0].grad_fn)

# %%
# a small training loop on the compiled model
torch.manual_seed(1)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
opt_model = torch.compile(model, backend="aot_eager")
optimizer = torch.optim.SGD(opt_model.parameters(), lr=0.05)
X = torch.randn(16, 4)
Y = X.sum(1, keepdim=True)
for step in range(5):
    optimizer.zero_grad()
    loss = F.mse_loss(opt_model(X), Y)
    loss.backward()
    optimizer.step()
    print(step, round(loss.item(), 4), loss.grad_fn.name())
print(len(list(opt_model.parameters())), [n for n, _ in opt_model.named_parameters()][:2])

# %%
torch._dynamo.reset()
print(torch.compiler.is_compiling())
torch.compile(foo, mode="fastest")

# %%
model = nn.Sequential(nn.Conv2d(3, 4, 3), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 6 * 6, 5))
inputs = torch.randn(2, 3, 8, 8)

with profile(activities=[ProfilerActivity.CPU], record_shapes=True) as prof:
    with record_function("model_inference"):
        model(inputs)

averages = prof.key_averages()
print(type(averages).__name__, type(averages[0]).__name__)
row = [e for e in averages if e.key == "model_inference"][0]
print(row.key, row.count)
print([e.count for e in averages if e.key == "aten::relu"])
by_shape = prof.key_averages(group_by_input_shape=True)
print([e.input_shapes for e in by_shape if e.key == "aten::relu"])
print(prof.key_averages().table(sort_by="cpu_time_total", row_limit=10).splitlines()[1].split())

# %%
class MyModule(nn.Module):
    def __init__(self, in_features: int, out_features: int, bias: bool = True):
        super(MyModule, self).__init__()
        self.linear = nn.Linear(in_features, out_features, bias)

    def forward(self, input, mask):
        with torch.autograd.profiler.record_function("LINEAR PASS"):
            out = self.linear(input)

        with torch.autograd.profiler.record_function("MASK INDICES"):
            threshold = out.sum(axis=1).mean().item()
            hi_idx = torch.argwhere(mask > threshold)

        return out, hi_idx

model = MyModule(50, 10)
input = torch.rand(8, 50)
mask = torch.rand((50, 10, 10))

# warm-up
model(input, mask)

with torch.autograd.profiler.profile(with_stack=True, profile_memory=True) as prof:
    out, idx = model(input, mask)

labels = {e.key: e.count for e in prof.key_averages() if e.key in ("LINEAR PASS", "MASK INDICES")}
print(labels)
print(type(prof.key_averages()).__name__, out.shape, idx.shape[1])
print([e.name for e in prof.function_events if e.name in ("LINEAR PASS", "MASK INDICES")])
print(prof.total_average().key, prof.self_cpu_time_total > 0)

# %%
# the same labels under torch.profiler, entered with either record_function
with profile(activities=[ProfilerActivity.CPU]) as prof:
    for _ in range(3):
        model(input, mask)
    with record_function("extra"):
        model.linear(input)
print(sorted((e.key, e.count) for e in prof.key_averages() if not e.key.startswith("aten::")))
