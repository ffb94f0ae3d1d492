# Imitates d2l chapter 15 "Pretraining BERT" (_get_batch_loss_bert with mlm_weights, MaskLM's pred_positions via
# repeat_interleave, NextSentencePred) and the mistakes learners make around it: full_like on an id tensor, masks of
# the wrong dtype, the (N,) * (N, 1) broadcast of a per-token loss, embeddings fed floats or ids out of range,
# scheduler and optimizer in the wrong order, a parameter in two groups.
import warnings

import torch
from torch import nn
import torch.nn.functional as F

torch.manual_seed(0)
vocab_size, num_hiddens, batch_size, max_len = 30, 12, 2, 8
tokens = torch.randint(4, vocab_size, (batch_size, max_len))
segments = torch.tensor([[0, 0, 0, 0, 1, 1, 1, 1], [0, 0, 0, 1, 1, 1, 0, 0]])
valid_lens = torch.tensor([8, 6])
print(tokens)

# %%
def sequence_mask(X, valid_len, value=0):
    maxlen = X.size(1)
    mask = torch.arange((maxlen), dtype=torch.float32, device=X.device)[None, :] < valid_len[:, None]
    X[~mask] = value
    return X

def masked_softmax(X, valid_lens):
    if valid_lens is None:
        return nn.functional.softmax(X, dim=-1)
    shape = X.shape
    if valid_lens.dim() == 1:
        valid_lens = torch.repeat_interleave(valid_lens, shape[1])
    else:
        valid_lens = valid_lens.reshape(-1)
    X = sequence_mask(X.reshape(-1, shape[-1]), valid_lens, value=-1e6)
    return nn.functional.softmax(X.reshape(shape), dim=-1)

scores = torch.randn(batch_size, max_len, max_len)
p = masked_softmax(scores, valid_lens)
print(p[1, 0], p.sum(-1)[1])
print(masked_softmax(torch.randn(2, 2, 4), torch.tensor([[1, 3], [2, 4]])))

# %%
class MaskLM(nn.Module):
    def __init__(self, vocab_size, num_hiddens, **kwargs):
        super().__init__(**kwargs)
        self.mlp = nn.Sequential(nn.LazyLinear(num_hiddens), nn.ReLU(), nn.LayerNorm(num_hiddens),
                                 nn.LazyLinear(vocab_size))

    def forward(self, X, pred_positions):
        num_pred_positions = pred_positions.shape[1]
        pred_positions = pred_positions.reshape(-1)
        batch_size = X.shape[0]
        batch_idx = torch.arange(0, batch_size)
        batch_idx = torch.repeat_interleave(batch_idx, num_pred_positions)
        masked_X = X[batch_idx, pred_positions]
        masked_X = masked_X.reshape((batch_size, num_pred_positions, -1))
        return self.mlp(masked_X)

mlm = MaskLM(vocab_size, num_hiddens)
print(mlm)
encoded_X = torch.randn(batch_size, max_len, num_hiddens)
mlm_positions = torch.tensor([[1, 5, 2], [6, 1, 5]])
mlm_Y_hat = mlm(encoded_X, mlm_positions)
print(mlm_Y_hat.shape, mlm)
loss = nn.CrossEntropyLoss(reduction='none')
try:
    loss(mlm_Y_hat.reshape((-1, vocab_size)), torch.tensor([7, 8, 9, 10, 20, 30]))
except IndexError as e:
    print(e)
mlm_Y = torch.tensor([[7, 8, 9], [10, 20, 29]])
mlm_l = loss(mlm_Y_hat.reshape((-1, vocab_size)), mlm_Y.reshape(-1))
print(mlm_l.shape, mlm_l)

# %%
mlm_weights_X = torch.tensor([[1.0, 1.0, 0.0], [1.0, 1.0, 1.0]])
wrong = mlm_l * mlm_weights_X.reshape(-1, 1)
print(wrong.shape)
right = (mlm_l * mlm_weights_X.reshape(-1)).sum() / (mlm_weights_X.sum() + 1e-8)
print(right, wrong.sum() / (mlm_weights_X.sum() + 1e-8))

# %%
class NextSentencePred(nn.Module):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.output = nn.LazyLinear(2)

    def forward(self, X):
        return self.output(X)

nsp = NextSentencePred()
nsp_Y_hat = nsp(torch.flatten(encoded_X, start_dim=1))
print(nsp_Y_hat.shape, nsp.output.weight.shape)
nsp_y = torch.tensor([0, 1])
print(loss(nsp_Y_hat, nsp_y))
try:
    F.binary_cross_entropy_with_logits(nsp_Y_hat[:, :1], nsp_y.float())
except ValueError as e:
    print(e)
