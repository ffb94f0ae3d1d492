# Imitates the pointwise-math "Example::" blocks (torch.xlogy, torch.special.xlog1py / zeta / polygamma /
# multigammaln, torch.copysign, torch.gcd / lcm, torch.lerp, torch.float_power, torch.mvlgamma) with the mistakes a
# learner makes retyping them: two Python numbers, a number where the function wants a tensor, a float n or p,
# integer tensors given to the float-only ops and their in-place forms; each error printed.
import torch


def attempt(make):
    try:
        print("ok", make())
    except Exception as e:
        print(type(e).__name__, e)


# %%
t = torch.tensor([1.0, 2.0])
for make in (lambda: torch.xlogy(2, 3), lambda: torch.xlogy(2, t), lambda: torch.xlogy(t, 3),
             lambda: torch.special.xlogy(2, 3), lambda: torch.special.xlog1py(2, 3),
             lambda: torch.special.xlog1py(2, t), lambda: torch.special.zeta(2, 3),
             lambda: torch.special.zeta(2.0, t), lambda: torch.float_power(2, 3),
             lambda: torch.float_power(2, torch.tensor([1, 2]))):
    attempt(make)

# %%
i = torch.tensor([5, 10, 15])
for make in (lambda: torch.gcd(i, 6), lambda: torch.lcm(i, 6), lambda: torch.gcd(i, torch.tensor([6])),
             lambda: torch.copysign(2, t), lambda: torch.copysign(t, -1),
             lambda: torch.lerp(t, 2.0, 0.5), lambda: torch.lerp(t, torch.zeros(2), 0.5),
             lambda: torch.polygamma(1.5, t), lambda: torch.polygamma(True, t),
             lambda: torch.special.polygamma(1.5, t), lambda: torch.polygamma(1, t),
             lambda: torch.mvlgamma(t + 2, 2.0), lambda: torch.special.multigammaln(t + 2, 2.0),
             lambda: torch.mvlgamma(t + 2, p=2)):
    attempt(make)

# %%
for name in ("sqrt_", "exp2_", "expm1_", "log1p_", "rsqrt_", "sigmoid_", "logit_", "digamma_", "lgamma_", "i0_",
             "deg2rad_", "frac_"):
    attempt(lambda: getattr(torch.tensor([1, 2, 3]), name)())
attempt(lambda: torch.tensor([3, 4]).mvlgamma_(2))
attempt(lambda: torch.tensor([3, 4]).mvlgamma_(0))
attempt(lambda: torch.tensor([3., 4.]).mvlgamma_(2))
attempt(lambda: torch.tensor([3, 4]).polygamma_(1))

# %%
i = torch.tensor([1, 2, 3])
for make in (lambda: torch.frac(i), lambda: torch.nn.functional.logsigmoid(i), lambda: torch.special.softmax(i, 0),
             lambda: torch.special.log_softmax(i, 0), lambda: torch.special.softmax(i, 0, dtype=torch.float16),
             lambda: torch.special.logsumexp(i, 0), lambda: torch.frexp(i), lambda: torch.nextafter(i, i),
             lambda: torch.special.entr(torch.tensor([True, False])), lambda: torch.special.i1(i),
             lambda: torch.igamma(i, i), lambda: torch.heaviside(i, torch.tensor([1.0])),
             lambda: torch.sqrt(i), lambda: torch.special.ndtri(i)):
    attempt(make)
