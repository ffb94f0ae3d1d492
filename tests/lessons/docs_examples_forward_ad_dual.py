# Imitates the torch.autograd.forward_ad reference (dual_level, make_dual, unpack_dual and its namedtuple) and the
# "Forward-mode Automatic Differentiation" tutorial's first sections, typed in by a learner who prints what each
# step gives back, then the mistakes that tutorial's readers make (no level, wrong tangent size, integer primals).
import torch
import torch.autograd.forward_ad as fwAD
torch.manual_seed(0)

primal = torch.randn(10, 10)
tangent = torch.randn(10, 10)

def fn(x, y):
    return x ** 2 + y ** 2

with fwAD.dual_level():
    dual_input = fwAD.make_dual(primal, tangent)
    plain_tensor = torch.randn(10, 10)
    dual_output = fn(dual_input, plain_tensor)
    jvp = fwAD.unpack_dual(dual_output).tangent

print(fwAD.unpack_dual(dual_output).tangent is None)
print(jvp[0, :3])
print(torch.allclose(jvp, 2 * primal * tangent))

# %%
x = torch.tensor([1.0, 2.0, 3.0])
with fwAD.dual_level():
    d = fwAD.make_dual(x, torch.ones(3))
    out = d.sin() * d
    print(d)
    print(fwAD.unpack_dual(out))
    p, t = fwAD.unpack_dual(out)
    print(p, t)
    u = fwAD.unpack_dual(out)
    print(type(u).__name__, u._fields, u.primal is p)
    print(fwAD.unpack_dual(x))

# %%
w = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
with fwAD.dual_level():
    d = fwAD.make_dual(w, torch.tensor([1.0, 0.0, 0.0]))
    print(d)
    p, t = fwAD.unpack_dual(d * 3)
    print(p)
    print(p.grad_fn.name(), type(p.grad_fn).__name__)
    print(fwAD.unpack_dual(w).primal)
    print(fwAD.unpack_dual(w).primal is w)
    p.sum().backward()
print(w.grad)

# %%
with fwAD.dual_level():
    with fwAD.dual_level() if False else torch.no_grad():
        d = fwAD.make_dual(torch.ones(2), torch.ones(2))
        print(fwAD.unpack_dual(d.exp()).tangent)
print(fwAD.unpack_dual(d))

# %%
for make in [lambda: fwAD.make_dual(torch.ones(2), torch.ones(2)),
             lambda: fwAD.unpack_dual(torch.ones(2)),
             ]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
with fwAD.dual_level():
    for make in [lambda: fwAD.make_dual(torch.ones(2), torch.ones(3)),
                 lambda: fwAD.make_dual(torch.ones(2, dtype=torch.long), torch.ones(2)),
                 lambda: fwAD.make_dual(torch.ones(2), torch.ones(2, dtype=torch.long)),
                 lambda: fwAD.unpack_dual(2.0),
                 lambda: fwAD.unpack_dual(torch.ones(2, dtype=torch.long)),
                 ]:
        try:
            print(make())
        except Exception as e:
            print(type(e).__name__, e)

# %%
# jvp of a small model through its input, as the tutorial's Module section does for parameters
model = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.Tanh(), torch.nn.Linear(4, 1))
inp = torch.randn(5, 3)
with torch.no_grad(), fwAD.dual_level():
    d = fwAD.make_dual(inp, torch.ones_like(inp))
    out = model(d)
    primal_out, jvp = fwAD.unpack_dual(out)
print(primal_out.shape, jvp.shape)
print(jvp.squeeze())
