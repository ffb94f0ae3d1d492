# Imitates the dynamic-programming chapter of tabular RL courses (Sutton & Barto ch. 4, David Silver lecture 3,
# CS234 hw1) written with tensors and no gym: a 4x4 gridworld whose transition tensor P[s, a, s'] and reward R[s, a]
# are built with index_put_ / scatter_, iterative policy evaluation with einsum and bmm, torch.allclose stopping
# rules, value iteration with max(dim) and argmax (ties), policy iteration, value grids printed with
# set_printoptions and round, and the mistakes learners make (float indices, in-place on a leaf that requires grad).
import torch

# %%
torch.set_printoptions(precision=3)
n_rows, n_cols = 4, 4
nS, nA = n_rows * n_cols, 4
moves = torch.tensor([[-1, 0], [0, 1], [1, 0], [0, -1]])   # up, right, down, left
terminal = torch.tensor([0, nS - 1])
coords = torch.stack(torch.meshgrid(torch.arange(n_rows), torch.arange(n_cols), indexing="ij"), -1).reshape(-1, 2)
print(coords.shape, coords.dtype, coords[:5])
nxt = coords[:, None, :] + moves[None, :, :]
print(nxt.shape)
nxt[..., 0] = nxt[..., 0].clamp(0, n_rows - 1)
nxt[..., 1] = nxt[..., 1].clamp(0, n_cols - 1)
next_state = nxt[..., 0] * n_cols + nxt[..., 1]
next_state[terminal] = terminal[:, None]
print(next_state)

# %%
P = torch.zeros(nS, nA, nS)
s_idx = torch.arange(nS).repeat_interleave(nA)
a_idx = torch.arange(nA).repeat(nS)
P.index_put_((s_idx, a_idx, next_state.flatten()), torch.ones(nS * nA))
print(P.sum(-1).unique(), P.dtype, P.shape)
P2 = torch.zeros(nS, nA, nS).scatter_(2, next_state.unsqueeze(-1), 1.0)
print(torch.equal(P, P2), (P != P2).sum())
P3 = torch.zeros(nS, nA, nS)
P3.scatter_add_(2, next_state.unsqueeze(-1), torch.ones(nS, nA, 1))
print(torch.allclose(P, P3))
R = torch.full((nS, nA), -1.0)
R[terminal] = 0.0
print(R.T)

# %%
gamma = 1.0
pi = torch.full((nS, nA), 1 / nA)
V = torch.zeros(nS)
for k in range(1000):
    q = R + gamma * torch.einsum("sat,t->sa", P, V)
    V_new = (pi * q).sum(1)
    if torch.allclose(V_new, V, atol=1e-4):
        break
    V = V_new
print(k)
print(V.reshape(n_rows, n_cols))
print(V.reshape(n_rows, n_cols).round())
print(V.reshape(n_rows, n_cols).round(decimals=1))

# %%
V_b = torch.zeros(nS, 1)
for k in range(3):
    EV = torch.bmm(P, V_b.expand(nS, nS, 1).contiguous()).squeeze(-1)
    V_b = (pi * (R + EV)).sum(1, keepdim=True)
    print(k, V_b.squeeze()[:6])
print(torch.matmul(P, torch.ones(nS)).shape, (P @ V).shape)

# %%
gamma = 0.9
V = torch.zeros(nS)
deltas = []
for it in range(200):
    Q = R + gamma * P @ V
    V_new, greedy = Q.max(dim=1)
    delta = (V_new - V).abs().max()
    deltas.append(delta.item())
    V = V_new
    if delta < 1e-6:
        break
print(it, deltas[:4], type(deltas[0]))
print(V.view(4, 4))
print(greedy.view(4, 4), greedy.dtype)
print(Q.argmax(1).view(4, 4))          # ties: first maximal action
print(Q[5], Q[5].max(), Q[5].argmax(), torch.max(Q[5], 0))
ties = (Q == Q.max(1, keepdim=True).values)
print(ties.sum(1).view(4, 4))
print(ties.float() / ties.sum(1, keepdim=True))

# %%
arrows = ["^", ">", "v", "<"]
for r in range(n_rows):
    print(" ".join("T" if (r * n_cols + c) in (0, nS - 1) else arrows[greedy[r * n_cols + c]] for c in range(n_cols)))
torch.set_printoptions(precision=2, sci_mode=False)
print(Q[:4])
torch.set_printoptions(precision=1, linewidth=60)
print(V.view(4, 4) * 10)
torch.set_printoptions(profile="default")
print(V.view(4, 4))

# %%
policy = torch.zeros(nS, dtype=torch.long)
for sweep in range(20):
    pi_onehot = torch.nn.functional.one_hot(policy, nA).float()
    P_pi = torch.einsum("sa,sat->st", pi_onehot, P)
    R_pi = (pi_onehot * R).sum(1)
    V_pi = torch.linalg.solve(torch.eye(nS) - gamma * P_pi, R_pi)
    new_policy = (R + gamma * P @ V_pi).argmax(1)
    stable = torch.equal(new_policy, policy)
    policy = new_policy
    if stable:
        break
print(sweep, policy.view(4, 4))
print(V_pi.view(4, 4))
print(torch.allclose(V_pi, V, atol=1e-3), (V_pi - V).abs().max())

# %%
V = torch.zeros(nS)
s = torch.tensor(2.0)
try:
    print(V[s])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(P[torch.tensor([1.0, 2.0])])
except Exception as e:
    print(type(e).__name__, e)
print(V[s.long()], V[int(s)])
idx = torch.tensor([1, 2]).float()
try:
    V[idx] = 1.0
except Exception as e:
    print(type(e).__name__, e)

# %%
V = torch.zeros(nS, requires_grad=True)
try:
    V[3] = 1.0
except Exception as e:
    print(type(e).__name__, e)
try:
    V += 1
except Exception as e:
    print(type(e).__name__, e)
with torch.no_grad():
    V[3] = 1.0
print(V[:5], V.is_leaf, V.grad_fn)
W = V.clone()
W[4] = 2.0
print(W.grad_fn, W[:5])
try:
    P.index_put_((s_idx, a_idx), torch.ones(3))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.zeros(nS, nA, nS).scatter_(2, next_state.unsqueeze(-1).float(), 1.0)
except Exception as e:
    print(type(e).__name__, e)
