# Imitates "BERT from scratch in PyTorch" / d2l chapter 15 "Pretraining BERT": token + segment + learned position
# embeddings, the 80/10/10 masking of 15% of the tokens with torch.rand / bernoulli / randint, a small encoder built
# from nn.TransformerEncoderLayer, an MLM head tied to the token embedding, an NSP head, and a few training steps.
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(42)
vocab = ["[PAD]", "[CLS]", "[SEP]", "[MASK]", "[UNK]"] + [f"w{i}" for i in range(27)]
PAD, CLS, SEP, MASK = 0, 1, 2, 3
V, D, H, L, T = len(vocab), 16, 2, 2, 12
print(V, D, H, L, T)

# %%
def make_pair(n_a, n_b, total=T):
    a = torch.randint(5, V, (n_a,))
    b = torch.randint(5, V, (n_b,))
    ids = torch.cat([torch.tensor([CLS]), a, torch.tensor([SEP]), b, torch.tensor([SEP])])
    seg = torch.cat([torch.zeros(n_a + 2, dtype=torch.long), torch.ones(n_b + 1, dtype=torch.long)])
    pad = total - ids.numel()
    return F.pad(ids, (0, pad), value=PAD), F.pad(seg, (0, pad))

pairs = [make_pair(3, 4), make_pair(2, 2), make_pair(4, 5), make_pair(1, 3)]
input_ids = torch.stack([p[0] for p in pairs])
segment_ids = torch.stack([p[1] for p in pairs])
is_next = torch.tensor([1, 0, 1, 0])
print(input_ids)
print(segment_ids)
print(input_ids.dtype, (input_ids == PAD).sum(dim=1))

# %%
def mask_tokens(ids, p=0.15):
    labels = ids.clone()
    prob = torch.full(labels.shape, p)
    special = (ids == PAD) | (ids == CLS) | (ids == SEP)
    prob.masked_fill_(special, value=0.0)
    chosen = torch.bernoulli(prob).bool()
    labels[~chosen] = -100
    ids = ids.clone()
    replace = torch.bernoulli(torch.full(labels.shape, 0.8)).bool() & chosen
    ids[replace] = MASK
    rnd = torch.bernoulli(torch.full(labels.shape, 0.5)).bool() & chosen & ~replace
    random_words = torch.randint(V, labels.shape, dtype=torch.long)
    ids[rnd] = random_words[rnd]
    return ids, labels

torch.manual_seed(0)
masked_ids, mlm_labels = mask_tokens(input_ids)
print(masked_ids)
print(mlm_labels)
print((mlm_labels != -100).sum().item(), (masked_ids == MASK).sum())

# %%
# the "rand < 0.15" form many blog posts use
torch.manual_seed(1)
r = torch.rand(input_ids.shape)
mask_arr = (r < 0.15) * (input_ids != CLS) * (input_ids != SEP) * (input_ids != PAD)
print(mask_arr.dtype, mask_arr.sum())
selection = [torch.flatten(mask_arr[i].nonzero()).tolist() for i in range(input_ids.shape[0])]
print(selection)
ids2 = input_ids.clone()
for i in range(ids2.shape[0]):
    ids2[i, selection[i]] = MASK
print(ids2)
masked_w = torch.where(mask_arr, torch.full_like(input_ids, MASK), input_ids)
print(torch.equal(masked_w, ids2))

# %%
class BERTEmbedding(nn.Module):
    def __init__(self, vocab_size, d_model, max_len=64, n_segments=2, dropout=0.1):
        super().__init__()
        self.tok = nn.Embedding(vocab_size, d_model, padding_idx=PAD)
        self.seg = nn.Embedding(n_segments, d_model)
        self.pos = nn.Embedding(max_len, d_model)
        self.norm = nn.LayerNorm(d_model, eps=1e-12)
        self.drop = nn.Dropout(dropout)
        self.register_buffer("position_ids", torch.arange(max_len).expand((1, -1)), persistent=False)

    def forward(self, ids, seg):
        pos = self.position_ids[:, :ids.size(1)]
        x = self.tok(ids) + self.seg(seg) + self.pos(pos)
        return self.drop(self.norm(x))

emb = BERTEmbedding(V, D)
print(emb)
print(emb.tok.weight[PAD].abs().sum(), emb.position_ids.shape, emb.position_ids.is_contiguous())
print(list(emb.state_dict().keys()))

# %%
class BERT(nn.Module):
    def __init__(self, vocab_size, d_model, n_layers, n_heads, d_ff=64, dropout=0.1):
        super().__init__()
        self.embedding = BERTEmbedding(vocab_size, d_model, dropout=dropout)
        layer = nn.TransformerEncoderLayer(d_model, n_heads, d_ff, dropout, activation="gelu",
                                           batch_first=True, layer_norm_eps=1e-12)
        self.encoder = nn.TransformerEncoder(layer, n_layers)
        self.mlm_dense = nn.Linear(d_model, d_model)
        self.mlm_norm = nn.LayerNorm(d_model, eps=1e-12)
        self.decoder = nn.Linear(d_model, vocab_size, bias=False)
        self.decoder_bias = nn.Parameter(torch.zeros(vocab_size))
        self.decoder.weight = self.embedding.tok.weight          # weight tying
        self.pooler = nn.Linear(d_model, d_model)
        self.nsp = nn.Linear(d_model, 2)

    def forward(self, ids, seg):
        pad_mask = ids == PAD
        x = self.encoder(self.embedding(ids, seg), src_key_padding_mask=pad_mask)
        h = self.mlm_norm(F.gelu(self.mlm_dense(x), approximate="tanh"))
        mlm_logits = self.decoder(h) + self.decoder_bias
        nsp_logits = self.nsp(torch.tanh(self.pooler(x[:, 0])))
        return mlm_logits, nsp_logits

