# Imitates Sebastian Raschka's "Direct Preference Optimization (DPO) for LLM Alignment (From Scratch)" notebook (the
# bonus material of chapter 7 of "Build a Large Language Model (From Scratch)"): a preference data collate function
# that pads chosen and rejected responses with the pad token and builds boolean masks that hide the prompt, a reference
# model copied from the policy and frozen with requires_grad_(False), compute_logprobs with log_softmax + gather and
# a selection mask, compute_dpo_loss with beta and F.logsigmoid, reward margins, and one optimisation step.
import copy
import torch
import torch.nn as nn
import torch.nn.functional as F

class TinyCausalLM(nn.Module):
    def __init__(self, vocab_size=11, emb_dim=8, context_length=12):
        super().__init__()
        self.tok_emb = nn.Embedding(vocab_size, emb_dim)
        self.pos_emb = nn.Embedding(context_length, emb_dim)
        self.qkv = nn.Linear(emb_dim, 3 * emb_dim, bias=False)
        self.norm = nn.LayerNorm(emb_dim)
        self.out_head = nn.Linear(emb_dim, vocab_size, bias=False)
    def forward(self, idx):
        b, n = idx.shape
        x = self.tok_emb(idx) + self.pos_emb(torch.arange(n, device=idx.device))
        q, k, v = self.qkv(x).chunk(3, dim=-1)
        x = x + F.scaled_dot_product_attention(q, k, v, is_causal=True)
        return self.out_head(self.norm(x))

torch.manual_seed(123)
policy_model = TinyCausalLM()
reference_model = copy.deepcopy(policy_model)
reference_model.eval()
for p in reference_model.parameters():
    p.requires_grad_(False)
print(sum(p.numel() for p in policy_model.parameters() if p.requires_grad),
      sum(p.numel() for p in reference_model.parameters() if p.requires_grad))
print(reference_model.out_head.weight.requires_grad, policy_model.out_head.weight.grad_fn)

# %%
pad_token_id = 0
data = [
    {"prompt": [5, 3, 7], "chosen": [2, 9, 1, 4], "rejected": [4, 4, 6]},
    {"prompt": [6, 8], "chosen": [10, 1, 3], "rejected": [3, 2, 2, 1]},
    {"prompt": [5, 9], "chosen": [7, 2, 8], "rejected": [8, 6, 1, 1]},
]

def custom_collate_fn(batch, pad_token_id=0, allowed_max_length=None, mask_prompt_tokens=True, device="cpu"):
    batch_data = {"prompt": [], "chosen": [], "rejected": [], "rejected_mask": [], "chosen_mask": []}
    max_length_common = 0
    for key in ["chosen", "rejected"]:
        current_max = max(len(item["prompt"]) + len(item[key]) + 1 for item in batch)
        max_length_common = max(max_length_common, current_max)
    for item in batch:
        prompt = torch.tensor(item["prompt"])
        batch_data["prompt"].append(prompt)
        for key in ["chosen", "rejected"]:
            sequence = item["prompt"] + item[key]
            padded = sequence + [pad_token_id] * (max_length_common - len(sequence))
            mask = torch.ones(len(padded)).bool()
            mask[len(sequence):] = False
            if mask_prompt_tokens:
                mask[:prompt.shape[0] + 2] = False
            batch_data[key].append(torch.tensor(padded))
            batch_data[f"{key}_mask"].append(mask)
    for key in ["chosen", "rejected", "chosen_mask", "rejected_mask"]:
        tensor_stack = torch.stack(batch_data[key])
        if allowed_max_length is not None:
            tensor_stack = tensor_stack[:, :allowed_max_length]
        batch_data[key] = tensor_stack.to(device)
    return batch_data

batch = custom_collate_fn(data, mask_prompt_tokens=False, allowed_max_length=7)
print(batch["chosen"])
print(batch["chosen_mask"])
print(batch["rejected_mask"].dtype, batch["rejected"].shape, [p.shape for p in batch["prompt"]])
batch["rejected_mask"].sum(-1)

# %%
def compute_logprobs(logits, labels, selection_mask=None):
    labels = labels[:, 1:].clone()
    logits = logits[:, :-1, :]
    log_probs = F.log_softmax(logits, dim=-1)
    selected_log_probs = torch.gather(input=log_probs, dim=-1, index=labels.unsqueeze(-1)).squeeze(-1)
    if selection_mask is not None:
        mask = selection_mask[:, 1:].clone()
        selected_log_probs = selected_log_probs * mask
        avg_log_prob = selected_log_probs.sum(-1) / mask.sum(-1)
        return avg_log_prob
    else:
        return selected_log_probs.mean(-1)

logits = policy_model(batch["chosen"])
print(logits.shape)
lp = compute_logprobs(logits, batch["chosen"], batch["chosen_mask"])
print(lp, lp.grad_fn)
print(compute_logprobs(logits, batch["chosen"]))
# the same numbers through cross_entropy with ignore_index=-100
labels = batch["chosen"][:, 1:].clone()
labels[~batch["chosen_mask"][:, 1:]] = -100
ce = F.cross_entropy(logits[:, :-1].flatten(0, 1), labels.flatten(), reduction="none").view(labels.shape)
print(labels)
print(-ce.sum(-1) / (labels != -100).sum(-1))

