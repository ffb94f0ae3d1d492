# Imitates GRPO written by hand after the DeepSeekMath paper and TRL's GRPOTrainer ("GRPO from scratch" notebooks and
# blog posts): prompts repeated with repeat_interleave, rewards viewed as (groups, G), group mean and std broadcast back,
# advantages with a small epsilon, completion masks built from the first EOS with argmax over a boolean, per-token KL
# with the k3 estimator, the clipped loss normalised per sequence or per token (DAPO, Dr. GRPO), and what a group of
# identical rewards does to the std.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(42)
num_generations = 4
prompts = torch.tensor([[3, 5, 2], [7, 1, 1]])
prompt_ids = prompts.repeat_interleave(num_generations, dim=0)
print(prompt_ids.shape, prompt_ids[:, 0])
rewards = torch.tensor([1.0, 0.0, 1.0, 1.0, 0.5, 0.5, 0.5, 0.5])
mean_grouped_rewards = rewards.view(-1, num_generations).mean(dim=1)
std_grouped_rewards = rewards.view(-1, num_generations).std(dim=1)
print(mean_grouped_rewards, std_grouped_rewards)
mean_grouped_rewards = mean_grouped_rewards.repeat_interleave(num_generations, dim=0)
std_grouped_rewards = std_grouped_rewards.repeat_interleave(num_generations, dim=0)
advantages = (rewards - mean_grouped_rewards) / (std_grouped_rewards + 1e-4)
print(advantages)
is_std_zero = torch.isclose(std_grouped_rewards, torch.zeros_like(std_grouped_rewards))
print(is_std_zero, is_std_zero.float().mean())
print((rewards - mean_grouped_rewards) / std_grouped_rewards)
grouped = rewards.view(-1, num_generations)
print(grouped.std(dim=1, unbiased=False), grouped.std(dim=1, correction=0), torch.std_mean(grouped, dim=1))
print(rewards.view(-1, 3) if rewards.numel() % 3 == 0 else "8 rewards do not split into groups of 3")
try:
    rewards.view(-1, 3)
except Exception as e:
    print(type(e).__name__, e)

# %%
eos_token_id = 9
completion_ids = torch.tensor([[4, 9, 2, 2], [5, 6, 7, 8], [9, 1, 1, 1], [3, 3, 9, 9],
                               [2, 2, 2, 9], [1, 9, 9, 9], [6, 6, 6, 6], [8, 9, 0, 0]])
is_eos = completion_ids == eos_token_id
eos_idx = torch.full((is_eos.size(0),), is_eos.size(1), dtype=torch.long)
eos_idx[is_eos.any(dim=1)] = is_eos.int().argmax(dim=1)[is_eos.any(dim=1)]
sequence_indices = torch.arange(is_eos.size(1)).expand(is_eos.size(0), -1)
completion_mask = (sequence_indices <= eos_idx.unsqueeze(1)).int()
print(eos_idx, is_eos.any(dim=1))
print(completion_mask)
print(completion_mask.sum(1), completion_mask.dtype, sequence_indices.is_contiguous(), sequence_indices.stride())
try:
    print(is_eos.argmax(dim=1))
except Exception as e:
    print(type(e).__name__, e)
print(is_eos.float().argmax(dim=1), is_eos.max(dim=1))
prompt_completion_ids = torch.cat([prompt_ids, completion_ids], dim=1)
attention_mask = torch.cat([torch.ones_like(prompt_ids), completion_mask], dim=1)
prompt_completion_ids.shape, attention_mask[-1]

# %%
class TinyLM(nn.Module):
    def __init__(self, vocab=10, dim=6):
        super().__init__()
        self.emb = nn.Embedding(vocab, dim)
        self.rnn = nn.GRU(dim, dim, batch_first=True)
        self.head = nn.Linear(dim, vocab)
    def forward(self, input_ids):
        out, _ = self.rnn(self.emb(input_ids))
        return self.head(out)

def get_per_token_logps(model, input_ids, logits_to_keep):
    logits = model(input_ids)
    logits = logits[:, :-1, :]
    input_ids = input_ids[:, -logits_to_keep:]
    logits = logits[:, -logits_to_keep:]
    return torch.gather(logits.log_softmax(-1), dim=2, index=input_ids.unsqueeze(-1)).squeeze(-1)

