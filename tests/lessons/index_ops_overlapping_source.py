# Indexed in-place writes whose source is the tensor itself, as in tutorials on scatter/index_copy/index_put
# (a permutation applied in place, rows copied within a matrix, a histogram accumulated into its own buffer):
# PyTorch refuses a source sharing any memory with the target (scatter_, scatter_add_, index_copy_, index_add_,
# index_put_, gather/index_select with out=), the fix with clone(), and sort/cat with out= over their input.
import torch

torch.manual_seed(0)
perm = torch.randperm(6)
print(perm)


def attempt(label, fn):
    t = torch.arange(1., 7.)
    try:
        fn(t)
        print(label, "ok", t)
    except Exception as e:
        print(label, type(e).__name__, e)


# %%
attempt("scatter_ self", lambda t: t.scatter_(0, perm, t))
attempt("scatter_add_ self", lambda t: t.scatter_add_(0, perm, t))
attempt("index_copy_ self", lambda t: t.index_copy_(0, perm, t))
attempt("index_add_ self", lambda t: t.index_add_(0, perm, t))
attempt("index_put_ self", lambda t: t.index_put_((perm,), t))
attempt("t[perm] = t", lambda t: t.__setitem__(perm, t))
attempt("t[t > 3] = t[:3]", lambda t: t.__setitem__(t > 3, t[:3]))

# %%
attempt("scatter_ clone", lambda t: t.scatter_(0, perm, t.clone()))
attempt("index_copy_ clone", lambda t: t.index_copy_(0, perm, t.clone()))
attempt("t[perm] = t.clone()", lambda t: t.__setitem__(perm, t.clone()))
attempt("index_copy_ disjoint", lambda t: t[3:].index_copy_(0, torch.tensor([2, 0, 1]), t[:3]))
attempt("masked_scatter_ self", lambda t: t.masked_scatter_(t > 3, t))

# %%
attempt("gather out=", lambda t: torch.gather(t, 0, perm, out=t))
attempt("index_select out=", lambda t: torch.index_select(t, 0, perm, out=t))
attempt("sort out=", lambda t: torch.sort(t[:4], descending=True, out=(t[2:6], torch.empty(4, dtype=torch.long))))
attempt("cat out=", lambda t: torch.cat([t[:2], t[2:4]], out=t[1:5]))
attempt("cumsum out=", lambda t: torch.cumsum(t[:4], 0, out=t[2:6]))
attempt("cumsum_", lambda t: t[:4].cumsum_(0))
m = torch.arange(12.).reshape(3, 4)
m[[0, 2]] = m[[2, 0]]
print(m)
