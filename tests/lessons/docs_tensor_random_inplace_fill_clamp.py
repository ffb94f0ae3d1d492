# Imitates the "Example::" blocks and one-line usages of PyTorch's Tensor reference for the in-place random
# samplers (bernoulli_, uniform_, normal_, exponential_, geometric_, cauchy_, log_normal_, random_ with
# from / to) under torch.manual_seed, element_size / nbytes / itemsize, fill_diagonal_ (wrap), clamp_ with
# tensor bounds, apply_ / map_ (CPU only), as a learner runs them in a notebook, and their errors.
import torch
torch.manual_seed(0)

# %%
torch.manual_seed(0)
print(torch.empty(3, 3).uniform_(0, 1))
print(torch.empty(2, 3).uniform_(-5, 5))
print(torch.empty(4).normal_(mean=2., std=0.5))
print(torch.empty(2, 2).normal_())
torch.empty(3, dtype=torch.float64).uniform_()

# %%
torch.manual_seed(1)
print(torch.empty(5).exponential_(lambd=2.))
print(torch.empty(5).geometric_(p=0.3))
print(torch.empty(5).cauchy_(median=0., sigma=1.))
print(torch.empty(5).log_normal_(mean=1., std=2.))
a = torch.empty(3, 3).uniform_(0, 1)
print(a)
print(torch.bernoulli(a))
print(torch.empty(3, 3).bernoulli_(0.5), torch.zeros(4).bernoulli_(torch.tensor([0., 1., 0., 1.])))
torch.empty(2, 4, dtype=torch.int64).geometric_(0.5)

# %%
torch.manual_seed(2)
print(torch.empty(8, dtype=torch.int64).random_(0, 10))
print(torch.empty(8, dtype=torch.int64).random_(5))
print(torch.empty(6).random_(-3, 3))
print(torch.empty(4, dtype=torch.uint8).random_(), torch.empty(4, dtype=torch.bool).random_())
print(torch.empty(4, dtype=torch.int8).random_(to=4), torch.empty(3, dtype=torch.float16).random_(1, 2))
torch.empty(5, dtype=torch.int32).random_(-100, -90)

# %%
print(torch.tensor([]).element_size())
print(torch.tensor([], dtype=torch.uint8).element_size())
for dt in [torch.float64, torch.float16, torch.bfloat16, torch.int32, torch.int16, torch.bool, torch.complex64]:
    t = torch.zeros(3, 4, dtype=dt)
    print(dt, t.element_size(), t.nbytes, t.itemsize, t[:, ::2].nbytes, t.expand(2, 3, 4).nbytes)
torch.ones(()).nbytes, torch.ones(10)[2:5].itemsize

# %%
a = torch.zeros(3, 3)
a.fill_diagonal_(5)
print(a)
b = torch.zeros(7, 3)
print(b.fill_diagonal_(5))
c = torch.zeros(7, 3)
print(c.fill_diagonal_(5, wrap=True))
print(torch.zeros(3, 7).fill_diagonal_(2.5, wrap=True), torch.zeros(2, 2, 2).fill_diagonal_(1))
torch.zeros(5, 2, dtype=torch.int64).fill_diagonal_(3.9, wrap=True)

# %%
x = torch.tensor([[-3., 0.5, 4.], [1., -0.2, 9.]])
lo = torch.tensor([-1., 0., 1.])
hi = torch.tensor([1., 1., 5.])
print(x.clone().clamp_(lo, hi))
print(x.clone().clamp_(min=lo), x.clone().clamp_(max=torch.tensor([[0.], [2.]])))
print(torch.clamp(x, min=hi, max=lo), x.clone().clip_(-1, 1), torch.arange(5).clamp_(torch.tensor(1), torch.tensor(3)))
w = torch.tensor([-3., 0.5, 4.], requires_grad=True)
mn = torch.tensor([-1., 0., 1.], requires_grad=True)
mx = torch.tensor([1., 1., 3.], requires_grad=True)
y = w.clamp(mn, mx)
(y * torch.tensor([1., 2., 3.])).sum().backward()
y, w.grad, mn.grad, mx.grad

# %%
x = torch.tensor([1., 2., 3.])
print(x.apply_(lambda v: v * v + 1))
print(x.map_(torch.tensor([1., 0., -1.]), lambda a, b: a * b))
print(torch.arange(4).view(2, 2).apply_(lambda v: v % 3), torch.zeros(2, 2).map_(torch.tensor([3., 4.]), lambda a, b: a + b))
m = torch.zeros(2, 3)
m.t().apply_(lambda v: v + 5)
m[:, 1].map_(torch.tensor([7., 8.]), lambda a, b: a * b)
print(m, m[:, ::2].apply_(lambda v: -v), m)
print(torch.tensor([1, 2, 3], dtype=torch.uint8).apply_(lambda v: v - 2), torch.zeros(2, dtype=torch.int64).apply_(lambda v: 2.9))
torch.tensor([True, False]).apply_(lambda v: not v), torch.zeros(2).apply_(lambda v: torch.tensor(1.5))

# %%
for bad in [lambda: torch.empty(3).uniform_(2, 1),
            lambda: torch.empty(3).normal_(0, -1),
            lambda: torch.empty(3).exponential_(-1.),
            lambda: torch.empty(3).geometric_(1.5),
            lambda: torch.empty(3).bernoulli_(1.5),
            lambda: torch.empty(3).random_(5, 5),
            lambda: torch.empty(3, dtype=torch.uint8).random_(0, 300),
            lambda: torch.empty(3).log_normal_(0, 0),
            lambda: torch.empty(3, dtype=torch.int64).normal_(),
            lambda: torch.empty(3, dtype=torch.int64).uniform_(),
            lambda: torch.zeros(3).fill_diagonal_(1),
            lambda: torch.zeros(2, 3, 4).fill_diagonal_(1),
            lambda: torch.zeros(3).clamp_(),
            lambda: torch.zeros(3).clamp_(torch.ones(2)),
            lambda: torch.zeros(3, dtype=torch.int64).clamp_(torch.tensor([0.5])),
            lambda: torch.zeros(3).apply_(lambda v: "x"),
            lambda: torch.zeros(3).map_(torch.ones(2), lambda a, b: a),
            lambda: torch.zeros(3).apply_(lambda v: None),
            lambda: torch.zeros(3, dtype=torch.int64).apply_(lambda v: "3"),
            lambda: torch.zeros(3, dtype=torch.uint8).apply_(lambda v: 300),
            lambda: torch.zeros(3, dtype=torch.int64).apply_(lambda v: float("nan")),
            lambda: torch.zeros(3).map_(torch.ones(3, dtype=torch.int64), lambda a, b: b),
            lambda: torch.zeros(3).map_([1., 2., 3.], lambda a, b: b),
            lambda: torch.zeros(3).map_(torch.ones(3, requires_grad=True), lambda a, b: b),
            lambda: torch.zeros(3).apply_(),
            lambda: torch.zeros(3, requires_grad=True).uniform_(),
            lambda: torch.zeros(3, requires_grad=True).apply_(lambda v: v)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
