# Imitates pykan's utils.fit_params and update_grid_from_samples as KAN tutorials retype them: fitting
# y = c * f(a * x + b) + d for f = sin / exp / x^2 by a grid search over (a, b) with torch.meshgrid and a closed-form
# least-squares (c, d) through torch.linalg.lstsq, the R^2 of every candidate and its argmax, then an adaptive grid
# from torch.sort / torch.quantile of sampled activations, mixed with a uniform grid (grid_eps).
import torch

torch.manual_seed(0)
torch.set_printoptions(precision=4, sci_mode=False)

def fit_params(x, y, fun, a_range=(-5, 5), b_range=(-5, 5), grid_number=51, verbose=True):
    a_ = torch.linspace(a_range[0], a_range[1], steps=grid_number)
    b_ = torch.linspace(b_range[0], b_range[1], steps=grid_number)
    a_grid, b_grid = torch.meshgrid(a_, b_, indexing='ij')
    post_fun = fun(a_grid[None, :, :] * x[:, None, None] + b_grid[None, :, :])
    x_mean = torch.mean(post_fun, dim=[0], keepdim=True)
    y_mean = torch.mean(y, dim=[0], keepdim=True)
    numerator = torch.sum((post_fun - x_mean) * (y - y_mean)[:, None, None], dim=0) ** 2
    denominator = torch.sum((post_fun - x_mean) ** 2, dim=0) * torch.sum((y - y_mean)[:, None, None] ** 2, dim=0)
    r2 = numerator / (denominator + 1e-4)
    r2 = torch.nan_to_num(r2)
    best_id = torch.argmax(r2)
    a_id, b_id = torch.div(best_id, grid_number, rounding_mode='floor'), best_id % grid_number
    a_best, b_best = a_[a_id], b_[b_id]
    post_fun = fun(a_best * x + b_best)
    r2_best = r2[a_id, b_id]
    if verbose:
        print(f"r2 is {r2_best}")
    post_fun = torch.nan_to_num(post_fun)
    reg = torch.stack([post_fun, torch.ones_like(post_fun)], dim=1)
    c_best, d_best = torch.linalg.lstsq(reg, y[:, None]).solution[:, 0]
    return torch.stack([a_best, b_best, c_best, d_best]), r2_best

x = torch.linspace(-1, 1, 60)
y = 2.0 * torch.sin(3.0 * x + 0.4) - 0.5 + 0.01 * torch.randn(60)
params, r2 = fit_params(x, y, torch.sin)
print(params, r2.dtype, r2.shape)
print(torch.linalg.lstsq(torch.stack([torch.sin(x), torch.ones_like(x)], 1), y[:, None]).solution.stride())

# %%
y2 = 0.7 * torch.exp(-1.2 * x) + 0.3
for name, f in [('exp', torch.exp), ('x^2', lambda t: t ** 2), ('tanh', torch.tanh)]:
    p, r = fit_params(x, y2, f, verbose=False)
    print(name, p, round(r.item(), 4))
a_grid, b_grid = torch.meshgrid(torch.arange(3.), torch.arange(2.), indexing='ij')
print(a_grid, b_grid.stride())

# %%
best = torch.tensor([5.0, 5.0])
print(torch.div(torch.tensor(77), 51, rounding_mode='floor'), torch.tensor(77) % 51)
r2 = torch.tensor([[0.1, float('nan')], [0.9, 0.3]])
print(torch.nan_to_num(r2), torch.argmax(torch.nan_to_num(r2)), torch.argmax(r2))
try:
    torch.meshgrid(torch.arange(3.), torch.arange(2.).reshape(1, 2), indexing='ij')
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.meshgrid(torch.arange(3.), torch.arange(2.), indexing='yx')
except Exception as e:
    print(type(e).__name__, e)

# %%
def update_grid_from_samples(x, num, grid_eps=0.02):
    batch = x.shape[0]
    x_pos = torch.sort(x, dim=0)[0]
    ids = [int(batch / num * i) for i in range(num)] + [-1]
    grid_adaptive = x_pos[ids, :].permute(1, 0)
    margin = 0.00
    h = (grid_adaptive[:, [-1]] - grid_adaptive[:, [0]] + 2 * margin) / num
    grid_uniform = grid_adaptive[:, [0]] - margin + h * torch.arange(num + 1,)[None, :].to(x.device)
    return grid_eps * grid_uniform + (1 - grid_eps) * grid_adaptive

samples = torch.randn(50, 3) * torch.tensor([1.0, 0.5, 2.0])
g = update_grid_from_samples(samples, num=5)
print(g.shape, g)
vals, idx = torch.sort(samples[:8, 0], descending=True)
print(vals, idx, idx.dtype)
print(torch.sort(torch.tensor([2, 1, 2, 0]), stable=True))

# %%
q = torch.quantile(samples, torch.linspace(0, 1, 6), dim=0)
print(q.shape, q.T)
for interp in ['linear', 'lower', 'higher', 'nearest', 'midpoint']:
    print(interp, torch.quantile(samples[:, 0], torch.tensor([0.1, 0.5, 0.9]), interpolation=interp))
print(torch.nanquantile(torch.tensor([1.0, float('nan'), 3.0, 2.0]), 0.5), torch.quantile(torch.tensor([1.0, float('nan')]), 0.5))
print(torch.quantile(samples, 0.5, dim=1, keepdim=True).shape, torch.median(samples[:, 0]))

# %%
for bad in [lambda: torch.quantile(samples, 1.5),
            lambda: torch.quantile(samples.double(), torch.tensor([0.5])),
            lambda: torch.quantile(samples.int(), 0.5),
            lambda: torch.quantile(samples, torch.tensor([[0.5]])),
            lambda: torch.quantile(samples, 0.5, interpolation='cubic'),
            lambda: torch.quantile(torch.tensor([]), 0.5),
            lambda: torch.quantile(samples, 0.5, dim=2)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
xl = torch.linspace(-1, 1, 20)
post = torch.log(xl)
reg = torch.stack([post, torch.ones_like(post)], dim=1)
try:
    torch.linalg.lstsq(reg, y[:20, None])
except Exception as e:
    print(type(e).__name__, e)
sol = torch.linalg.lstsq(torch.nan_to_num(reg, neginf=-10.0), y[:20, None], driver='GELSD')
print(sol.solution.stride(), sol.rank, sol.residuals)
c_best, d_best = sol.solution[:, 0]
print(c_best, d_best, sol.solution[:, 0].stride())