torch.manual_seed(0)
model = BERT(V, D, L, H)

# %%
def init_weights(m):
    if isinstance(m, nn.Linear):
        nn.init.normal_(m.weight, mean=0.0, std=0.02)
        if m.bias is not None:
            nn.init.zeros_(m.bias)
    elif isinstance(m, nn.Embedding):
        nn.init.trunc_normal_(m.weight, std=0.02, a=-0.04, b=0.04)
        if m.padding_idx is not None:
            m.weight.data[m.padding_idx].zero_()
    elif isinstance(m, nn.LayerNorm):
        nn.init.ones_(m.weight)
        nn.init.zeros_(m.bias)

torch.manual_seed(0)
model.apply(init_weights)
print(model.decoder.weight is model.embedding.tok.weight)
print(model.decoder.weight.data_ptr() == model.embedding.tok.weight.data_ptr())
n_params = sum(p.numel() for p in model.parameters())
n_all = sum(p.numel() for p in model.state_dict().values())
print(n_params, n_all, len(list(model.parameters())), len(model.state_dict()))
print([k for k in model.state_dict() if "layers.0" in k])
print(model.embedding.tok.weight[:3, :4])

# %%
model.train()
mlm_logits, nsp_logits = model(masked_ids, segment_ids)
print(mlm_logits.shape, nsp_logits.shape, mlm_logits.grad_fn, nsp_logits.grad_fn)
mlm_loss = F.cross_entropy(mlm_logits.view(-1, V), mlm_labels.view(-1))
nsp_loss = F.cross_entropy(nsp_logits, is_next)
print(mlm_loss, nsp_loss)
print(math.log(V))

# %%
# a learner forgets ignore_index is -100 and uses 0 (the pad id)
bad_labels = mlm_labels.masked_fill(mlm_labels == -100, 0)
print(F.cross_entropy(mlm_logits.view(-1, V), bad_labels.view(-1), ignore_index=0))
print(F.cross_entropy(mlm_logits.view(-1, V), mlm_labels.view(-1), ignore_index=0))

# %%
print(F.cross_entropy(mlm_logits.view(-1, V), mlm_labels.view(-1), label_smoothing=0.1))
print(F.cross_entropy(mlm_logits.view(-1, V), mlm_labels.view(-1), reduction="sum"))
print(F.cross_entropy(mlm_logits.view(-1, V), mlm_labels.view(-1), reduction="none")[:14])
print(F.cross_entropy(mlm_logits.transpose(1, 2), mlm_labels))
all_ignored = torch.full((4,), -100)
print(F.cross_entropy(torch.randn(4, V), all_ignored))

# %%
# gather only the masked positions (d2l's "pred_positions")
positions = [row.nonzero().flatten() for row in (mlm_labels != -100)]
max_p = max(len(p) for p in positions)
pred_positions = torch.stack([F.pad(p, (0, max_p - len(p))) for p in positions])
weights = torch.stack([F.pad(torch.ones(len(p)), (0, max_p - len(p))) for p in positions])
print(pred_positions, weights)
hidden = torch.randn(4, T, D)
picked = hidden.gather(1, pred_positions.unsqueeze(-1).expand(-1, -1, D))
batch_idx = torch.arange(4).repeat_interleave(max_p)
picked2 = hidden[batch_idx, pred_positions.reshape(-1)].reshape(4, max_p, D)
print(picked.shape, torch.equal(picked, picked2))
try:
    hidden.gather(1, pred_positions)
except RuntimeError as e:
    print(e)

# %%
decay, no_decay = [], []
for name, p in model.named_parameters():
    if p.ndim < 2 or "norm" in name or name.endswith("bias"):
        no_decay.append(p)
    else:
        decay.append(p)
optimizer = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01},
                               {"params": no_decay, "weight_decay": 0.0}], lr=1e-3, betas=(0.9, 0.999), eps=1e-6)
print(len(decay), len(no_decay), optimizer.defaults["weight_decay"])
warmup, total = 3, 10
scheduler = torch.optim.lr_scheduler.LambdaLR(
    optimizer, lambda step: min((step + 1) / warmup, max(0.0, (total - step) / (total - warmup))))
print(scheduler.get_last_lr())

# %%
torch.manual_seed(3)
for step in range(5):
    optimizer.zero_grad()
    mlm_logits, nsp_logits = model(masked_ids, segment_ids)
    loss = F.cross_entropy(mlm_logits.reshape(-1, V), mlm_labels.reshape(-1)) + F.cross_entropy(nsp_logits, is_next)
    loss.backward()
    norm = torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
    optimizer.step()
    scheduler.step()
    print(step, round(loss.item(), 4), round(norm.item(), 4), [round(lr, 6) for lr in scheduler.get_last_lr()])

# %%
model.eval()
with torch.no_grad():
    mlm_logits, nsp_logits = model(masked_ids, segment_ids)
    preds = mlm_logits.argmax(dim=-1)
    sel = mlm_labels != -100
    acc = (preds[sel] == mlm_labels[sel]).float().mean()
    top = mlm_logits[sel].topk(3, dim=-1)
print(preds[sel], mlm_labels[sel], acc)
print(top.indices, top.values.shape)
print(nsp_logits.softmax(-1).argmax(1), (nsp_logits.argmax(1) == is_next).sum().item() / 4)
print(mlm_logits.requires_grad, preds.dtype)
