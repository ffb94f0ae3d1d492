# Imitates what a learner meets after copying the torch.distributions docs examples and changing them: the
# ValueError texts of validate_args for bad parameters and out-of-support values (Normal with a negative scale,
# Bernoulli with probs > 1, Categorical with a negative weight, Dirichlet with a zero concentration, ...), the
# arg_constraints and support a learner prints to understand them, and set_default_validate_args.
import torch
from torch.distributions import *
from torch.distributions import constraints

def show(make):
    try:
        r = make()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

# %%
show(lambda: Normal(torch.tensor([0.0]), torch.tensor([-1.0])))
show(lambda: Normal(0.0, 0.0))
show(lambda: Bernoulli(torch.tensor([1.3])))
show(lambda: Bernoulli(probs=0.3, logits=0.1))
show(lambda: Bernoulli())
show(lambda: Categorical(torch.tensor([0.25, -0.25, 0.5])))
show(lambda: Dirichlet(torch.tensor([0.5, 0.0])))
show(lambda: Beta(torch.tensor([0.5]), torch.tensor([-2.0])))
show(lambda: Uniform(torch.tensor([1.0]), torch.tensor([0.0])))
show(lambda: Exponential(torch.tensor([-1.0])))
show(lambda: Gamma(torch.tensor([1.0]), torch.tensor([0.0])))
show(lambda: Poisson(torch.tensor([-4.0])))
show(lambda: Binomial(100, torch.tensor([1.2])))
show(lambda: Binomial(-1, torch.tensor([0.2])))
show(lambda: Geometric(torch.tensor([0.0])))
show(lambda: MultivariateNormal(torch.zeros(2), torch.tensor([[1.0, 2.0], [2.0, 1.0]])))
show(lambda: MultivariateNormal(torch.zeros(2)))
show(lambda: MultivariateNormal(torch.zeros(2), torch.eye(2), scale_tril=torch.eye(2)))
show(lambda: MultivariateNormal(torch.zeros(3), torch.eye(2)))
show(lambda: Wishart(torch.tensor([0.5]), covariance_matrix=torch.eye(2)))
show(lambda: LKJCholesky(3, -0.5))
show(lambda: VonMises(torch.tensor([1.0]), torch.tensor([-1.0])))
show(lambda: StudentT(torch.tensor([-2.0])))

# %%
show(lambda: Normal(0.0, 1.0).log_prob(torch.tensor(float("nan"))))
show(lambda: Bernoulli(torch.tensor([0.3])).log_prob(torch.tensor([0.5])))
show(lambda: Categorical(torch.tensor([0.25, 0.25, 0.5])).log_prob(torch.tensor([3])))
show(lambda: Exponential(torch.tensor([1.0])).log_prob(torch.tensor([-1.0])))
show(lambda: Beta(torch.tensor([0.5]), torch.tensor([0.5])).log_prob(torch.tensor([1.5])))
show(lambda: Dirichlet(torch.tensor([0.5, 0.5])).log_prob(torch.tensor([0.3, 0.3])))
show(lambda: Poisson(torch.tensor([4.0])).log_prob(torch.tensor([2.5])))
show(lambda: Uniform(0.0, 5.0).log_prob(torch.tensor([6.0])))
show(lambda: Normal(torch.zeros(3), 1.0).log_prob(torch.zeros(4)))
show(lambda: Multinomial(10, torch.tensor([1.0, 1.0])).log_prob(torch.tensor([3.0, 3.0])))
show(lambda: Gamma(1.0, 1.0).cdf(torch.tensor([-1.0])))
show(lambda: Normal(0.0, 1.0).icdf(torch.tensor([1.5])))
show(lambda: Normal(0.0, 1.0, validate_args=False).log_prob(torch.tensor(float("nan"))))
show(lambda: Bernoulli(torch.tensor([0.3]), validate_args=False).log_prob(torch.tensor([0.5])))

# %%
for cls in (Normal, Bernoulli, Beta, Binomial, Categorical, Dirichlet, Gamma, MultivariateNormal, Poisson,
            StudentT, Uniform, VonMises, Wishart, LKJCholesky, RelaxedBernoulli, LowRankMultivariateNormal):
    print(cls.__name__, cls.arg_constraints, getattr(cls, "has_rsample"), cls.has_enumerate_support)
print(Normal.support, Binomial(10, torch.tensor([0.5])).support, Uniform(0.0, 2.0).support)
print(Categorical(torch.ones(3)).support, Multinomial(5, torch.ones(3)).support, Wishart(3.0, torch.eye(2)).support)
print(constraints.integer_interval(0, 3), constraints.greater_than(2.0), constraints.half_open_interval(0.0, 1.0))
constraints.independent(constraints.real, 1)

# %%
Distribution.set_default_validate_args(False)
print(Normal(0.0, -1.0).scale, Bernoulli(torch.tensor([1.3])).probs)
Distribution.set_default_validate_args(True)
show(lambda: Normal(0.0, -1.0))
show(lambda: Distribution.set_default_validate_args("yes"))
show(lambda: Normal(0.0, 1.0).sample(3))
show(lambda: Categorical(torch.tensor([])))
show(lambda: Normal(torch.zeros(2), torch.ones(3)))
show(lambda: Independent(Normal(torch.zeros(2), torch.ones(2)), 2))

# %%
from torch.distributions import kl_divergence
p, q = Normal(torch.tensor([0.0]), torch.tensor([1.0])), Normal(torch.tensor([1.0]), torch.tensor([2.0]))
print(kl_divergence(p, q), kl_divergence(Bernoulli(torch.tensor([0.3])), Bernoulli(torch.tensor([0.6]))))
print(kl_divergence(Beta(torch.tensor([0.5]), torch.tensor([0.5])), Beta(torch.tensor([2.0]), torch.tensor([3.0]))))
print(kl_divergence(Dirichlet(torch.tensor([0.5, 0.5])), Dirichlet(torch.tensor([1.0, 2.0]))))
print(kl_divergence(Gamma(torch.tensor([1.0]), torch.tensor([1.0])), Exponential(torch.tensor([2.0]))))
print(kl_divergence(Uniform(torch.tensor([0.0]), torch.tensor([5.0])), Normal(torch.tensor([0.0]), torch.tensor([1.0]))))
print(kl_divergence(Normal(torch.tensor([0.0]), torch.tensor([1.0])), Uniform(torch.tensor([0.0]), torch.tensor([5.0]))))
print(kl_divergence(MultivariateNormal(torch.zeros(2), torch.eye(2)), LowRankMultivariateNormal(torch.zeros(2), torch.tensor([[1.], [0.]]), torch.ones(2))))
print(kl_divergence(Categorical(torch.tensor([0.25] * 4)), Categorical(torch.tensor([0.1, 0.2, 0.3, 0.4]))))
show(lambda: kl_divergence(StudentT(torch.tensor([2.0])), Normal(0.0, 1.0)))
show(lambda: kl_divergence(Normal(torch.zeros(2), 1.0), Normal(torch.zeros(3), 1.0)))
