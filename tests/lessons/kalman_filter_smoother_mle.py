# Imitates a blog post on Kalman filters in PyTorch: a constant-velocity tracker written by hand (predict / update
# with @, the gain from torch.linalg.solve or inv, Joseph-form covariance), a loop over time steps collecting lists
# then torch.stack, the RTS smoother, fitting the noise scales by maximum likelihood with
# MultivariateNormal(...).log_prob through softplus and Adam, and the mistakes readers make (shape errors in batched
# solves, a covariance that is not positive definite, updating a tensor in place that backward needs).
import torch
import torch.nn.functional as F
from torch.distributions import MultivariateNormal

torch.manual_seed(0)
dt = 1.0
A = torch.tensor([[1., dt], [0., 1.]])
H = torch.tensor([[1., 0.]])
q_true, r_true = 0.05, 0.5
T = 25
x = torch.zeros(2)
xs, ys = [], []
for t in range(T):
    x = A @ x + torch.randn(2) * q_true ** 0.5
    xs.append(x)
    ys.append(H @ x + torch.randn(1) * r_true ** 0.5)
xs, ys = torch.stack(xs), torch.stack(ys)
print(xs.shape, ys.shape, ys[:3].squeeze(-1))

# %%
def kalman_filter(ys, A, H, Q, R, m0, P0):
    m, P = m0, P0
    means, covs, lls = [], [], []
    I = torch.eye(m0.shape[0])
    for y in ys:
        m = A @ m
        P = A @ P @ A.T + Q
        S = H @ P @ H.T + R
        K = torch.linalg.solve(S, H @ P).T
        innov = y - H @ m
        lls.append(MultivariateNormal(torch.zeros_like(innov), S).log_prob(innov))
        m = m + K @ innov
        IKH = I - K @ H
        P = IKH @ P @ IKH.T + K @ R @ K.T
        means.append(m)
        covs.append(P)
    return torch.stack(means), torch.stack(covs), torch.stack(lls).sum()

Q = q_true * torch.eye(2)
R = torch.tensor([[r_true]])
means, covs, ll = kalman_filter(ys, A, H, Q, R, torch.zeros(2), torch.eye(2))
print(means.shape, covs.shape, ll)
print(means[-1], covs[-1])
print(((means - xs) ** 2).mean(0))

# %%
# the gain with an explicit inverse, and with cholesky_solve
P = A @ covs[3] @ A.T + Q
S = H @ P @ H.T + R
K1 = P @ H.T @ torch.linalg.inv(S)
L = torch.linalg.cholesky(S)
K2 = torch.cholesky_solve((H @ P), L).T
print(K1, K2, torch.allclose(K1, K2))
print(torch.linalg.cholesky(covs[-1]), torch.linalg.inv(covs[-1]) @ covs[-1])
print(torch.linalg.solve(covs[-1], torch.ones(2)), torch.linalg.solve(covs[-1], torch.ones(2, 3)).shape)

# %%
# RTS smoother, backwards over the filtered moments
def rts_smoother(means, covs, A, Q):
    ms, Ps = [means[-1]], [covs[-1]]
    for t in range(len(means) - 2, -1, -1):
        Pp = A @ covs[t] @ A.T + Q
        G = covs[t] @ A.T @ torch.linalg.inv(Pp)
        ms.append(means[t] + G @ (ms[-1] - A @ means[t]))
        Ps.append(covs[t] + G @ (Ps[-1] - Pp) @ G.T)
    return torch.stack(ms[::-1]), torch.stack(Ps[::-1])

sm, sP = rts_smoother(means, covs, A, Q)
print(sm.shape, sP.shape, sP[0].diagonal(), ((sm - xs) ** 2).mean(0))
print(torch.linalg.eigvalsh(sP[10]), torch.det(sP[10]))

# %%
# mistake: batched solve with the right-hand side of the wrong shape
Sb = torch.eye(2).expand(4, 2, 2) * 2
torch.linalg.solve(Sb, torch.ones(3, 2))

# %%
torch.linalg.solve(Sb, torch.ones(4, 3))

# %%
torch.linalg.solve(torch.ones(2, 3), torch.ones(2))

# %%
print(torch.linalg.solve(Sb, torch.ones(4, 2)).shape, torch.linalg.solve(Sb, torch.ones(2)).shape)
print(torch.linalg.solve(Sb, torch.ones(4, 2, 1)).shape, torch.linalg.solve(Sb, torch.ones(2, 5)).shape)
print(torch.linalg.solve(Sb, torch.ones(2, 3), left=False) if False else torch.linalg.solve(Sb, torch.ones(3, 2), left=False).shape)

