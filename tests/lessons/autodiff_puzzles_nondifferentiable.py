# Imitates the "what if my puzzle function is not differentiable?" part of Sasha Rush's "Autodiff Puzzles"
# (srush/Autodiff-Puzzles) discussions: argmax, comparisons, rounding, floor division, heaviside, bucketize and
# masks inside f(x), gradients through integer / boolean masks and indices, and the errors integer tensors give
# when a learner asks them for gradients.
import torch

x = torch.tensor([1., -2., 3., 0.], requires_grad=True)
g = lambda out, inp, **kw: torch.autograd.grad(out, inp, **kw)
print(x.argmax(), x.argmax().requires_grad, x.argmax().grad_fn, (x > 0).requires_grad, (x > 0).grad_fn)
print(x.sign().grad_fn.name(), x.round().grad_fn.name(), x.floor().grad_fn.name(), (x // 1).grad_fn.name())
for make in [lambda: g(x.argmax(), x), lambda: g(x.argmax().float(), x), lambda: g((x > 0).float().sum(), x),
             lambda: g((x > 0).sum(), x), lambda: x.argmax().backward(), lambda: x.long().sum().backward(),
             lambda: g(x.long().sum(), x), lambda: g(x.sort()[1].float().sum(), x)]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# %%
# zero gradients almost everywhere, or no derivative at all
for name, f in [("round", lambda v: v.round()), ("floor", lambda v: v.floor()), ("sign", torch.sign),
                ("floor_divide", lambda v: v // 2), ("remainder", lambda v: v % 2),
                ("div_floor", lambda v: torch.div(v, 2, rounding_mode="floor")),
                ("div_trunc", lambda v: torch.div(v, 2, rounding_mode="trunc")),
                ("heaviside", lambda v: torch.heaviside(v, torch.tensor(0.5))),
                ("relu", torch.relu), ("abs", torch.abs), ("clamp", lambda v: v.clamp(0, 1)),
                ("step_mul", lambda v: v * (v > 0)), ("bucketize", lambda v: torch.bucketize(v, torch.tensor([0.])))]:
    try:
        print(name, g(f(x).sum(), x)[0])
    except Exception as e:
        print(name, type(e).__name__, e)

# %%
# gradients through masks and indices
m = x > 0
print(g(x[m].sum(), x), g((x * m).sum(), x), g(x.masked_fill(~m, 0).sum(), x), g((x * m.float()).sum(), x))
print(g(x[x != 0].prod(), x), g(x[[1, 1]].sum(), x), g(x.gather(0, torch.tensor([3, 3, 0])).sum(), x))
print(g(torch.take(x, torch.tensor([1, 1])).sum(), x), g(x.index_select(0, torch.tensor([2, 2])).sum(), x))
print(g(torch.maximum(x, torch.zeros(4)).sum(), x), g(torch.maximum(x, x.flip(0)).sum(), x))
print(g(x.sort().values[0], x), g(x.topk(2).values.sum(), x), g((x * torch.tensor([True, False, True, True])).sum(), x))
print(g((x / torch.arange(1, 5)).sum(), x), g((x ** torch.arange(4)).sum(), x), g((x + torch.arange(4)).sum(), x))

# %%
# integer tensors cannot ask for gradients
for make in [lambda: torch.tensor([1, 2], requires_grad=True), lambda: torch.arange(3, requires_grad=True),
             lambda: torch.arange(3.).long().requires_grad_(), lambda: torch.zeros(2, dtype=torch.bool, requires_grad=True),
             lambda: torch.ones(2, dtype=torch.int32).requires_grad_(False), lambda: g(torch.arange(3.).sum(), torch.arange(3.)),
             lambda: g(x.sum(), torch.arange(3)), lambda: x.long().retain_grad(), lambda: torch.arange(3.).requires_grad_().long().requires_grad,
             lambda: torch.autograd.functional.jacobian(lambda v: v * 2, torch.arange(3)),
             lambda: torch.autograd.functional.jacobian(lambda v: v > 0, torch.arange(3.)),
             lambda: torch.autograd.functional.jacobian(lambda v: torch.arange(3.), torch.arange(3.), strict=True)]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
k = torch.arange(3)
try:
    k.requires_grad = True
except Exception as e:
    print(type(e).__name__, e)
try:
    x.grad = torch.zeros(4, dtype=torch.long)
except Exception as e:
    print(type(e).__name__, e)