try:
    F.binary_cross_entropy_with_logits(nsp_Y_hat[:, 0], nsp_y)
except RuntimeError as e:
    print(e)

# %%
# masking mistakes
probability_matrix = torch.full_like(tokens, 0.15)
print(probability_matrix.dtype, probability_matrix.sum())
try:
    torch.bernoulli(probability_matrix)
except Exception as e:
    print(type(e).__name__, e)
probability_matrix = torch.full_like(tokens, 0.15, dtype=torch.float)
special = torch.zeros_like(tokens)
special[:, 0] = 1
try:
    probability_matrix.masked_fill_(special, 0.0)
except RuntimeError as e:
    print(e)
probability_matrix.masked_fill_(special.bool(), 0.0)
torch.manual_seed(2)
masked_indices = torch.bernoulli(probability_matrix).bool()
print(masked_indices.sum(), masked_indices[:, 0])
labels = tokens.clone()
labels[~masked_indices] = -100
try:
    tokens[masked_indices] = torch.randint(vocab_size, (3,))
except RuntimeError as e:
    print(e)
print(torch.where(masked_indices, 3, tokens).dtype, torch.where(masked_indices, 3.0, tokens).dtype)

# %%
emb = nn.Embedding(vocab_size, num_hiddens, padding_idx=0)
for bad in (tokens.float(), torch.tensor([[vocab_size]]), torch.tensor([[-1]])):
    try:
        emb(bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    nn.Embedding(5, 3, padding_idx=5)
except AssertionError as e:
    print(e)
nn.init.normal_(emb.weight, std=0.02)
print(emb.weight[0].abs().sum() > 0)
pre = nn.Embedding.from_pretrained(torch.arange(12.0).view(4, 3), freeze=False, padding_idx=0)
print(pre, pre.weight.requires_grad)
pre(torch.tensor([0, 1, 1])).sum().backward()
print(pre.weight.grad)

# %%
# a 3-d logits tensor without the transpose; label smoothing out of range
logits = torch.randn(batch_size, max_len, vocab_size)
try:
    F.cross_entropy(logits, labels)
except RuntimeError as e:
    print(e)
try:
    F.cross_entropy(logits.view(-1, vocab_size), labels.view(-1), label_smoothing=1.5)
except RuntimeError as e:
    print(e)
print(F.cross_entropy(logits.permute(0, 2, 1), labels, label_smoothing=0.2))
print(F.cross_entropy(logits.view(-1, vocab_size), labels.view(-1), ignore_index=-100, reduction="none").view(2, -1))

# %%
# optimizer groups and the scheduler's order warning
net = nn.Sequential(nn.Linear(4, 4), nn.LayerNorm(4), nn.Linear(4, 2))
try:
    torch.optim.AdamW([{"params": net.parameters()}, {"params": net[0].parameters(), "weight_decay": 0.0}])
except ValueError as e:
    print(e)
opt = torch.optim.AdamW([{"params": [net[0].weight, net[2].weight]},
                         {"params": [net[0].bias, net[1].weight, net[1].bias, net[2].bias], "weight_decay": 0.0}],
                        lr=1e-3, weight_decay=0.01)
sched = torch.optim.lr_scheduler.LambdaLR(opt, lr_lambda=[lambda s: min(1.0, (s + 1) / 3), lambda s: 0.5 ** s])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    sched.step()
print([str(w.message)[:80] for w in caught])
print(sched.get_last_lr(), sched.last_epoch)
print(sched.state_dict()["base_lrs"], sched.state_dict()["lr_lambdas"])
print(opt.state_dict()["param_groups"][1])

# %%
x = torch.randn(5, 4)
for _ in range(3):
    opt.zero_grad()
    net(x).pow(2).mean().backward()
    total = nn.utils.clip_grad_norm_(net.parameters(), max_norm=0.5, norm_type=2.0)
    opt.step()
    sched.step()
print(total, sched.get_last_lr())
net[0].weight.grad[0, 0] = float("nan")
try:
    nn.utils.clip_grad_norm_(net.parameters(), 1.0, error_if_nonfinite=True)
except RuntimeError as e:
    print(e)
print(nn.utils.clip_grad_norm_(net.parameters(), 1.0))

# %%
@torch.no_grad()
def evaluate(model, X):
    model.eval()
    out = model(X)
    model.train()
    return out

out = evaluate(net, x)
print(out.requires_grad, net.training)
with torch.inference_mode():
    inf = net(x)
try:
    (inf * net[0].weight.sum()).sum().backward()
except RuntimeError as e:
    print(e)
correct = (out.argmax(1) == torch.tensor([0, 1, 0, 1, 1])).sum()
print(correct / 5, correct.item() / 5, (correct / 5).dtype)
