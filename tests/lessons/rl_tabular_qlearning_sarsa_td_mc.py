# Imitates the tabular control notebooks of the HuggingFace Deep RL course (unit 2) and David Silver lectures 4-5
# re-written with tensors and no gym: a small cliff-walk/chain environment coded by hand, Q-learning and SARSA tables
# updated in place with indexing, epsilon-greedy with torch.rand / torch.randint under seeds and generators,
# Boltzmann exploration with softmax and torch.multinomial, random tie-breaking among argmax actions, Monte Carlo
# returns with discounting (loops, cumsum/flip tricks, a discount matrix), n-step TD targets, printed Q tables,
# and the learner errors on the way (int Q tables, float indices, multinomial of bad probabilities).
import torch
import torch.nn.functional as F

# %%
torch.manual_seed(42)
nS, nA = 6, 2          # a chain: action 0 = left, 1 = right; reward 1 at the right end
def step(s, a):
    s2 = max(0, s - 1) if a == 0 else min(nS - 1, s + 1)
    r = 1.0 if s2 == nS - 1 else 0.0
    return s2, r, s2 == nS - 1

Q = torch.zeros(nS, nA)
alpha, gamma, eps = 0.5, 0.9, 0.2
def eps_greedy(Q, s, eps):
    if torch.rand(1).item() < eps:
        return torch.randint(0, nA, (1,)).item()
    return Q[s].argmax().item()

for ep in range(30):
    s, done = 0, False
    while not done:
        a = eps_greedy(Q, s, eps)
        s2, r, done = step(s, a)
        target = r + gamma * Q[s2].max() * (not done)
        Q[s, a] += alpha * (target - Q[s, a])
        s = s2
print(Q)
print(Q.argmax(1), Q.max(1))
print(Q.round(decimals=3))

# %%
torch.manual_seed(0)
Qs = torch.zeros(nS, nA, dtype=torch.float64)
for ep in range(20):
    s = 0
    a = eps_greedy(Qs, s, 0.3)
    done = False
    t = 0
    while not done and t < 50:
        s2, r, done = step(s, a)
        a2 = eps_greedy(Qs, s2, 0.3)
        Qs[s, a] = Qs[s, a] + 0.1 * (r + gamma * Qs[s2, a2] * (1 - done) - Qs[s, a])
        s, a, t = s2, a2, t + 1
print(Qs)
print(Qs.dtype, Qs[0, 1].item(), type(Qs[0, 1].item()))
print(f"{Qs[4, 1]:.4f}", "{:.3f}".format(Qs.max()))

# %%
g = torch.Generator().manual_seed(123)
print(torch.rand(5, generator=g))
print(torch.randint(0, nA, (8,), generator=g))
print(torch.randint(4, (2, 3), generator=g), torch.randint(2, 6, (3,), generator=g).dtype)
explore = torch.rand(10, generator=g) < 0.3
print(explore, explore.sum(), explore.float().mean())
greedy = Q.argmax(1)
random_a = torch.randint(0, nA, (nS,), generator=g)
print(torch.where(explore[:nS], random_a, greedy))

# %%
torch.manual_seed(3)
q_row = torch.tensor([1.0, 3.0, 3.0, 0.5])
best = torch.nonzero(q_row == q_row.max()).flatten()
print(best, best.shape)
print(best[torch.randint(len(best), (1,))], q_row.argmax(), torch.argmax(q_row, dim=0, keepdim=True))
best2 = torch.where(q_row == q_row.max())[0]
print(best2, best2[torch.randperm(len(best2))[0]])
print(torch.topk(q_row, 2), q_row.sort(descending=True, stable=True))
print(torch.argwhere(q_row == q_row.max()))

