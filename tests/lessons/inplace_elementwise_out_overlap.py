# The out= and in-place forms of elementwise ops on overlapping slices of one tensor, as in docs examples of
# out= and in notebooks updating a buffer in place: exp/sigmoid/clamp/where/addcmul/lerp with out= a window of the
# input, a transposed view written from the matrix itself, a 0-d element added into the slice holding it, and
# comparisons written into a bool buffer; which ones PyTorch refuses and what the allowed ones compute.
import torch

torch.manual_seed(0)
buf = torch.arange(1., 9.)


def attempt(label, fn):
    t = buf.clone()
    try:
        r = fn(t)
        print(label, "ok", t if r is None else r)
    except Exception as e:
        print(label, type(e).__name__, e)


# %%
attempt("exp out= shifted", lambda t: torch.exp(t[:-1], out=t[1:]))
attempt("sigmoid out= shifted", lambda t: torch.sigmoid(t[:4], out=t[2:6]))
attempt("clamp out= shifted", lambda t: torch.clamp(t[:4], 2, 5, out=t[2:6]))
attempt("exp out= itself", lambda t: torch.exp(t, out=t).round(decimals=2))
attempt("exp out= other half", lambda t: torch.exp(t[:4], out=t[4:]))

# %%
attempt("where out=", lambda t: torch.where(t[:4] > 2, t[:4], t[4:], out=t[2:6]))
attempt("addcmul_", lambda t: t[2:6].addcmul_(t[:4], t[4:]))
attempt("lerp_", lambda t: t[2:6].lerp_(t[:4], 0.5))
attempt("maximum out=", lambda t: torch.maximum(t[:4], t[4:], out=t[1:5]))
attempt("mul_ by element inside", lambda t: t[4:].mul_(t[5]))
attempt("mul_ by element outside", lambda t: t[4:].mul_(t[0]))

# %%
m = torch.arange(9.).reshape(3, 3)
try:
    m.T.add_(m)
except RuntimeError as e:
    print(type(e).__name__, e)
sym = (m + m.T) / 2
print(sym, sym.is_contiguous())
mask = torch.zeros(8, dtype=torch.bool)
torch.gt(buf, 4, out=mask)
print(mask)
try:
    torch.logical_and(mask[:4], mask[2:6], out=mask[1:5])
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
# with autograd: the leaf check comes first, a non-leaf hits the overlap error
w = torch.randn(6, requires_grad=True)
try:
    w[1:].add_(w[:-1])
except RuntimeError as e:
    print(type(e).__name__, e)
h = w * 2
try:
    h[1:].add_(h[:-1])
except RuntimeError as e:
    print(type(e).__name__, e)
h2 = h.clone()
h2[1:].add_(h[:-1])
h2.sum().backward()
print(h2.grad_fn.name(), w.grad)
