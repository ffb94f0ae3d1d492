# The "Examples" a learner types from PyTorch's torch.special reference for the orthogonal polynomials
# (chebyshev_polynomial_t/u/v/w, their shifted forms, hermite_polynomial_h/he, laguerre_polynomial_l,
# legendre_polynomial_p): tensor and Python-number n, broadcasting a column of degrees against points, integer
# inputs, the result dtypes, negative / large n, the ends of the interval, and what .backward() does with them.
import torch

S = torch.special
x = torch.linspace(-1, 1, 5)
print(S.chebyshev_polynomial_t(x, 3))
print(S.chebyshev_polynomial_u(x, 3))
print(S.chebyshev_polynomial_v(x, 2), S.chebyshev_polynomial_w(x, 2))
print(S.legendre_polynomial_p(x, 4))
print(S.hermite_polynomial_h(x, 3), S.hermite_polynomial_he(x, 3))
print(S.laguerre_polynomial_l(torch.tensor([0., 1., 2., 5.]), 3))

# %%
# a table of degrees against points (a column of n broadcast against a row of x)
n = torch.arange(6).unsqueeze(1)
x = torch.tensor([-0.5, 0.0, 0.3, 0.9], dtype=torch.float64)
table = S.chebyshev_polynomial_t(x, n)
print(table.shape, table.dtype)
print(table)
print(S.legendre_polynomial_p(x, n))
print(S.shifted_chebyshev_polynomial_t(torch.tensor([0., 0.25, 0.5, 1.]), n))
print(S.shifted_chebyshev_polynomial_u(torch.tensor([0., 0.25, 0.5, 1.]), 3),
      S.shifted_chebyshev_polynomial_v(torch.tensor([0., 0.25, 0.5, 1.]), 3),
      S.shifted_chebyshev_polynomial_w(torch.tensor([0., 0.25, 0.5, 1.]), 3))

# %%
# dtypes: integers are computed in the default float dtype, a float n is truncated, a number x takes n's dtype
print(S.chebyshev_polynomial_t(torch.tensor([1, 2, 3]), 2))
print(S.chebyshev_polynomial_t(torch.tensor([1, 2, 3]), 2.7))
print(S.chebyshev_polynomial_t(2.0, torch.tensor([1, 2, 3])))
print(S.hermite_polynomial_h(torch.tensor([0.5]), torch.tensor([2., 3.], dtype=torch.float64)).dtype)
print(S.hermite_polynomial_h(torch.tensor([0.5]), torch.tensor(3., dtype=torch.float64)).dtype)

# %%
# negative degrees give 0, the ends of [-1, 1] their closed values, large degrees use cos(n acos x) inside
print(S.chebyshev_polynomial_t(torch.tensor([0.5, 1.0, -1.0]), torch.tensor([-1, 7, 7])))
print(S.chebyshev_polynomial_u(torch.tensor([-1.0, 1.0, 0.2]), 9))
print(S.chebyshev_polynomial_t(torch.tensor([0.3, 0.95], dtype=torch.float64), 1000))
print(S.chebyshev_polynomial_v(torch.tensor([-1.0, 0.4]), 10), S.chebyshev_polynomial_w(torch.tensor([1.0, 0.4]), 10))
print(S.hermite_polynomial_h(torch.tensor([0.1]), 200), S.hermite_polynomial_he(torch.tensor([0.1]), 129))
print(S.legendre_polynomial_p(torch.tensor([float('inf'), -1.0, 1.0]), 3))
print(S.laguerre_polynomial_l(torch.tensor([0.0, 3.0]), 30))

# %%
# no derivative: the result does not require grad, so backward through it fails
x = torch.tensor([0.2, 0.4], requires_grad=True)
y = S.legendre_polynomial_p(x, 3)
print(y.requires_grad, y.grad_fn)
try:
    y.sum().backward()
except RuntimeError as e:
    print(type(e).__name__, e)
z = (S.chebyshev_polynomial_t(x, 2) * x).sum()
z.backward()
print(x.grad)

# %%
for call in (lambda: S.chebyshev_polynomial_t(2.0, 3),
             lambda: S.chebyshev_polynomial_t(torch.ones(2), torch.ones(3)),
             lambda: S.chebyshev_polynomial_t(torch.ones(2, dtype=torch.float16), 2),
             lambda: S.laguerre_polynomial_l(torch.ones(2, dtype=torch.complex64), 2)):
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
out = torch.empty(0)
S.chebyshev_polynomial_u(torch.tensor([0.5, 0.2]), 4, out=out)
print(out)