# %%
torch.manual_seed(0)
tau = 0.5
probs = F.softmax(q_row / tau, dim=0)
print(probs, probs.sum())
print(torch.softmax(Q / 0.1, dim=1))
a = torch.multinomial(probs, 1)
print(a, a.dtype, a.shape, a.item())
print(torch.multinomial(probs, 10, replacement=True))
print(torch.multinomial(probs, 3))
print(torch.multinomial(torch.softmax(Q, 1), 1).squeeze(1))
counts = torch.bincount(torch.multinomial(probs, 2000, replacement=True), minlength=4)
print(counts, counts / counts.sum())

# %%
for bad in (torch.tensor([0.5, -0.1, 0.6]), torch.tensor([0.0, 0.0]), torch.tensor([0.3, float("nan")]),
            torch.tensor([1, 2, 3])):
    try:
        print(torch.multinomial(bad, 1))
    except Exception as e:
        print(type(e).__name__, e)
try:
    torch.multinomial(probs, 5)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.multinomial(torch.tensor([[[0.5, 0.5]]]), 1)
except Exception as e:
    print(type(e).__name__, e)

# %%
rewards = torch.tensor([0.0, 0.0, 1.0, 0.0, 2.0])
gamma = 0.9
G, returns = 0.0, []
for r in reversed(rewards.tolist()):
    G = r + gamma * G
    returns.insert(0, G)
returns = torch.tensor(returns)
print(returns)
disc = gamma ** torch.arange(len(rewards))
print(disc, disc.dtype)
ret2 = (rewards * disc).flip(0).cumsum(0).flip(0) / disc
print(ret2, torch.allclose(ret2, returns))
T = len(rewards)
M = torch.triu(gamma ** (torch.arange(T)[None, :] - torch.arange(T)[:, None]).clamp(min=0).float())
print(M)
print(M @ rewards)
print(torch.cumsum(rewards.flip(0), 0).flip(0), rewards.flip(-1).cumprod(0))
ret_int = torch.tensor([0, 0, 1, 0, 2])
print(ret_int.cumsum(0), ret_int.cumsum(0).dtype, ret_int.flip(0).cumsum(0, dtype=torch.float32))

# %%
n = 3
V = torch.tensor([0.0, 0.1, 0.2, 0.3, 0.4, 0.5])
states = torch.tensor([0, 1, 2, 3, 4])
targets = []
for t in range(T):
    end = min(t + n, T)
    G = sum(gamma ** (k - t) * rewards[k] for k in range(t, end))
    if end < T:
        G = G + gamma ** n * V[states[end]]
    targets.append(G)
print(targets[:2])
targets = torch.stack(targets)
print(targets, targets.dtype)
td_err = targets - V[states]
V[states] += 0.1 * td_err
print(V)
V.index_add_(0, torch.tensor([1, 1, 2]), torch.tensor([0.5, 0.5, 0.5]))
print(V)
V[torch.tensor([1, 1, 2])] += 1.0
print(V)
print(torch.zeros(6).index_put_((torch.tensor([1, 1, 2]),), torch.tensor([1.0, 2.0, 3.0]), accumulate=True))

# %%
Qi = torch.zeros(nS, nA, dtype=torch.long)
try:
    Qi[0, 1] += 0.5 * (1.0 - Qi[0, 1])
    print(Qi[0])
except Exception as e:
    print(type(e).__name__, e)
try:
    Qi += 0.5
except Exception as e:
    print(type(e).__name__, e)
try:
    Qi[0] = torch.tensor([0.7, 1.6])
    print(Qi[0])
except Exception as e:
    print(type(e).__name__, e)
try:
    Qi.add_(torch.ones(nS, nA) * 0.1)
except Exception as e:
    print(type(e).__name__, e)
Qi2 = Qi + 0.5
print(Qi2.dtype, (Qi * 0.5).dtype, (Qi / 2).dtype, (Qi // 2).dtype)
s = torch.tensor(1.0)
try:
    Q[s, 0] = 1.0
except Exception as e:
    print(type(e).__name__, e)
try:
    Q[s]
except Exception as e:
    print(type(e).__name__, e)
print(Q[torch.tensor(1)], Q[torch.tensor([1])], Q[s.int()])
