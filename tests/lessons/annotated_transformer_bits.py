# Imitates Harvard NLP's "The Annotated Transformer" (2022 version) at toy size: clones with copy.deepcopy, a
# LayerNorm module written by hand, subsequent_mask via torch.triu(..., diagonal=1).type(torch.uint8) == 0,
# attention with masked_fill(mask == 0, -1e9), the LabelSmoothing criterion (KLDivLoss(reduction="sum"),
# scatter_, index_fill_, torch.nonzero on the padding column), the rate() schedule through LambdaLR, and greedy decode.
import copy, math
import torch
import torch.nn as nn
from torch.nn.functional import log_softmax, pad
from torch.optim.lr_scheduler import LambdaLR

def clones(module, N):
    return nn.ModuleList([copy.deepcopy(module) for _ in range(N)])

class LayerNorm(nn.Module):
    def __init__(self, features, eps=1e-6):
        super(LayerNorm, self).__init__()
        self.a_2 = nn.Parameter(torch.ones(features))
        self.b_2 = nn.Parameter(torch.zeros(features))
        self.eps = eps
    def forward(self, x):
        mean = x.mean(-1, keepdim=True)
        std = x.std(-1, keepdim=True)
        return self.a_2 * (x - mean) / (std + self.eps) + self.b_2

def subsequent_mask(size):
    attn_shape = (1, size, size)
    subsequent_mask = torch.triu(torch.ones(attn_shape), diagonal=1).type(torch.uint8)
    return subsequent_mask == 0

print(subsequent_mask(4))
print(subsequent_mask(3).dtype, torch.triu(torch.ones(1, 3, 3), diagonal=1).type(torch.uint8))
torch.manual_seed(0)
ln = LayerNorm(4)
x = torch.randn(2, 3, 4)
print(ln(x)[0])
layers = clones(nn.Linear(4, 4), 3)
print(layers[0].weight.data_ptr() != layers[1].weight.data_ptr(), torch.equal(layers[0].weight, layers[2].weight))
print(layers)

# %%
def attention(query, key, value, mask=None, dropout=None):
    d_k = query.size(-1)
    scores = torch.matmul(query, key.transpose(-2, -1)) / math.sqrt(d_k)
    if mask is not None:
        scores = scores.masked_fill(mask == 0, -1e9)
    p_attn = scores.softmax(dim=-1)
    if dropout is not None:
        p_attn = dropout(p_attn)
    return torch.matmul(p_attn, value), p_attn

torch.manual_seed(0)
q = torch.randn(2, 4, 8)
out, p = attention(q, q, q, mask=subsequent_mask(4))
print(out.shape, p[0])
src = torch.tensor([[1, 2, 3, 0, 0]])
src_mask = (src != 0).unsqueeze(-2)
print(src_mask, src_mask.shape)
tgt = torch.tensor([[1, 5, 6, 2, 0]])
tgt_mask = (tgt != 0).unsqueeze(-2)
tgt_mask = tgt_mask & subsequent_mask(tgt.size(-1)).type_as(tgt_mask.data)
print(tgt_mask)
print((tgt != 0).data.sum())

# %%
class LabelSmoothing(nn.Module):
    def __init__(self, size, padding_idx, smoothing=0.0):
        super(LabelSmoothing, self).__init__()
        self.criterion = nn.KLDivLoss(reduction="sum")
        self.padding_idx = padding_idx
        self.confidence = 1.0 - smoothing
        self.smoothing = smoothing
        self.size = size
        self.true_dist = None
    def forward(self, x, target):
        assert x.size(1) == self.size
        true_dist = x.data.clone()
        true_dist.fill_(self.smoothing / (self.size - 2))
        true_dist.scatter_(1, target.data.unsqueeze(1), self.confidence)
        true_dist[:, self.padding_idx] = 0
        mask = torch.nonzero(target.data == self.padding_idx)
        if mask.dim() > 0:
            true_dist.index_fill_(0, mask.squeeze(), 0.0)
        self.true_dist = true_dist
        return self.criterion(x, true_dist.clone().detach())

crit = LabelSmoothing(5, 0, 0.4)
predict = torch.FloatTensor([[0, 0.2, 0.7, 0.1, 0], [0, 0.2, 0.7, 0.1, 0], [0, 0.2, 0.7, 0.1, 0], [0, 0.2, 0.7, 0.1, 0], [0, 0.2, 0.7, 0.1, 0]])
print(crit(x=predict.log(), target=torch.LongTensor([2, 1, 0, 3, 3])))
print(crit.true_dist)

def loss(x, crit):
    d = x + 3 * 1
    predict = torch.FloatTensor([[0, x / d, 1 / d, 1 / d, 1 / d]])
    return crit(predict.log(), torch.LongTensor([1])).data
crit = LabelSmoothing(5, 0, 0.1)
print([round(loss(x, crit).item(), 4) for x in range(1, 6)])

# %%
def rate(step, model_size, factor, warmup):
    if step == 0:
        step = 1
    return factor * (model_size ** (-0.5) * min(step ** (-0.5), step * warmup ** (-1.5)))

dummy_model = torch.nn.Linear(1, 1)
optimizer = torch.optim.Adam(dummy_model.parameters(), lr=1, betas=(0.9, 0.98), eps=1e-9)
lr_scheduler = LambdaLR(optimizer=optimizer, lr_lambda=lambda step: rate(step, 512, 1, 4))
tmp = []
for step in range(8):
    tmp.append(optimizer.param_groups[0]["lr"])
    optimizer.step()
    lr_scheduler.step()
print([f"{v:.6f}" for v in tmp])
print(lr_scheduler.get_last_lr(), lr_scheduler.last_epoch)

# %%
class Generator(nn.Module):
    def __init__(self, d_model, vocab):
        super(Generator, self).__init__()
        self.proj = nn.Linear(d_model, vocab)
    def forward(self, x):
        return log_softmax(self.proj(x), dim=-1)

torch.manual_seed(1)
emb = nn.Embedding(11, 8)
gen = Generator(8, 11)
for p in list(emb.parameters()) + list(gen.parameters()):
    if p.dim() > 1:
        nn.init.xavier_uniform_(p)
memory = emb(torch.LongTensor([[0, 1, 2, 3]]))
ys = torch.zeros(1, 1).type_as(src.data)
for i in range(5):
    h = emb(ys).mean(1, keepdim=True) + memory.mean(1, keepdim=True)
    prob = gen(h[:, -1])
    _, next_word = torch.max(prob, dim=1)
    next_word = next_word.data[0]
    ys = torch.cat([ys, torch.zeros(1, 1).type_as(src.data).fill_(next_word)], dim=1)
print("Example Untrained Model Prediction:", ys)
print(pad(torch.tensor([1, 2]), (0, 3), value=0), pad(torch.ones(2, 2), (1, 1)).shape)
