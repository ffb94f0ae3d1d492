# A numerical-methods lesson on torch.special's Bessel and Airy functions (the docs' Examples for airy_ai,
# modified_bessel_i0/i1/k0/k1, scaled_modified_bessel_k0/k1, spherical_bessel_j0): tables of values, the
# Wronskian I0 K1 + I1 K0 = 1/x, the scaled K against exp(x) K, Ai's zeros, integer / double inputs, special
# points (0, negatives, inf), the dtypes that have no kernel, and that none of them is differentiated.
import torch

S = torch.special
x = torch.tensor([0.1, 0.5, 1.0, 2.0, 5.0, 10.0])
print(S.modified_bessel_i0(x))
print(S.modified_bessel_i1(-x))
print(S.modified_bessel_k0(x))
print(S.modified_bessel_k1(x))
print(S.scaled_modified_bessel_k0(x), S.scaled_modified_bessel_k1(x))
print(S.spherical_bessel_j0(torch.tensor([0.0, 0.3, 3.14159, 10.0, float('inf')])))

# %%
xd = torch.linspace(0.25, 6, 8, dtype=torch.float64)
w = S.modified_bessel_i0(xd) * S.modified_bessel_k1(xd) + S.modified_bessel_i1(xd) * S.modified_bessel_k0(xd)
print((w * xd - 1).abs().max() < 1e-12)
print((S.scaled_modified_bessel_k0(xd) - torch.exp(xd) * S.modified_bessel_k0(xd)).abs().max() < 1e-12)
print(torch.allclose(S.modified_bessel_i0(xd), torch.special.i0(xd)))

# %%
t = torch.linspace(-10, 4, 15)
print(S.airy_ai(t))
a1 = torch.tensor(-2.338107410459767, dtype=torch.float64)
print(S.airy_ai(a1).abs() < 1e-12)
print(S.airy_ai(torch.tensor([float('inf'), -float('inf'), 0.0, 105.0, 2.09])))
print(S.airy_ai(torch.arange(3)), S.airy_ai(torch.arange(3)).dtype)

# %%
print(S.modified_bessel_k0(torch.tensor([0.0, -1.0, 1.0])), S.modified_bessel_k1(torch.tensor([0.0, -1.0])))
print(S.modified_bessel_i0(torch.tensor([1, 2, 3])).dtype, S.modified_bessel_k1(torch.tensor([True])))
x = torch.tensor([0.5, 1.5], requires_grad=True)
y = S.modified_bessel_i0(x)
print(y.requires_grad, y.grad_fn)
try:
    y.sum().backward()
except RuntimeError as e:
    print(type(e).__name__, e)
for call in (lambda: S.airy_ai(1.0), lambda: S.modified_bessel_k0(2.0),
             lambda: S.scaled_modified_bessel_k1(torch.ones(1, dtype=torch.float16)),
             lambda: S.modified_bessel_i1(torch.ones(1, dtype=torch.bfloat16)),
             lambda: S.bessel_j0(torch.ones(1, dtype=torch.float16)),
             lambda: S.spherical_bessel_j0(torch.ones(1, dtype=torch.complex64))):
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
