# Imitates the reward-model chapters of RLHF courses and blog posts written in plain PyTorch (the InstructGPT pairwise
# loss as in TRL's RewardTrainer and "RLHF from scratch" notebooks): a tiny transformer with a scalar head, the reward
# read at the last non-padded token with gather of sequence lengths, the Bradley-Terry loss -F.logsigmoid(r_c - r_r)
# with an optional margin, its equality with BCE-with-logits, accuracy of the preferences, centering rewards with a
# regulariser, and the errors learners hit (float lengths in gather, a head of width 1 left unsqueezed).
import torch
import torch.nn as nn
import torch.nn.functional as F

class RewardModel(nn.Module):
    def __init__(self, vocab_size=12, d_model=8, nhead=2, max_len=10, pad_id=0):
        super().__init__()
        self.pad_id = pad_id
        self.emb = nn.Embedding(vocab_size, d_model, padding_idx=pad_id)
        self.pos = nn.Parameter(torch.zeros(1, max_len, d_model))
        layer = nn.TransformerEncoderLayer(d_model, nhead, dim_feedforward=16, dropout=0.0, batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, num_layers=1, enable_nested_tensor=False)
        self.v_head = nn.Linear(d_model, 1, bias=False)
    def forward(self, input_ids, attention_mask):
        n = input_ids.size(1)
        causal = nn.Transformer.generate_square_subsequent_mask(n)
        h = self.encoder(self.emb(input_ids) + self.pos[:, :n], mask=causal, is_causal=True,
                         src_key_padding_mask=attention_mask == 0)
        rewards = self.v_head(h).squeeze(-1)
        sequence_lengths = attention_mask.sum(dim=1) - 1
        return rewards[torch.arange(input_ids.size(0)), sequence_lengths], rewards

torch.manual_seed(7)
rm = RewardModel()
chosen = torch.tensor([[3, 4, 5, 6, 0, 0], [7, 2, 2, 9, 10, 0], [5, 5, 1, 0, 0, 0]])
rejected = torch.tensor([[3, 4, 8, 0, 0, 0], [7, 2, 11, 11, 11, 11], [5, 5, 6, 6, 0, 0]])
chosen_mask, rejected_mask = (chosen != 0).long(), (rejected != 0).long()
r_c, per_token_c = rm(chosen, chosen_mask)
r_r, _ = rm(rejected, rejected_mask)
print(r_c, r_r)
print(per_token_c.shape, r_c.grad_fn, chosen_mask.sum(1) - 1)
print(nn.Transformer.generate_square_subsequent_mask(4))

# %%
def reward_loss(r_chosen, r_rejected, margin=None):
    if margin is not None:
        return -F.logsigmoid(r_chosen - r_rejected - margin).mean()
    return -F.logsigmoid(r_chosen - r_rejected).mean()

loss = reward_loss(r_c, r_r)
print(loss, F.binary_cross_entropy_with_logits(r_c - r_r, torch.ones_like(r_c)))
print(reward_loss(r_c, r_r, margin=torch.tensor([0.0, 1.0, 0.5])))
print(-torch.log(torch.sigmoid(r_c - r_r)).mean(), F.softplus(r_r - r_c).mean())
accuracy = (r_c > r_r).float().mean()
print(accuracy, (r_c > r_r), (r_c - r_r).sigmoid())
big = torch.tensor([-120.0, -30.0, 0.0, 40.0])
print(F.logsigmoid(big), torch.log(torch.sigmoid(big)), F.logsigmoid(big.double()))

# %%
optimizer = torch.optim.Adam(rm.parameters(), lr=1e-2)
center_coef = 0.01
for epoch in range(5):
    r_c, _ = rm(chosen, chosen_mask)
    r_r, _ = rm(rejected, rejected_mask)
    loss = reward_loss(r_c, r_r) + center_coef * torch.mean((r_c + r_r) ** 2)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    print(epoch, f"{loss.item():.4f}", f"{(r_c > r_r).float().mean().item():.2f}",
          f"{(r_c - r_r).mean().item():.4f}")
print(rm.v_head.weight.grad.shape, rm.emb.weight.grad[0], rm.pos.grad.abs().sum(-1))

# %%
# last-token pooling with gather, as some posts write it, and the errors on the way
_, per_token = rm(chosen, chosen_mask)
lengths = chosen_mask.sum(1) - 1
print(per_token.gather(1, lengths.unsqueeze(1)).squeeze(1))
print(torch.take_along_dim(per_token, lengths[:, None], dim=1).squeeze(1))
for make in [
    lambda: per_token.gather(1, lengths.float().unsqueeze(1)),
    lambda: per_token.gather(1, lengths),
    lambda: per_token[:, lengths],
    lambda: per_token[torch.arange(3), chosen_mask.sum(1)],
    lambda: per_token.gather(1, (lengths + 10).unsqueeze(1)),
    lambda: reward_loss(per_token, r_r),
    lambda: F.logsigmoid(torch.tensor([1, 2])),
    lambda: rm(chosen, chosen_mask.bool())[0],
]:
    try:
        out = make()
        print(tuple(out.shape), out.dtype)
    except Exception as e:
        print(type(e).__name__, e)