torch.manual_seed(0)
model = TinyLM()
ref_model = TinyLM()
ref_model.load_state_dict(model.state_dict())
ref_model.requires_grad_(False)
logits_to_keep = completion_ids.size(1)
per_token_logps = get_per_token_logps(model, prompt_completion_ids, logits_to_keep)
with torch.inference_mode():
    ref_per_token_logps = get_per_token_logps(ref_model, prompt_completion_ids, logits_to_keep)
print(per_token_logps.shape, per_token_logps.grad_fn, ref_per_token_logps.requires_grad,
      ref_per_token_logps.is_inference())
print(torch.equal(per_token_logps.detach(), ref_per_token_logps))
try:
    (per_token_logps - ref_per_token_logps).sum().backward()
    print("backward through an inference tensor ran")
except Exception as e:
    print(type(e).__name__, e)
model.zero_grad()

# %%
def grpo_loss(per_token_logps, old_per_token_logps, ref_per_token_logps, advantages, completion_mask,
              beta=0.04, epsilon_low=0.2, epsilon_high=0.28, loss_type="grpo"):
    per_token_kl = torch.exp(ref_per_token_logps - per_token_logps) - (ref_per_token_logps - per_token_logps) - 1
    coef_1 = torch.exp(per_token_logps - old_per_token_logps)
    coef_2 = torch.clamp(coef_1, 1 - epsilon_low, 1 + epsilon_high)
    per_token_loss1 = coef_1 * advantages.unsqueeze(1)
    per_token_loss2 = coef_2 * advantages.unsqueeze(1)
    per_token_loss = -torch.min(per_token_loss1, per_token_loss2)
    per_token_loss = per_token_loss + beta * per_token_kl
    if loss_type == "grpo":
        loss = ((per_token_loss * completion_mask).sum(-1) / completion_mask.sum(-1).clamp(min=1.0)).mean()
    elif loss_type == "bnpo":
        loss = (per_token_loss * completion_mask).sum() / completion_mask.sum().clamp(min=1.0)
    elif loss_type == "dr_grpo":
        loss = (per_token_loss * completion_mask).sum() / (per_token_loss.size(0) * per_token_loss.size(1))
    mean_kl = (per_token_kl * completion_mask).sum() / completion_mask.sum()
    is_clipped = (per_token_loss1 < per_token_loss2).float()
    clip_ratio = (is_clipped * completion_mask).sum() / completion_mask.sum()
    return loss, mean_kl, clip_ratio

ref_lp = ref_per_token_logps.clone()
optimizer = torch.optim.AdamW(model.parameters(), lr=0.05)
old_per_token_logps = None
for step in range(3):
    per_token_logps = get_per_token_logps(model, prompt_completion_ids, logits_to_keep)
    if old_per_token_logps is None:
        old_per_token_logps = per_token_logps.detach()
    loss, mean_kl, clip_ratio = grpo_loss(per_token_logps, old_per_token_logps, ref_lp, advantages, completion_mask)
    optimizer.zero_grad()
    loss.backward()
    gn = nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    optimizer.step()
    print(step, f"{loss.item():.5f} {mean_kl.item():.6f} {clip_ratio.item():.3f} {gn.item():.4f}")
for lt in ["grpo", "bnpo", "dr_grpo"]:
    l, _, _ = grpo_loss(per_token_logps.detach(), old_per_token_logps, ref_lp, advantages, completion_mask, loss_type=lt)
    print(lt, l)
print(completion_mask.sum(-1).clamp(min=1.0), completion_mask.sum(-1).clamp(min=1.0).dtype)

# %%
# errors: advantages without unsqueeze, a mask of bools summed per row, an int clamp bound, a group that does not fit
for make in [
    lambda: per_token_logps.detach() * advantages,
    lambda: (completion_mask.bool().sum(-1), completion_mask.bool().sum(-1).dtype),
    lambda: completion_mask.sum(-1).clamp(min=1.5),
    lambda: completion_mask.float().mean(),
    lambda: completion_mask.mean(),
    lambda: torch.tensor([1.0, 2.0, 3.0]).view(-1, 2).mean(1),
    lambda: rewards.repeat_interleave(torch.tensor([1, 2])),
    lambda: rewards.unfold(0, 4, 4).std(-1),
]:
    try:
        out = make()
        print(out)
    except Exception as e:
        print(type(e).__name__, e)