# %%
# mistake: a covariance that is not positive definite
bad = torch.tensor([[1., 2.], [2., 1.]])
torch.linalg.cholesky(bad)

# %%
MultivariateNormal(torch.zeros(2), bad)

# %%
MultivariateNormal(torch.zeros(2), torch.tensor([[1., 0.5], [0.2, 1.]]))

# %%
L, info = torch.linalg.cholesky_ex(bad)
print(L, info)
print(torch.linalg.cholesky_ex(torch.stack([torch.eye(2), bad, -torch.eye(2)])).info)
print(torch.linalg.eigvalsh(bad), torch.linalg.cholesky(bad + 2 * torch.eye(2)))

# %%
torch.linalg.inv(torch.tensor([[1., 2.], [2., 4.]]))

# %%
# solve_ex / inv_ex report a singular innovation covariance in info instead of raising
S_batch = torch.stack([torch.eye(2) * 2, torch.tensor([[1., 2.], [2., 4.]]), torch.zeros(2, 2)])
X, info = torch.linalg.solve_ex(S_batch, torch.ones(2))
print(X, info)
print(torch.linalg.inv_ex(S_batch))
print(torch.linalg.solve_ex(S_batch[1], torch.ones(2, 3)).result.isfinite().all())
ok = info == 0
print(X[ok], torch.linalg.solve_ex(S_batch[0], torch.ones(1, 2), left=False))

# %%
torch.linalg.solve_ex(S_batch, torch.ones(2), check_errors=True)

# %%
torch.linalg.solve(torch.zeros(3, 2, 2), torch.ones(3, 2))

# %%
torch.linalg.cholesky(torch.tensor([[[4., 0.], [0., 1.]], [[1., 0.], [0., -1.]]]))

# %%
# fitting log-noise scales by maximum likelihood
raw_q = torch.tensor(-1.0, requires_grad=True)
raw_r = torch.tensor(0.0, requires_grad=True)
opt = torch.optim.Adam([raw_q, raw_r], lr=0.1)
for it in range(15):
    opt.zero_grad()
    Qh = F.softplus(raw_q) * torch.eye(2)
    Rh = F.softplus(raw_r).reshape(1, 1)
    _, _, ll = kalman_filter(ys, A, H, Qh, Rh, torch.zeros(2), torch.eye(2))
    loss = -ll
    loss.backward()
    opt.step()
    if it % 5 == 4:
        print(it, f"{loss.item():.3f}", F.softplus(raw_q).item(), F.softplus(raw_r).item())
print(raw_q.grad, raw_r.grad)

# %%
# mistake: writing the filtered means into a preallocated tensor in place, then backward
raw_r2 = torch.tensor(0.0, requires_grad=True)
Rh = F.softplus(raw_r2).reshape(1, 1)
out = torch.zeros(T, 2)
m, P = torch.zeros(2), torch.eye(2)
for t in range(T):
    m, P = A @ m, A @ P @ A.T + Q
    S = H @ P @ H.T + Rh
    K = P @ H.T / S
    m = m + (K @ (ys[t] - H @ m))
    P = P - K @ H @ P
    out[t] = m
print(out.grad_fn, out._version)
out.sum().backward()
print(raw_r2.grad)

# %%
# mistake: in-place update of the state that the gain's backward needs
raw_r3 = torch.tensor(0.0, requires_grad=True)
m = torch.zeros(2)
P = torch.eye(2) * 1.0
S = H @ P @ H.T + F.softplus(raw_r3).reshape(1, 1)
Sinv = torch.linalg.inv(S)
K = P @ H.T @ Sinv
m2 = K @ (ys[0] - H @ m)
Sinv += 1
m2.sum().backward()

# %%
S = H @ P @ H.T + F.softplus(raw_r3).reshape(1, 1)
L = torch.linalg.cholesky(S)
logdet = 2 * L.diagonal(dim1=-2, dim2=-1).log().sum()
L.mul_(2)
logdet.backward()

# %%
x0 = torch.ones(2, requires_grad=True)
P0 = torch.eye(2) * 2
mvn = MultivariateNormal(x0, covariance_matrix=P0)
lp = mvn.log_prob(torch.stack([torch.zeros(2), torch.ones(2)]))
print(lp, lp.grad_fn)
print(mvn.scale_tril, mvn.precision_matrix, mvn.entropy())
print(MultivariateNormal(torch.zeros(3, 2), scale_tril=torch.eye(2)).batch_shape, mvn.event_shape)
lp.sum().backward()
print(x0.grad)

# %%
# mistake: a batch of 3 filters whose innovation covariances were stacked for 4
MultivariateNormal(torch.zeros(3, 2), covariance_matrix=P0.expand(4, 2, 2))
