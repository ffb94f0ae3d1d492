# Imitates the PPO-for-language-models code of Hugging Face TRL's PPOTrainer re-written by hand in blog posts and
# courses ("PPO for LLMs from scratch", "The N implementation details of RLHF with PPO"): logprobs_from_logits and
# selective_log_softmax with logsumexp, entropy_from_logits, masked_mean / masked_var / masked_whiten with Bessel's
# correction, per-token KL estimators (k1, abs, mse, k3) against a frozen reference, the score added at the last
# non-padded token, GAE run backwards over the response, clipped ratios, the clipped value loss, clipfrac, approx_kl.
import torch
import torch.nn as nn
import torch.nn.functional as F

def logprobs_from_logits(logits, labels, gather=True):
    logp = F.log_softmax(logits, dim=2)
    if not gather:
        return logp
    return torch.gather(logp, 2, labels.unsqueeze(2)).squeeze(-1)

def selective_log_softmax(logits, index):
    if logits.dtype in [torch.float32, torch.float64]:
        selected_logits = torch.gather(logits, dim=-1, index=index.unsqueeze(-1)).squeeze(-1)
        logsumexp_values = torch.stack([torch.logsumexp(lg, dim=-1) for lg in logits])
        return selected_logits - logsumexp_values
    per_token_logps = []
    for row_logits, row_labels in zip(logits, index):
        row_logps = F.log_softmax(row_logits, dim=-1)
        per_token_logps.append(row_logps.gather(dim=-1, index=row_labels.unsqueeze(-1)).squeeze(-1))
    return torch.stack(per_token_logps)

def entropy_from_logits(logits):
    pd = torch.nn.functional.softmax(logits, dim=-1)
    return torch.logsumexp(logits, axis=-1) - torch.sum(pd * logits, axis=-1)

torch.manual_seed(0)
logits = torch.randn(2, 5, 7, requires_grad=True)
labels = torch.randint(0, 7, (2, 5))
a = logprobs_from_logits(logits, labels)
b = selective_log_softmax(logits, labels)
c = selective_log_softmax(logits.to(torch.bfloat16), labels)
print(a)
print(b, torch.allclose(a, b), c.dtype, (a - c.float()).abs().max() < 0.05)
print(entropy_from_logits(logits))
b.sum().backward()
print(logits.grad[0, 0], logits.grad.sum(-1).abs().max() < 1e-6)
b.grad_fn, c.grad_fn

# %%
def masked_mean(values, mask, axis=None):
    if axis is not None:
        return (values * mask).sum(axis=axis) / mask.sum(axis=axis)
    else:
        return (values * mask).sum() / mask.sum()

def masked_var(values, mask, unbiased=True):
    mean = masked_mean(values, mask)
    centered_values = values - mean
    variance = masked_mean(centered_values**2, mask)
    if unbiased:
        mask_sum = mask.sum()
        if mask_sum == 0:
            raise ValueError("The sum of the mask is zero, which can happen when `mini_batch_size=1`;"
                             "try increase the `mini_batch_size` or `gradient_accumulation_steps`")
        bessel_correction = mask_sum / (mask_sum - 1)
        variance = variance * bessel_correction
    return variance

def masked_whiten(values, mask, shift_mean=True):
    mean, var = masked_mean(values, mask), masked_var(values, mask)
    whitened = (values - mean) * torch.rsqrt(var + 1e-8)
    if not shift_mean:
        whitened += mean
    return whitened

values = torch.tensor([[1.0, 2.0, 3.0, 0.0], [4.0, 5.0, 0.0, 0.0]])
mask = torch.tensor([[1, 1, 1, 0], [1, 1, 0, 0]])
print(masked_mean(values, mask), masked_mean(values, mask, axis=1), masked_var(values, mask))
w = masked_whiten(values, mask)
print(w, masked_whiten(values, mask, shift_mean=False))
print(masked_mean(w, mask), masked_var(w, mask), values[mask.bool()].var(), values[mask.bool()].std(unbiased=False))
print(mask.sum(), mask.sum() / (mask.sum() - 1), (mask.sum() == 0), type(mask.sum() == 0))
try:
    masked_var(values, torch.zeros_like(mask))
except Exception as e:
    print(type(e).__name__, e)
mask.dtype, (values * mask).dtype, (values * mask.bool()).dtype

# %%
torch.manual_seed(1)
policy_logits = torch.randn(3, 6, 9)
ref_logits = policy_logits + 0.3 * torch.randn(3, 6, 9)
responses = torch.randint(1, 9, (3, 6))
response_mask = torch.tensor([[1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 0, 0], [1, 1, 0, 0, 0, 0]], dtype=torch.bool)
responses = responses.masked_fill(~response_mask, 0)
logprobs = logprobs_from_logits(policy_logits, responses)
ref_logprobs = logprobs_from_logits(ref_logits, responses)
INVALID_LOGPROB = 1.0
logprobs = torch.masked_fill(logprobs, ~response_mask, INVALID_LOGPROB)
ref_logprobs = torch.masked_fill(ref_logprobs, ~response_mask, INVALID_LOGPROB)

def _kl_penalty(logprob, ref_logprob, kl_penalty="kl"):
    if kl_penalty == "kl":
        return logprob - ref_logprob
    if kl_penalty == "abs":
        return (logprob - ref_logprob).abs()
    if kl_penalty == "mse":
        return 0.5 * (logprob - ref_logprob).square()
    if kl_penalty == "full":
        return F.kl_div(ref_logprob, logprob, log_target=True, reduction="none").sum(-1)
    if kl_penalty == "k3":
        logr = ref_logprob - logprob
        return torch.expm1(logr) - logr
    raise NotImplementedError

