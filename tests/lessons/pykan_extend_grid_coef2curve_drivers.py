# Imitates pykan's spline.py as the 2024 "KAN from scratch" lessons retype it: a grid of shape (in_dim, G+1) made with
# torch.linspace and extended by k points each side (extend_grid), B_batch by the Cox-de Boor recursion, coef2curve as
# an einsum of bases and coefficients, curve2coef by torch.linalg.lstsq with a named driver and batched right-hand
# sides, plus the learners' mistakes: points outside the grid, a grid of the wrong shape, float64 against float32.
import torch

torch.manual_seed(0)
torch.set_printoptions(precision=5)

def extend_grid(grid, k_extend=0):
    h = (grid[:, [-1]] - grid[:, [0]]) / (grid.shape[1] - 1)
    for i in range(k_extend):
        grid = torch.cat([grid[:, [0]] - h, grid], dim=1)
        grid = torch.cat([grid, grid[:, [-1]] + h], dim=1)
    return grid

def B_batch(x, grid, k=0, extend=True):
    x = x.unsqueeze(dim=2)
    grid = grid.unsqueeze(dim=0)
    if k == 0:
        value = (x >= grid[:, :, :-1]) * (x < grid[:, :, 1:])
    else:
        B_km1 = B_batch(x[:, :, 0], grid=grid[0], k=k - 1)
        value = (x - grid[:, :, :-(k + 1)]) / (grid[:, :, k:-1] - grid[:, :, :-(k + 1)]) * B_km1[:, :, :-1] + (
            grid[:, :, k + 1:] - x) / (grid[:, :, k + 1:] - grid[:, :, 1:(-k)]) * B_km1[:, :, 1:]
    value = torch.nan_to_num(value)
    return value

in_dim, out_dim, num, k = 3, 2, 5, 3
grid = torch.linspace(-1, 1, steps=num + 1)[None, :].expand(in_dim, num + 1)
print(grid.shape, grid.stride(), grid.is_contiguous())
grid = extend_grid(grid, k_extend=k)
print(grid.shape, grid[0])

# %%
x = torch.rand(7, in_dim) * 2 - 1
B0 = B_batch(x, grid, k=0)
print(B0.dtype, B0.shape, B0.sum(dim=2)[:2])
B = B_batch(x, grid, k=k)
print(B.dtype, B.shape)
print(B.sum(dim=2))
print(B[0, 0])

# %%
coef = torch.randn(in_dim, out_dim, num + k) * 0.1
y_eval = torch.einsum('ijk,jlk->ijl', B, coef)
print(y_eval.shape, y_eval[:2])
x_out = torch.tensor([[-3.0, 0.99, 1.5], [1.2, -1.0, 0.0]])
print(B_batch(x_out, grid, k=k).sum(dim=2))
print(torch.einsum('ijk,jlk->ijl', B_batch(x_out, grid, k=k), coef)[:, :, 0])

# %%
def curve2coef(x_eval, y_eval, grid, k, driver=None):
    batch, in_dim = x_eval.shape
    out_dim = y_eval.shape[2]
    n_coef = grid.shape[1] - k - 1
    mat = B_batch(x_eval, grid, k)
    mat = mat.permute(1, 0, 2)[:, None, :, :].expand(in_dim, out_dim, batch, n_coef)
    y_eval = y_eval.permute(1, 2, 0).unsqueeze(dim=3)
    sol = torch.linalg.lstsq(mat, y_eval, driver=driver)
    return sol, sol.solution[:, :, :, 0]

xs = torch.linspace(-1, 1, 40)[:, None].expand(40, in_dim).contiguous()
ys = torch.einsum('ijk,jlk->ijl', B_batch(xs, grid, k), coef)
for drv in [None, 'gelsy', 'gelsd', 'gelss']:
    sol, c = curve2coef(xs, ys, grid, k, driver=drv)
    print(drv, c.shape, sol.rank.shape if sol.rank is not None else None, sol.residuals.shape,
          sol.singular_values.shape, (c - coef).abs().max() < 1e-4)

# %%
sol, c = curve2coef(xs, ys, grid, k, driver='gelsy')
print(sol.rank)
print(c[0, 0])
for bad in ['gelsx', 'GELSY']:
    try:
        curve2coef(xs, ys, grid, k, driver=bad)
    except Exception as e:
        print(type(e).__name__, e)

# %%
A = B_batch(xs, grid, k)[:, 0, :]
try:
    torch.linalg.lstsq(A.double(), ys[:, 0, :])
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.lstsq(A, ys[:10, 0, :])
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.lstsq(A, ys[:, 0, 0])
except Exception as e:
    print(type(e).__name__, e)
r = torch.linalg.lstsq(A.double(), ys[:, 0, :].double(), driver='gelsd')
print(r.solution.dtype, r.rank, r.residuals, r.singular_values[:3])

# %%
bad_grid = torch.linspace(-1, 1, steps=num + 1)
try:
    B_batch(x, bad_grid, k=k)
except Exception as e:
    print(type(e).__name__, e)
try:
    B_batch(x, grid[:2], k=k)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.einsum('ijk,jlk->ijl', B, coef[:, :, :-1])
except Exception as e:
    print(type(e).__name__, e)
