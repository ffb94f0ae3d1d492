# Imitates the Markov-process lectures (David Silver lecture 2, CS234 lecture 2) done with tensors: a student Markov
# chain's transition matrix, n-step distributions with matrix_power, the stationary distribution from
# torch.linalg.eig (complex results) and from a linear solve, the closed-form Bellman solution V = (I - gP)^-1 R and
# its singular gamma=1 case, soft value iteration with logsumexp, discretising a continuous state with bucketize /
# searchsorted and unravel_index, checking results with torch.testing.assert_close and allclose, and printing large
# tables (threshold, edgeitems, namedtuple results).
import torch

# %%
names = ["C1", "C2", "C3", "Pass", "Pub", "FB", "Sleep"]
P = torch.tensor([
    [0.0, 0.5, 0.0, 0.0, 0.0, 0.5, 0.0],
    [0.0, 0.0, 0.8, 0.0, 0.0, 0.0, 0.2],
    [0.0, 0.0, 0.0, 0.6, 0.4, 0.0, 0.0],
    [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0],
    [0.2, 0.4, 0.4, 0.0, 0.0, 0.0, 0.0],
    [0.1, 0.0, 0.0, 0.0, 0.0, 0.9, 0.0],
    [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0]])
R = torch.tensor([-2.0, -2.0, -2.0, 10.0, 1.0, -1.0, 0.0])
print(P.sum(1), torch.allclose(P.sum(1), torch.ones(7)))
d0 = torch.zeros(7)
d0[0] = 1
for n in (1, 2, 5, 50):
    print(n, d0 @ torch.linalg.matrix_power(P, n))
print(torch.matrix_power(P, 0)[:2])

# %%
torch.manual_seed(0)
s = 0
episode = [names[s]]
while names[s] != "Sleep":
    s = torch.multinomial(P[s], 1).item()
    episode.append(names[s])
print(" -> ".join(episode))
g = torch.Generator().manual_seed(7)
print(torch.multinomial(P[:3], 4, replacement=True, generator=g))

# %%
for gamma in (0.0, 0.5, 0.9):
    V = torch.linalg.solve(torch.eye(7) - gamma * P, R)
    print(gamma, V)
V_inv = torch.linalg.inv(torch.eye(7) - 0.9 * P) @ R
print(torch.allclose(V_inv, V, atol=1e-5))
try:
    torch.linalg.solve(torch.eye(7) - 1.0 * P, R)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.inv(torch.eye(7) - P)
except Exception as e:
    print(type(e).__name__, e)
print(torch.linalg.matrix_rank(torch.eye(7) - P), torch.linalg.det(torch.eye(7) - P))
V_ls = torch.linalg.lstsq(torch.eye(7) - 0.9 * P, R.unsqueeze(1)).solution
print(V_ls.shape, torch.allclose(V_ls.squeeze(1), V, atol=1e-4))

# %%
Pc = torch.tensor([[0.9, 0.1, 0.0], [0.2, 0.7, 0.1], [0.0, 0.3, 0.7]])
evals, evecs = torch.linalg.eig(Pc.T)
print(evals)
print(evecs.dtype, evals.abs())
i = torch.argmin((evals - 1).abs())
stat = evecs[:, i].real
stat = stat / stat.sum()
print(i, stat)
A = torch.cat([Pc.T - torch.eye(3), torch.ones(1, 3)])
b = torch.tensor([0.0, 0.0, 0.0, 1.0])
print(torch.linalg.lstsq(A, b).solution)
print(torch.linalg.eigvals(Pc).real.sort(descending=True).values)
w = torch.linalg.eigvals(Pc)
print(w.imag, torch.view_as_real(w).shape)

# %%
nS, nA = 3, 2
torch.manual_seed(1)
Pm = torch.softmax(torch.randn(nS, nA, nS), dim=-1)
Rm = torch.randn(nS, nA)
gamma, temp = 0.9, 0.5
V = torch.zeros(nS)
for it in range(500):
    Qm = Rm + gamma * torch.einsum("ijk,k->ij", Pm, V)
    V_new = temp * torch.logsumexp(Qm / temp, dim=1)
    if torch.max(torch.abs(V_new - V)) < 1e-6:
        break
    V = V_new
print(it, V, Qm)
pi_soft = torch.softmax(Qm / temp, 1)
print(pi_soft, pi_soft.sum(1))
print(torch.special.logsumexp(Qm, 1), torch.logsumexp(Qm, dim=(0, 1)))
print(Qm.max(1))
print(torch.max(Qm, dim=1, keepdim=True))
print(Qm.min(0), Qm.max(1).values, Qm.max(dim=-1)[1])
print(torch.aminmax(Qm))

# %%
pos = torch.tensor([-1.2, -0.5, 0.0, 0.3, 0.6])
vel = torch.tensor([-0.07, 0.0, 0.01, 0.07, 0.02])
pos_bins = torch.linspace(-1.2, 0.6, 9)[1:-1]
vel_bins = torch.linspace(-0.07, 0.07, 9)[1:-1]
print(pos_bins)
ip = torch.bucketize(pos, pos_bins)
iv = torch.bucketize(vel, vel_bins, right=True)
print(ip, iv, ip.dtype)
print(torch.searchsorted(pos_bins, pos), torch.searchsorted(pos_bins, pos, side="right"))
state = ip * 8 + iv
print(state)
print(torch.unravel_index(state, (8, 8)))
print(state // 8, state % 8)
try:
    print(divmod(state, 8))
except TypeError as e:
    print(e)
Qd = torch.zeros(8, 8, 3)
Qd[ip, iv, torch.tensor([0, 1, 2, 1, 0])] = torch.tensor([1.0, 2.0, 3.0, 4.0, 5.0])
print(Qd.sum(), Qd.nonzero())
print(torch.bucketize(torch.tensor([0.1, 0.2]), torch.tensor([0.3, 0.1])))

# %%
Va = torch.tensor([1.0, 2.0, 3.0])
Vb = torch.tensor([1.0, 2.0001, 3.5])
try:
    torch.testing.assert_close(Va, Vb)
except AssertionError as e:
    print(e)
try:
    torch.testing.assert_close(Va, Va.double())
except AssertionError as e:
    print(e)
torch.testing.assert_close(Va, Vb, atol=0.6, rtol=0)
try:
    print(torch.allclose(Va, Va.double()))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(torch.allclose(Va, torch.tensor([1, 2, 3])))
except Exception as e:
    print(type(e).__name__, e)
print(torch.isclose(Va, Vb), torch.isclose(Va, Vb, rtol=1e-3, atol=0), torch.equal(Va, Va.double()))
try:
    torch.testing.assert_close(Va, torch.tensor([[1.0, 2.0, 3.0]]))
except AssertionError as e:
    print(e)

# %%
Qbig = torch.arange(40 * 4, dtype=torch.float32).reshape(40, 4) / 7
print(Qbig)
torch.set_printoptions(threshold=50, edgeitems=2)
print(Qbig)
torch.set_printoptions(threshold=1000, edgeitems=3, precision=2)
print(Qbig[:6])
print(round(Qbig[1, 1].item(), 2), round(Qbig[1, 1], 2) if False else Qbig[1, 1].round(decimals=2))
torch.set_printoptions(profile="short")
print(Qbig[:3])
torch.set_printoptions(profile="full")
print(Qbig[:2])
torch.set_printoptions(profile="default")
print(round(torch.tensor(2.567), 1) if hasattr(torch.Tensor, "__round__") else None)
