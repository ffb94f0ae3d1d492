# Imitates a "hypothesis testing with torch.distributions" tutorial: a one-sample t-test and a chi-square
# goodness-of-fit test with StudentT / Chi2 (log_prob, cdf/icdf where PyTorch defines them, sampling shapes), a
# Beta-Binomial posterior, Gamma and Poisson models of counts, and the mistakes learners make (cdf of a
# distribution that has none, values outside the support with validate_args, wrong parameter shapes and dtypes).
import torch
from torch.distributions import Beta, Binomial, Chi2, Gamma, Normal, Poisson, StudentT, Uniform

# %%
torch.manual_seed(42)
sample = torch.randn(25) * 1.5 + 0.6
n = sample.numel()
t_stat = (sample.mean() - 0.0) / (sample.std() / n ** 0.5)
t = StudentT(df=n - 1)
print(t, t.df, t.loc, t.scale, t.mean, t.variance)
print(t_stat, t.log_prob(t_stat), t.log_prob(t_stat).exp())
t.batch_shape, t.event_shape, t.support

# %%
t.cdf(t_stat)

# %%
t.icdf(torch.tensor(0.975))

# %%
# a Monte Carlo p-value instead
draws = t.sample((20000,))
p_mc = (draws.abs() >= t_stat.abs()).float().mean()
print(draws.shape, p_mc)
z = Normal(0.0, 1.0)
print(z.cdf(torch.tensor(1.96)), z.icdf(torch.tensor([0.025, 0.975])), 2 * (1 - z.cdf(t_stat.abs())))
StudentT(torch.tensor([3.0, 10.0])).sample((2,)).shape, StudentT(5.0, loc=1.0, scale=2.0).rsample((3, 2)).shape

# %%
StudentT(df=0.0)

# %%
StudentT(df=-1.0, validate_args=False).df, StudentT(df=torch.tensor([1.0, -2.0]), validate_args=False).mean

# %%
print(StudentT(1.0).mean, StudentT(2.0).variance, StudentT(torch.tensor([0.5, 1.5, 3.0])).variance, StudentT(3.0).entropy())
StudentT(df=4).df.dtype, StudentT(torch.tensor(4)).df.dtype

# %%
# chi-square goodness of fit for a die
rolls = torch.randint(1, 7, (120,))
observed = torch.bincount(rolls, minlength=7)[1:].float()
expected = torch.full((6,), 20.0)
chi2_stat = ((observed - expected) ** 2 / expected).sum()
chi2 = Chi2(df=5)
print(observed, chi2_stat, chi2.df, chi2.concentration, chi2.rate, chi2.mean, chi2.variance)
print(chi2.log_prob(chi2_stat), chi2.sample((4,)).shape, chi2.support)
chi2

# %%
chi2.cdf(chi2_stat)

# %%
chi2.log_prob(torch.tensor(-1.0))

# %%
Chi2(5, validate_args=False).log_prob(torch.tensor([-1.0, 0.0, 2.0]))

# %%
Chi2(torch.tensor([1, 2]))

# %%
# a Beta-Binomial posterior for a conversion rate
successes, trials = 37, 120
prior = Beta(2.0, 2.0)
post = Beta(prior.concentration1 + successes, prior.concentration0 + trials - successes)
print(post, post.mean, post.variance, post.mode if hasattr(post, "mode") else None)
theta = post.sample((5000,))
print(theta.shape, torch.quantile(theta, torch.tensor([0.025, 0.975])), (theta > 0.25).float().mean())
post.log_prob(torch.tensor([0.2, 0.3, 0.4])), post.entropy()

# %%
post.cdf(torch.tensor(0.3))

# %%
post.log_prob(torch.tensor(1.5))

# %%
Beta(torch.tensor([1.0, 2.0]), torch.tensor([1.0, 2.0, 3.0]))

# %%
Beta(0.0, 1.0)

# %%
b = Binomial(total_count=trials, probs=torch.tensor(0.3))
print(b, b.mean, b.variance, b.log_prob(torch.tensor(37.0)), b.sample((3,)))
print(Binomial(10, logits=torch.tensor(0.0)).probs, Binomial(torch.tensor([5, 10]), torch.tensor([0.5, 0.2])).mean)
b.support, b.enumerate_support().shape if b.total_count.numel() == 1 else None, Binomial(3, 0.5).enumerate_support()

# %%
b.log_prob(torch.tensor(37.5))

# %%
b.log_prob(torch.tensor(121.0))

# %%
Binomial(10, probs=0.5, logits=0.0)

# %%
Binomial(10, 1.2)

# %%
Binomial(torch.tensor([5.0, 10.0]), torch.tensor([0.5, 0.2])).enumerate_support()

# %%
# counts: Poisson and Gamma
lam = torch.tensor([2.0, 5.0])
pois = Poisson(lam)
counts = pois.sample((1000,))
print(counts.shape, counts.mean(0), counts.var(0), pois.log_prob(torch.tensor([2.0, 4.0])), pois.support)
g = Gamma(concentration=torch.tensor(2.0), rate=torch.tensor(0.5))
print(g.mean, g.variance, g.log_prob(torch.tensor(3.0)), g.cdf(torch.tensor(3.0)), g.sample((2, 3)).shape)
post_rate = Gamma(1.0 + counts[:, 0].sum(), 1.0 + counts.shape[0])
post_rate.mean, post_rate.stddev, g.entropy(), pois.mean, pois.variance

# %%
pois.log_prob(torch.tensor([1.5, 2.0]))

# %%
pois.log_prob(torch.tensor([-1.0, 2.0]))

# %%
Poisson(-1.0)

# %%
Poisson(torch.tensor([2.0, 3.0]), validate_args=False).log_prob(torch.tensor([-1.0, 1.5]))

# %%
g.icdf(torch.tensor(0.5))

# %%
g.log_prob(torch.tensor(-1.0))

# %%
Gamma(torch.tensor([1.0, 2.0]), torch.tensor(1.0)).sample((3,)).shape, Gamma(2, 1).mean, Gamma(torch.tensor([2]), torch.tensor([1])).mean

# %%
Uniform(0.0, 1.0).icdf(torch.tensor([0.1, 0.5])), Uniform(0.0, 1.0).cdf(torch.tensor(1.5))

# %%
Uniform(0.0, 1.0).log_prob(torch.tensor(1.5))