for kind in ["kl", "abs", "mse", "k3"]:
    kl = _kl_penalty(logprobs, ref_logprobs, kind)
    print(kind, kl[1], masked_mean(kl, response_mask, axis=1))
full = _kl_penalty(F.log_softmax(policy_logits, -1), F.log_softmax(ref_logits, -1), "full")
print(full.shape, full[0])
print(F.kl_div(F.log_softmax(ref_logits, -1), F.log_softmax(policy_logits, -1), log_target=True, reduction="batchmean"))

# %%
scores = torch.tensor([0.8, -0.2, 1.5])
kl_coef = 0.05
kl = logprobs - ref_logprobs
non_score_reward = -kl_coef * kl
rewards = non_score_reward.clone()
sequence_lengths = response_mask.sum(1) - 1
actual_start = torch.arange(rewards.size(0), device=rewards.device)
actual_end = torch.where(sequence_lengths < rewards.size(1), sequence_lengths, rewards.size(1) - 1)
rewards[[actual_start, actual_end]] += scores
rewards = rewards * response_mask
print(sequence_lengths, actual_end)
print(rewards)
print(non_score_reward.sum(1), (kl * response_mask).sum(1).mean())

# %%
torch.manual_seed(2)
values = torch.randn(3, 6) * 0.5
values = torch.masked_fill(values, ~response_mask, 0)
gamma, lam = 1.0, 0.95
lastgaelam = 0
advantages_reversed = []
gen_length = responses.shape[1]
for t in reversed(range(gen_length)):
    nextvalues = values[:, t + 1] if t < gen_length - 1 else 0.0
    delta = rewards[:, t] + gamma * nextvalues - values[:, t]
    lastgaelam = delta + gamma * lam * lastgaelam
    advantages_reversed.append(lastgaelam)
advantages = torch.stack(advantages_reversed[::-1], axis=1)
returns = advantages + values
advantages = masked_whiten(advantages, response_mask)
advantages = torch.masked_fill(advantages, ~response_mask, 0)
print(advantages)
print(returns)
print(masked_mean(advantages, response_mask), masked_var(advantages, response_mask))
type(advantages_reversed[-1]), advantages.dtype

# %%
class ValueHead(nn.Module):
    def __init__(self, vocab=9, hidden=8):
        super().__init__()
        self.emb = nn.Embedding(vocab, hidden)
        self.lm_head = nn.Linear(hidden, vocab)
        self.v_head = nn.Linear(hidden, 1)
    def forward(self, ids):
        h = torch.tanh(self.emb(ids))
        return self.lm_head(h), self.v_head(h).squeeze(-1)

torch.manual_seed(3)
model = ValueHead()
opt = torch.optim.Adam(model.parameters(), lr=1e-2, eps=1e-5)
old_logprobs, old_values = logprobs.clone(), values.clone()
cliprange, cliprange_value, vf_coef = 0.2, 0.2, 0.1
for epoch in range(3):
    new_logits, vpred = model(responses)
    new_logprobs = logprobs_from_logits(new_logits, responses)
    new_logprobs = torch.masked_fill(new_logprobs, ~response_mask, INVALID_LOGPROB)
    vpredclipped = torch.clamp(vpred, old_values - cliprange_value, old_values + cliprange_value)
    vf_losses1 = torch.square(vpred - returns)
    vf_losses2 = torch.square(vpredclipped - returns)
    vf_loss_max = torch.max(vf_losses1, vf_losses2)
    vf_loss = 0.5 * masked_mean(vf_loss_max, response_mask)
    vf_clipfrac = masked_mean((vf_losses2 > vf_losses1).float(), response_mask)
    logprobs_diff = new_logprobs - old_logprobs
    ratio = torch.exp(logprobs_diff)
    pg_losses = -advantages * ratio
    pg_losses2 = -advantages * torch.clamp(ratio, 1.0 - cliprange, 1.0 + cliprange)
    pg_loss_max = torch.max(pg_losses, pg_losses2)
    pg_loss = masked_mean(pg_loss_max, response_mask)
    loss = pg_loss + vf_coef * vf_loss
    opt.zero_grad()
    loss.backward()
    opt.step()
    with torch.no_grad():
        pg_clipfrac = masked_mean((pg_losses2 > pg_losses).float(), response_mask)
        approxkl = 0.5 * (logprobs_diff**2).mean()
        entropy = masked_mean(entropy_from_logits(new_logits), response_mask)
    print(epoch, f"{pg_loss.item():.4f} {vf_loss.item():.4f} {pg_clipfrac.item():.3f} {vf_clipfrac.item():.3f}",
          f"{approxkl.item():.3f} {entropy.item():.4f}")
print(ratio.grad_fn, vpredclipped.grad_fn, pg_loss_max.grad_fn, model.v_head.weight.grad)

# %%
# errors: a mask of ints in masked_fill, a score per token added with the wrong shape, whiten of a long tensor
for make in [
    lambda: torch.masked_fill(logprobs, response_mask.long(), 1.0),
    lambda: torch.masked_fill(logprobs, ~response_mask.long(), 1.0),
    lambda: rewards.clone()[[actual_start, actual_end]].add_(torch.tensor([[1.0, 2.0, 3.0]])),
    lambda: masked_whiten(torch.tensor([[1, 2, 3]]), torch.tensor([[1, 1, 1]])),
    lambda: torch.rsqrt(torch.tensor(4)),
    lambda: torch.clamp(ratio, 1 - cliprange, 1 + torch.tensor([0.1, 0.2])),
    lambda: torch.clamp(torch.tensor([1, 5, 9]), torch.tensor([2.0]), 6),
    lambda: torch.max(pg_losses, pg_losses2[:, :3]),
]:
    try:
        out = make()
        print(out.dtype, out.shape, out.flatten()[:3])
    except Exception as e:
        print(type(e).__name__, e)