# %%
def compute_dpo_loss(model_chosen_logprobs, model_rejected_logprobs, reference_chosen_logprobs,
                     reference_rejected_logprobs, beta=0.1):
    model_logratios = model_chosen_logprobs - model_rejected_logprobs
    reference_logratios = reference_chosen_logprobs - reference_rejected_logprobs
    logits = model_logratios - reference_logratios
    losses = -F.logsigmoid(beta * logits)
    chosen_rewards = (model_chosen_logprobs - reference_chosen_logprobs).detach()
    rejected_rewards = (model_rejected_logprobs - reference_rejected_logprobs).detach()
    return losses.mean(), chosen_rewards.mean(), rejected_rewards.mean()

def compute_dpo_loss_batch(batch, policy_model, reference_model, beta):
    policy_chosen_log_probas = compute_logprobs(policy_model(batch["chosen"]), batch["chosen"], batch["chosen_mask"])
    policy_rejected_log_probas = compute_logprobs(policy_model(batch["rejected"]), batch["rejected"],
                                                  batch["rejected_mask"])
    with torch.no_grad():
        ref_chosen_log_probas = compute_logprobs(reference_model(batch["chosen"]), batch["chosen"],
                                                 batch["chosen_mask"])
        ref_rejected_log_probas = compute_logprobs(reference_model(batch["rejected"]), batch["rejected"],
                                                   batch["rejected_mask"])
    return compute_dpo_loss(policy_chosen_log_probas, policy_rejected_log_probas, ref_chosen_log_probas,
                            ref_rejected_log_probas, beta=beta)

batch = custom_collate_fn(data, mask_prompt_tokens=True)
loss, chosen_rewards, rejected_rewards = compute_dpo_loss_batch(batch, policy_model, reference_model, beta=0.1)
print(loss, chosen_rewards, rejected_rewards)
print(loss.grad_fn, chosen_rewards.requires_grad, torch.log(torch.tensor(2.0)))

# %%
optimizer = torch.optim.AdamW(policy_model.parameters(), lr=5e-3, weight_decay=0.01)
tracking = {"train_losses": [], "train_chosen_rewards": [], "train_rejected_rewards": []}
for step in range(4):
    policy_model.train()
    optimizer.zero_grad()
    loss, chosen_rewards, rejected_rewards = compute_dpo_loss_batch(batch, policy_model, reference_model, beta=0.1)
    loss.backward()
    optimizer.step()
    tracking["train_losses"].append(loss.item())
    tracking["train_chosen_rewards"].append(chosen_rewards.item())
    tracking["train_rejected_rewards"].append(rejected_rewards.item())
    print(f"Step {step}: loss {loss.item():.4f}, reward margin {(chosen_rewards - rejected_rewards).item():.4f}")
print(policy_model.out_head.weight.grad.norm(), reference_model.out_head.weight.grad)
print(torch.equal(reference_model.tok_emb.weight, policy_model.tok_emb.weight))

# %%
# errors learners hit: the labels not shifted, the mask as a list, a float index, gather without unsqueeze
logits = policy_model(batch["chosen"])
log_probs = F.log_softmax(logits, dim=-1)
for make in [
    lambda: torch.gather(log_probs, -1, batch["chosen"]),
    lambda: torch.gather(log_probs, -1, batch["chosen"].unsqueeze(-1).float()),
    lambda: torch.gather(log_probs[:, :-1], -1, batch["chosen"].unsqueeze(-1)),
    lambda: log_probs.gather(-1, batch["chosen"].unsqueeze(-1)).squeeze(-1) * batch["chosen_mask"].tolist(),
    lambda: log_probs.gather(-1, batch["chosen"].unsqueeze(-1)).squeeze(-1)[batch["chosen_mask"].int()].shape,
    lambda: log_probs.gather(-1, batch["chosen"].unsqueeze(-1)).squeeze(-1).masked_fill(batch["chosen_mask"].float(), 0),
    lambda: log_probs.gather(3, batch["chosen"].unsqueeze(-1)),
    lambda: log_probs.gather(-1, batch["chosen"].unsqueeze(-1) + 20),
]:
    try:
        out = make()
        print(out.shape if hasattr(out, "shape") else out, getattr(out, "dtype", None))
    except Exception as e:
        print(type(e).__name__, e)
sel = log_probs.gather(-1, batch["chosen"].unsqueeze(-1)).squeeze(-1)
print(sel.dtype, (sel * batch["chosen_mask"]).dtype, (batch["chosen_mask"] * 1).dtype, batch["chosen_mask"].sum().dtype)
print(sel[batch["chosen_mask"]].shape, sel.masked_select(batch["chosen_mask"]).shape)
