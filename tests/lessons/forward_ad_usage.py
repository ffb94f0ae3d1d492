# Imitates PyTorch's "Forward-mode Automatic Differentiation" tutorial: dual tensors in a dual_level, modules with
# dual parameters (by hand and with torch.func.functional_call), a custom Function with a jvp, torch.func.jvp.
import torch
import torch.autograd.forward_ad as fwAD
torch.manual_seed(0)

primal = torch.randn(4, 4)
tangent = torch.randn(4, 4)

def fn(x, y):
    return x ** 2 + y ** 2

# %%
with fwAD.dual_level():
    dual_input = fwAD.make_dual(primal, tangent)
    assert fwAD.unpack_dual(dual_input).tangent is tangent
    plain_tensor = torch.randn(4, 4)
    dual_output = fn(dual_input, plain_tensor)
    jvp = fwAD.unpack_dual(dual_output).tangent
    print(dual_input[0])
    print(jvp)

print(fwAD.unpack_dual(dual_output).tangent is None)
print(torch.allclose(jvp, 2 * primal * tangent))

# %%
with fwAD.dual_level():
    x = fwAD.make_dual(torch.tensor([0.5, 1.0, 2.0]), torch.tensor([1.0, 0.0, 0.0]))
    y = torch.sin(x) * torch.exp(-x) + torch.tanh(x).sum()
    print(y)
    print(fwAD.unpack_dual(y.log_softmax(0)))

# %%
import torch.nn as nn

model = nn.Linear(5, 5)
input = torch.randn(16, 5)

params = {name: p for name, p in model.named_parameters()}
tangents = {name: torch.rand_like(p) for name, p in params.items()}

with fwAD.dual_level():
    for name, p in params.items():
        delattr(model, name)
        setattr(model, name, fwAD.make_dual(p, tangents[name]))

    out = model(input)
    jvp = fwAD.unpack_dual(out).tangent

print(jvp.shape, jvp.detach()[:2])

# %%
from torch.func import functional_call

model = nn.Linear(5, 5)

dual_params = {}
with fwAD.dual_level():
    for name, p in params.items():
        dual_params[name] = fwAD.make_dual(p, tangents[name])
    out = functional_call(model, dual_params, input)
    jvp2 = fwAD.unpack_dual(out).tangent

print(torch.allclose(jvp, jvp2))

# %%
class Fn(torch.autograd.Function):
    @staticmethod
    def forward(ctx, foo):
        result = torch.exp(foo)
        ctx.result = result
        return result

    @staticmethod
    def jvp(ctx, gI):
        gO = gI * ctx.result
        del ctx.result
        return gO

fn = Fn.apply

primal = torch.randn(3, 3, dtype=torch.double, requires_grad=True)
tangent = torch.randn(3, 3)

with fwAD.dual_level():
    dual_input = fwAD.make_dual(primal, tangent)
    dual_output = fn(dual_input)
    jvp = fwAD.unpack_dual(dual_output).tangent

print(jvp.detach())
torch.autograd.gradcheck(Fn.apply, (primal,), check_forward_ad=True, check_backward_ad=False,
                         check_undefined_grad=False, check_batched_grad=False)

# %%
import torch.func as ft

primal0 = torch.randn(3, 3)
tangent0 = torch.randn(3, 3)
primal1 = torch.randn(3, 3)
tangent1 = torch.randn(3, 3)

def fn(x, y):
    return x ** 2 + y ** 2

primal_out, tangent_out = ft.jvp(fn, (primal0, primal1), (tangent0, tangent1))
print(tangent_out)

# %%
import functools

primal = torch.randn(3, 3)
tangent = torch.randn(3, 3)
y = torch.randn(3, 3)

new_fn = functools.partial(fn, y=y)
primal_out, tangent_out = ft.jvp(new_fn, (primal,), (tangent,))
print(primal_out - (primal ** 2 + y ** 2), tangent_out)

# %%
model = nn.Linear(5, 5)
input = torch.randn(4, 5)
params = {k: v.detach() for k, v in model.named_parameters()}
tangents = {k: torch.rand_like(v) for k, v in params.items()}

def func_params_only(params):
    return functional_call(model, params, (input,))

model_output, jvp_out = ft.jvp(func_params_only, (params,), (tangents,))
print(jvp_out)
