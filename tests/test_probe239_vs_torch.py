"""What the two-hundred-and-thirty-ninth probe (Sequential Monte Carlo with tensors: bootstrap particle filters,
multinomial / systematic / stratified resampling, differentiable particle filters, unscented sigma points) found,
each checked against PyTorch: inside torch.vmap a random op drawn from tensors (multinomial, bernoulli, poisson,
normal's mean or std, _standard_gamma, _sample_dirichlet, binomial, bernoulli_ with a tensor p) checks the
randomness of every vmap level before its own checks, and refuses values batched by a level under
randomness='same'; bernoulli_ of a batched p into an unbatched tensor is refused as an in-place op; rrelu has no
vmap rule at all; a distribution's argument validation reads the whole check (torch._is_all_true), so a batched
Categorical is no data-dependent control flow."""
from helpers import assert_same_as_pytorch

CELLS = {
    "vmap_same_randomness_refuses_batched_draw_inputs": ['''W = torch.full((3, 4), 0.5)
draws = {"multinomial": lambda w: torch.multinomial(w, 2, True), "bernoulli": torch.bernoulli,
         "bernoulli_p": lambda w: torch.bernoulli(w, 0.3), "normal_mean": lambda w: torch.normal(w, 1.0),
         "normal_std": lambda w: torch.normal(0.0, w), "poisson": torch.poisson,
         "gamma": torch._standard_gamma, "dirichlet": torch._sample_dirichlet,
         "binomial": lambda w: torch.binomial(w * 4, w), "bernoulli_tensor_": lambda w: torch.zeros(4).bernoulli_(w),
         "unbatched_probs": lambda w: w + torch.multinomial(torch.ones(4), 4), "rand_like": torch.rand_like}
for mode in ["error", "same"]:
    for name, f in draws.items():
        try:
            torch.manual_seed(0)
            print(mode, name, torch.vmap(f, randomness=mode)(W))
        except Exception as e:
            print(mode, name, type(e).__name__, e)
'''],
    "vmap_random_checks_come_before_the_ops_own": ['''W = torch.full((3, 4), 0.5)
for mode in ["error", "same", "different"]:
    for name, f in {"n_sample": lambda w: torch.multinomial(w, -1), "long": lambda w: torch.poisson(w.long())}.items():
        try:
            print(mode, name, torch.vmap(f, randomness=mode)(W))
        except Exception as e:
            print(mode, name, type(e).__name__, e)
'''],
    "nested_vmap_checks_every_level": ['''W = torch.full((2, 3, 4), 0.5)
for mode in ["same", "different", "error"]:
    try:
        torch.manual_seed(0)
        inner = lambda w: torch.vmap(lambda v: torch.multinomial(w, 2), randomness="same")(w)
        print(mode, torch.vmap(inner, randomness=mode)(W))
    except Exception as e:
        print(mode, type(e).__name__, e)
'''],
    "vmap_inplace_bernoulli_of_batched_p_into_unbatched_self": ['''W = torch.full((3, 4), 0.5)
try:
    torch.vmap(lambda w: torch.zeros(4).bernoulli_(w), randomness="different")(W)
except Exception as e:
    print(type(e).__name__, e)
torch.manual_seed(0)
print(torch.vmap(lambda w: torch.zeros_like(w).bernoulli_(w), randomness="different")(W))
'''],
    "rrelu_has_no_vmap_rule": ['''import torch.nn.functional as F
W = torch.full((3, 4), -0.5)
for mode in ["error", "same", "different"]:
    for name, f in {"rrelu": F.rrelu, "train": lambda w: F.rrelu(w, training=True),
                    "rrelu_": lambda w: F.rrelu_(w.clone()),
                    "module": torch.nn.RReLU(), "unbatched": lambda w: w + torch.rrelu(torch.ones(4))}.items():
        try:
            print(mode, name, torch.vmap(f, randomness=mode)(W))
        except Exception as e:
            print(mode, name, type(e).__name__, e)
print(F.rrelu(W[0]))
'''],
    "distribution_validation_inside_vmap": ['''torch.manual_seed(3)
W = torch.softmax(torch.randn(4, 6), dim=1)
print(torch.vmap(lambda w: torch.distributions.Categorical(probs=w).sample((3,)), randomness="different")(W))
print(torch.vmap(lambda w: torch.distributions.Categorical(probs=w).log_prob(torch.tensor(2)))(W))
print(torch.vmap(lambda m: torch.distributions.Normal(m, 1.0).log_prob(m + 1))(torch.randn(3)))
try:
    torch.vmap(lambda w: torch.distributions.Categorical(probs=w - 0.5))(W)
except Exception as e:
    print(type(e).__name__, str(e).splitlines()[0])
'''],
}


def test_vmap_same_randomness_refuses_batched_draw_inputs():
    assert_same_as_pytorch(CELLS["vmap_same_randomness_refuses_batched_draw_inputs"], name="probe239 same randomness")


def test_vmap_random_checks_come_before_the_ops_own():
    assert_same_as_pytorch(CELLS["vmap_random_checks_come_before_the_ops_own"], name="probe239 random check order")


def test_nested_vmap_checks_every_level():
    assert_same_as_pytorch(CELLS["nested_vmap_checks_every_level"], name="probe239 nested vmap randomness")


def test_vmap_inplace_bernoulli_of_batched_p_into_unbatched_self():
    assert_same_as_pytorch(CELLS["vmap_inplace_bernoulli_of_batched_p_into_unbatched_self"],
                           name="probe239 vmap bernoulli_")


def test_rrelu_has_no_vmap_rule():
    assert_same_as_pytorch(CELLS["rrelu_has_no_vmap_rule"], name="probe239 rrelu under vmap")


def test_distribution_validation_inside_vmap():
    assert_same_as_pytorch(CELLS["distribution_validation_inside_vmap"], name="probe239 distribution validation vmap")
