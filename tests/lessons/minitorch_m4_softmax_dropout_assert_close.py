# Imitates MiniTorch module 4's nn.py (minitorch.github.io: softmax, logsoftmax, dropout, maxpool2d) as the course's
# students check it against real torch: numerically stable softmax / logsoftmax vs F.softmax / F.log_softmax on big
# logits, dropout's edge cases (p=0, p=1, training=False, out-of-range p), and torch.testing.assert_close's messages
# when the student's tensor is off (values, shapes, dtypes), with hypothesis-like seeded random small shapes.
import torch
import torch.nn.functional as F

def softmax(x, dim):
    e = (x - x.max(dim=dim, keepdim=True).values).exp()
    return e / e.sum(dim=dim, keepdim=True)

def logsoftmax(x, dim):
    m = x.max(dim=dim, keepdim=True).values
    return x - m - (x - m).exp().sum(dim=dim, keepdim=True).log()

def naive_softmax(x, dim):
    return x.exp() / x.exp().sum(dim=dim, keepdim=True)

x = torch.tensor([[1000., 1001., 1002.], [-1000., 0., 1000.], [0., 0., 0.]])
print(naive_softmax(x, 1))
print(softmax(x, 1))
print(F.softmax(x, dim=1), torch.allclose(softmax(x, 1), F.softmax(x, 1)))
print(logsoftmax(x, 1), F.log_softmax(x, dim=1))
print(torch.log(F.softmax(x, 1)))

# %%
# gradients of the student's softmax vs torch's (incl. -inf logits from masking)
g = torch.Generator().manual_seed(0)
for shape, dim in [((3,), 0), ((2, 4), 1), ((2, 3, 2), 0), ((1, 5), -1)]:
    a = torch.randn(*shape, generator=g, dtype=torch.float64, requires_grad=True)
    w = torch.randn(*shape, generator=g, dtype=torch.float64)
    g1, = torch.autograd.grad((softmax(a, dim) * w).sum(), a)
    g2, = torch.autograd.grad((F.softmax(a, dim) * w).sum(), a)
    g3, = torch.autograd.grad((logsoftmax(a, dim) * w).sum(), a)
    g4, = torch.autograd.grad((F.log_softmax(a, dim) * w).sum(), a)
    print(shape, dim, torch.allclose(g1, g2), torch.allclose(g3, g4), F.softmax(a, dim).grad_fn, F.log_softmax(a, dim).grad_fn)
m = torch.tensor([[0.5, float("-inf"), 1.0], [float("-inf")] * 3], requires_grad=True)
s = F.softmax(m, dim=1)
s.sum().backward()
print(s, m.grad)
print(softmax(m.detach(), 1), F.log_softmax(m.detach(), 1))

# %%
# softmax without dim, and other dims
try:
    F.softmax(torch.randn(2, 3))
except Exception as e:
    print(type(e).__name__, e)
for f in [lambda: F.softmax(torch.ones(2, 3), dim=2), lambda: F.softmax(torch.ones(2, 3, dtype=torch.long), dim=1),
          lambda: F.softmax(torch.ones(2, 3, dtype=torch.long), dim=1, dtype=torch.float64),
          lambda: F.log_softmax(torch.tensor(3.), 0), lambda: torch.softmax(torch.ones(2, 2), 1, torch.float16),
          lambda: F.softmax(torch.ones(0, 3), 1), lambda: torch.ones(2, 3).softmax(-1).sum(1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

# %%
# dropout edge cases
torch.manual_seed(0)
x = torch.ones(4, 5, requires_grad=True)
print(F.dropout(x, p=0.0), F.dropout(x, p=0.0).grad_fn)
print(F.dropout(x, p=1.0), F.dropout(x, p=1.0).grad_fn)
y = F.dropout(x, p=0.5, training=False)
print(y is x, y.grad_fn, torch.equal(y, x))
d = F.dropout(x, p=0.5)
d.sum().backward()
print(d, x.grad, (d == 0).sum().item() + (d == 2).sum().item())
for f in [lambda: F.dropout(x, p=1.5), lambda: F.dropout(x, p=-0.1), lambda: F.dropout(x, p=1),
          lambda: torch.nn.Dropout(p=2.0), lambda: torch.nn.Dropout(0.3).eval()(x) is x,
          lambda: F.dropout(torch.ones(3, dtype=torch.long), 0.5), lambda: F.dropout(x.detach(), 0.5, inplace=True).sum(),
          lambda: F.dropout(x, 0.5, inplace=True)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
drop = torch.nn.Dropout(p=1.0)
print(drop, drop(torch.ones(3)), drop.eval()(torch.ones(3)), drop.training)

# %%
# torch.testing.assert_close messages the student sees when their module is wrong
def check(actual, expected, **kw):
    try:
        torch.testing.assert_close(actual, expected, **kw)
        print("PASS")
    except Exception as e:
        print(type(e).__name__, e)

t = torch.tensor([[0.1, 0.2], [0.3, 0.4]])
check(t, t + 1e-7)
check(t, t + torch.tensor([[0., 0.], [0., 1e-3]]))
check(t, t.double())
check(t, t.view(4))
check(t, t.t())
check(t.t(), t.t().contiguous())
check(t, t.long())
check(t, t.numpy())
check(t.requires_grad_(), t.detach() * 1.01)
check(torch.tensor([float("nan"), 1.0]), torch.tensor([float("nan"), 1.0]))
check(torch.tensor([float("nan"), 1.0]), torch.tensor([float("nan"), 1.0]), equal_nan=True)
check(torch.tensor([1, 2, 3]), torch.tensor([1, 2, 4]))
check(torch.tensor(True), torch.tensor(False))
check(1.0, 1.0001)
check(torch.tensor([1.0, 2.0]), [1.0, 2.0])
check(torch.tensor([1.0, 2.0]), torch.tensor([1.0, 2.5]), rtol=0.1)
check(torch.tensor([1.0, 2.0]), torch.tensor([1.0, 2.5]), atol=1.0)

# %%
# hypothesis-like random small shapes with a seeded generator: sum/mean/permute round trips
gen = torch.Generator().manual_seed(1234)
for trial in range(4):
    ndim = int(torch.randint(1, 4, (1,), generator=gen))
    shape = tuple(int(s) for s in torch.randint(1, 4, (ndim,), generator=gen))
    a = torch.rand(shape, generator=gen) * 2 - 1
    perm = torch.randperm(ndim, generator=gen).tolist()
    p = a.permute(*perm)
    inv = [perm.index(i) for i in range(ndim)]
    d = int(torch.randint(0, ndim, (1,), generator=gen))
    print(shape, perm, p.is_contiguous(), torch.equal(p.permute(*inv), a),
          torch.allclose(a.sum(d), a.permute(*perm).sum(perm.index(d))), a.mean(d, keepdim=True).shape)
print(torch.rand(2, 2, generator=gen), torch.randn(3, generator=gen), gen.initial_seed())
