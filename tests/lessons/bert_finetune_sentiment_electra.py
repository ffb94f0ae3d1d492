# Imitates "fine-tune a small encoder for sentiment" and "ELECTRA replaced-token detection toy" tutorials: a tiny
# pre-norm encoder (norm_first=True, GELU tanh approximation) over padded reviews, mean pooling that skips the pads,
# a classifier with label smoothing, AdamW with no weight decay for biases and LayerNorms, a linear warmup LambdaLR,
# gradient clipping, eval with no_grad, and a generator/discriminator pair for replaced-token detection.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(7)
PAD, CLS, MASK, V, D, T = 0, 1, 2, 40, 16, 10
lengths = torch.tensor([10, 6, 3, 8, 5, 9])
ids = torch.randint(3, V, (6, T))
ids[:, 0] = CLS
ids[torch.arange(T)[None, :] >= lengths[:, None]] = PAD
labels = torch.tensor([1, 0, 0, 1, 1, 0])
print(ids)

# %%
class TinyEncoder(nn.Module):
    def __init__(self, vocab=V, d=D, heads=4, layers=2, max_len=32, p=0.1):
        super().__init__()
        self.tok = nn.Embedding(vocab, d, padding_idx=PAD, max_norm=1.5)
        self.pos = nn.Parameter(torch.zeros(1, max_len, d))
        layer = nn.TransformerEncoderLayer(d, heads, 4 * d, p, activation="gelu", batch_first=True, norm_first=True)
        self.enc = nn.TransformerEncoder(layer, layers, norm=nn.LayerNorm(d), enable_nested_tensor=False)

    def forward(self, x):
        h = self.tok(x) + self.pos[:, :x.size(1)]
        return self.enc(h, src_key_padding_mask=x.eq(PAD))

class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = TinyEncoder()
        self.head = nn.Sequential(nn.Dropout(0.1), nn.Linear(D, 2))

    def forward(self, x):
        h = self.encoder(x)
        keep = (x != PAD).unsqueeze(-1).float()
        pooled = (h * keep).sum(1) / keep.sum(1).clamp(min=1e-9)
        return self.head(pooled)

torch.manual_seed(0)
clf = Classifier()
nn.init.trunc_normal_(clf.encoder.pos, std=0.02)
print(clf.encoder.enc.layers[0])
print(sum(p.numel() for p in clf.parameters() if p.requires_grad))

# %%
# max_norm renormalises the looked-up rows in place
before = clf.encoder.tok.weight.detach().norm(dim=1)
_ = clf.encoder.tok(ids)
after = clf.encoder.tok.weight.detach().norm(dim=1)
print((before > 1.5).sum(), (after > 1.5 + 1e-4).sum(), after[ids.unique()].max() <= 1.5 + 1e-4)
print(clf.encoder.tok.weight.grad, clf.encoder.tok.weight[PAD].abs().sum())

# %%
logits = clf(ids)
print(logits.shape, logits.grad_fn)
print(F.cross_entropy(logits, labels, label_smoothing=0.1))
try:
    F.cross_entropy(logits, labels.float())
except RuntimeError as e:
    print(e)
try:
    F.cross_entropy(logits, labels.unsqueeze(1))
except RuntimeError as e:
    print(e)
print(F.cross_entropy(logits, F.one_hot(labels, 2).float()))

# %%
no_decay = ["bias", "norm", "LayerNorm.weight"]
groups = [
    {"params": [p for n, p in clf.named_parameters() if not any(nd in n for nd in no_decay)], "weight_decay": 0.01},
    {"params": [p for n, p in clf.named_parameters() if any(nd in n for nd in no_decay)], "weight_decay": 0.0},
]
print([len(g["params"]) for g in groups])
opt = torch.optim.AdamW(groups, lr=5e-3)
total_steps, warmup_steps = 8, 2
def lr_lambda(step):
    if step < warmup_steps:
        return float(step) / float(max(1, warmup_steps))
    return max(0.0, float(total_steps - step) / float(max(1, total_steps - warmup_steps)))
sched = torch.optim.lr_scheduler.LambdaLR(opt, lr_lambda)
print(sched.get_last_lr(), opt.param_groups[1]["weight_decay"], opt.param_groups[0]["initial_lr"])

# %%
torch.manual_seed(1)
clf.train()
for step in range(total_steps):
    logits = clf(ids)
    loss = F.cross_entropy(logits, labels, label_smoothing=0.1)
    opt.zero_grad(set_to_none=True)
    loss.backward()
    gn = nn.utils.clip_grad_norm_(clf.parameters(), 1.0)
    opt.step()
    sched.step()
    if step % 2 == 1:
        print(step, f"{loss.item():.4f}", f"{gn.item():.4f}", f"{sched.get_last_lr()[0]:.5f}")

# %%
clf.eval()
with torch.no_grad():
    probs = clf(ids).softmax(dim=-1)
    pred = probs.argmax(dim=-1)
acc = (pred == labels).float().mean().item()
print(probs, pred, f"accuracy {acc:.3f}")
print(clf.encoder.tok.weight.grad is None, clf.head[1].weight.grad.abs().sum() > 0)

# %%
sd = clf.state_dict()
print(len(sd), [k for k in sd if "pos" in k or "enc.norm" in k])
print(sd["encoder.enc.layers.1.self_attn.in_proj_weight"].shape)
missing = clf.load_state_dict({k: v for k, v in sd.items() if "head" not in k}, strict=False)
print(missing)
try:
    clf.load_state_dict({k: v for k, v in sd.items() if "head" not in k})
except RuntimeError as e:
    print(e)

# %%
# ELECTRA toy: a small generator fills [MASK]s, the discriminator tells replaced tokens apart
torch.manual_seed(3)
gen = nn.Sequential(nn.Embedding(V, 8, padding_idx=PAD), nn.Linear(8, V))
disc = TinyEncoder(d=D, heads=2, layers=1)
disc_head = nn.Linear(D, 1)
probs = torch.full(ids.shape, 0.15).masked_fill(ids == PAD, 0).masked_fill(ids == CLS, 0)
mlm_mask = torch.bernoulli(probs).bool()
masked = ids.masked_fill(mlm_mask, MASK)
gen_logits = gen(masked)
gen_loss = F.cross_entropy(gen_logits[mlm_mask], ids[mlm_mask])
with torch.no_grad():
    sampled = torch.multinomial(F.softmax(gen_logits[mlm_mask], dim=-1), 1).squeeze(-1)
corrupted = ids.clone()
corrupted[mlm_mask] = sampled
is_replaced = (corrupted != ids).float()
print(mlm_mask.sum().item(), sampled, is_replaced.sum())
disc_logits = disc_head(disc(corrupted)).squeeze(-1)
active = ids != PAD
disc_loss = F.binary_cross_entropy_with_logits(disc_logits[active], is_replaced[active])
print(gen_loss, disc_loss, (gen_loss + 50 * disc_loss).grad_fn)

# %%
# gumbel sampling instead of multinomial, and the learner who feeds the mask as float to where
torch.manual_seed(4)
g = -torch.log(-torch.log(torch.rand(gen_logits.shape).clamp(1e-9, 1.0)))
print((gen_logits + g).argmax(-1)[mlm_mask])
try:
    torch.where(mlm_mask.float(), corrupted, ids)
except RuntimeError as e:
    print(e)
print(torch.where(mlm_mask, corrupted, torch.tensor(-1)).shape)
print(F.gumbel_softmax(gen_logits[mlm_mask][:2], tau=0.5, hard=True).argmax(-1))
