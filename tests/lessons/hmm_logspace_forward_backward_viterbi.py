# Imitates a course notebook on hidden Markov models in PyTorch (the "HMMs in log space" labs of NLP / speech
# courses, Loren Lugosch's "Implementing a Hidden Markov Model in PyTorch"): log_softmax-normalised start, transition
# and emission parameters, the forward algorithm batched over sequences with torch.logsumexp, the backward
# algorithm and posteriors, posteriors as gradients of log Z, Viterbi decoding with max / argmax and gather
# backtracking, padded sequences masked with torch.where, and the shape mistakes learners make on the way.
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
torch.manual_seed(0)
N_states, N_obs = 3, 4
unnorm_start = nn.Parameter(torch.randn(N_states))
unnorm_trans = nn.Parameter(torch.randn(N_states, N_states))
unnorm_emit = nn.Parameter(torch.randn(N_states, N_obs))
log_pi = F.log_softmax(unnorm_start, dim=0)
log_A = F.log_softmax(unnorm_trans, dim=1)
log_B = F.log_softmax(unnorm_emit, dim=1)
print(log_pi, log_pi.exp().sum())
print(log_A.grad_fn.name(), log_A.exp().sum(1))
print(log_B.shape, log_B.dtype)

# %%
x = torch.tensor([[0, 1, 2, 3, 1], [3, 3, 0, 1, 2]])
B, T = x.shape
# emission log-probs for every step: (B, T, N_states)
emit = log_B[:, x].permute(1, 2, 0)
print(emit.shape, emit.grad_fn.name())
print(emit[0, :2])

# %%
def forward_algorithm(log_pi, log_A, emit):
    alpha = log_pi + emit[:, 0]
    alphas = [alpha]
    for t in range(1, emit.shape[1]):
        alpha = torch.logsumexp(alpha.unsqueeze(2) + log_A.unsqueeze(0), dim=1) + emit[:, t]
        alphas.append(alpha)
    return torch.stack(alphas, dim=1), torch.logsumexp(alpha, dim=-1)

alphas, log_Z = forward_algorithm(log_pi, log_A, emit)
print(alphas.shape, log_Z, log_Z.grad_fn.name())
print(alphas[1, -1])

# %%
def backward_algorithm(log_A, emit):
    beta = torch.zeros(emit.shape[0], emit.shape[2])
    betas = [beta]
    for t in range(emit.shape[1] - 1, 0, -1):
        beta = torch.logsumexp(log_A.unsqueeze(0) + (emit[:, t] + beta).unsqueeze(1), dim=2)
        betas.insert(0, beta)
    return torch.stack(betas, dim=1)

betas = backward_algorithm(log_A, emit)
log_Z_b = torch.logsumexp(log_pi + emit[:, 0] + betas[:, 0], dim=-1)
print(log_Z_b, torch.allclose(log_Z, log_Z_b))
posteriors = (alphas + betas - log_Z.view(-1, 1, 1)).exp()
print(posteriors.sum(-1))
print(posteriors[0].argmax(-1), posteriors.max(dim=-1).values)

# %%
# posteriors are the gradient of log Z with respect to the emission scores
emit_leaf = emit.detach().requires_grad_()
_, lz = forward_algorithm(log_pi.detach(), log_A.detach(), emit_leaf)
g, = torch.autograd.grad(lz.sum(), emit_leaf)
print(g[0])
print((g - posteriors.detach()).abs().max() < 1e-5)

# %%
def viterbi(log_pi, log_A, emit):
    delta = log_pi + emit[:, 0]
    backpointers = []
    for t in range(1, emit.shape[1]):
        scores = delta.unsqueeze(2) + log_A.unsqueeze(0)
        best, arg = scores.max(dim=1)
        backpointers.append(arg)
        delta = best + emit[:, t]
    best_score, last = delta.max(dim=-1)
    path = [last]
    for bp in reversed(backpointers):
        last = bp.gather(1, last.unsqueeze(1)).squeeze(1)
        path.insert(0, last)
    return best_score, torch.stack(path, dim=1)

with torch.no_grad():
    score, path = viterbi(log_pi, log_A, emit)
print(score, path, path.dtype)
print(torch.argmax(log_pi + emit[:, 0], dim=1), torch.max(emit[:, 0], 1))

# %%
# gold score of the decoded path by advanced indexing equals the Viterbi score
with torch.no_grad():
    b_idx = torch.arange(B).unsqueeze(1)
    s = log_pi[path[:, 0]] + emit[b_idx, torch.arange(T), path].sum(1)
    s = s + log_A[path[:, :-1], path[:, 1:]].sum(1)
print(s, torch.allclose(s, score))

# %%
# maximum-likelihood training of the HMM by gradient ascent on log Z
opt = torch.optim.Adam([unnorm_start, unnorm_trans, unnorm_emit], lr=0.1)
for step in range(5):
    opt.zero_grad()
    lp, la, lb = (F.log_softmax(unnorm_start, 0), F.log_softmax(unnorm_trans, 1), F.log_softmax(unnorm_emit, 1))
    _, lz = forward_algorithm(lp, la, lb[:, x].permute(1, 2, 0))
    loss = -lz.mean()
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 4))
print(unnorm_trans.grad)

# %%
# padded batch: lengths and a mask, only real steps update alpha
lengths = torch.tensor([5, 3])
mask = torch.arange(T).unsqueeze(0) < lengths.unsqueeze(1)
print(mask, mask.sum(1), mask.cumsum(1)[:, -1])
with torch.no_grad():
    alpha = log_pi + emit[:, 0]
    for t in range(1, T):
        new = torch.logsumexp(alpha.unsqueeze(2) + log_A.unsqueeze(0), dim=1) + emit[:, t]
        alpha = torch.where(mask[:, t].unsqueeze(1), new, alpha)
    print(torch.logsumexp(alpha, -1))
    _, lz3 = forward_algorithm(log_pi, log_A, emit[1:, :3])
    print(lz3)

# %%
# mistakes: wrong broadcast of the transition matrix, logsumexp over an empty dim, gather with the wrong index shape
try:
    torch.logsumexp(alpha.unsqueeze(1) + log_A.unsqueeze(0)[:, :2], dim=1)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    print(torch.logsumexp(torch.empty(2, 0), dim=1))
except (RuntimeError, IndexError) as e:
    print(type(e).__name__, e)
print(torch.logsumexp(torch.empty(0, 3), dim=0), torch.logsumexp(torch.empty(2, 0), dim=0).shape)
try:
    path.gather(1, torch.tensor([0, 1]))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.stack([torch.zeros(2, 3), torch.zeros(2, 2)], dim=1)
except RuntimeError as e:
    print(type(e).__name__, e)
