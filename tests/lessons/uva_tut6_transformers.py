# Imitates the UvA Deep Learning course, Tutorial 6 ("Transformers and Multi-Head Attention"), without Lightning and
# on random data: scaled_dot_product by hand with masked_fill, expand_mask, the MultiheadAttention module written by
# hand (qkv_proj, chunk, permute), EncoderBlock / TransformerEncoder with get_attention_maps, PositionalEncoding as a
# non-persistent buffer, the CosineWarmupScheduler as an optim.lr_scheduler._LRScheduler subclass with get_lr, and a
# few training steps of the sequence reverse task and the set anomaly task.
import math
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
import torch.utils.data as data

torch.manual_seed(42)

def scaled_dot_product(q, k, v, mask=None):
    d_k = q.size()[-1]
    attn_logits = torch.matmul(q, k.transpose(-2, -1))
    attn_logits = attn_logits / math.sqrt(d_k)
    if mask is not None:
        attn_logits = attn_logits.masked_fill(mask == 0, -9e15)
    attention = F.softmax(attn_logits, dim=-1)
    values = torch.matmul(attention, v)
    return values, attention

seq_len, d_k = 3, 2
q = torch.randn(seq_len, d_k)
k = torch.randn(seq_len, d_k)
v = torch.randn(seq_len, d_k)
values, attention = scaled_dot_product(q, k, v)
print("Q\n", q)
print("K\n", k)
print("V\n", v)
print("Values\n", values)
print("Attention\n", attention)
mask = torch.tril(torch.ones(seq_len, seq_len))
values, attention = scaled_dot_product(q, k, v, mask=mask)
print(attention)
print(torch.allclose(values, F.scaled_dot_product_attention(q, k, v, attn_mask=mask.bool()), atol=1e-6))
print(torch.allclose(scaled_dot_product(q, k, v, mask=mask)[0], F.scaled_dot_product_attention(q, k, v, is_causal=True), atol=1e-6))

# %%
def expand_mask(mask):
    assert mask.ndim >= 2, "Mask must be at least 2-dimensional with seq_length x seq_length"
    if mask.ndim == 3:
        mask = mask.unsqueeze(1)
    while mask.ndim < 4:
        mask = mask.unsqueeze(0)
    return mask

print(expand_mask(mask).shape, expand_mask(mask[None].repeat(2, 1, 1)).shape)
try:
    expand_mask(torch.ones(3))
except AssertionError as e:
    print("AssertionError", e)

class MultiheadAttention(nn.Module):
    def __init__(self, input_dim, embed_dim, num_heads):
        super().__init__()
        assert embed_dim % num_heads == 0, "Embedding dimension must be 0 modulo number of heads."
        self.embed_dim = embed_dim
        self.num_heads = num_heads
        self.head_dim = embed_dim // num_heads
        self.qkv_proj = nn.Linear(input_dim, 3 * embed_dim)
        self.o_proj = nn.Linear(embed_dim, embed_dim)
        self._reset_parameters()

    def _reset_parameters(self):
        nn.init.xavier_uniform_(self.qkv_proj.weight)
        self.qkv_proj.bias.data.fill_(0)
        nn.init.xavier_uniform_(self.o_proj.weight)
        self.o_proj.bias.data.fill_(0)

    def forward(self, x, mask=None, return_attention=False):
        batch_size, seq_length, _ = x.size()
        if mask is not None:
            mask = expand_mask(mask)
        qkv = self.qkv_proj(x)
        qkv = qkv.reshape(batch_size, seq_length, self.num_heads, 3 * self.head_dim)
        qkv = qkv.permute(0, 2, 1, 3)
        q, k, v = qkv.chunk(3, dim=-1)
        values, attention = scaled_dot_product(q, k, v, mask=mask)
        values = values.permute(0, 2, 1, 3)
        values = values.reshape(batch_size, seq_length, self.embed_dim)
        o = self.o_proj(values)
        if return_attention:
            return o, attention
        else:
            return o

mha = MultiheadAttention(input_dim=4, embed_dim=8, num_heads=2)
x = torch.randn(2, 5, 4)
o, attn = mha(x, return_attention=True)
print(o.shape, attn.shape, attn.sum(dim=-1))
print(o.grad_fn, attn.grad_fn, attn.grad_fn.next_functions)
try:
    MultiheadAttention(4, 6, 4)
except AssertionError as e:
    print("AssertionError", e)
o.sum().backward()
print(mha.qkv_proj.weight.grad.shape, mha.qkv_proj.bias.grad)

# %%
class EncoderBlock(nn.Module):
    def __init__(self, input_dim, num_heads, dim_feedforward, dropout=0.0):
        super().__init__()
        self.self_attn = MultiheadAttention(input_dim, input_dim, num_heads)
        self.linear_net = nn.Sequential(
            nn.Linear(input_dim, dim_feedforward),
            nn.Dropout(dropout),
            nn.ReLU(inplace=True),
            nn.Linear(dim_feedforward, input_dim)
        )
        self.norm1 = nn.LayerNorm(input_dim)
        self.norm2 = nn.LayerNorm(input_dim)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x, mask=None):
        attn_out = self.self_attn(x, mask=mask)
        x = x + self.dropout(attn_out)
        x = self.norm1(x)
        linear_out = self.linear_net(x)
        x = x + self.dropout(linear_out)
        x = self.norm2(x)
        return x

class TransformerEncoder(nn.Module):
    def __init__(self, num_layers, **block_args):
        super().__init__()
        self.layers = nn.ModuleList([EncoderBlock(**block_args) for _ in range(num_layers)])

    def forward(self, x, mask=None):
        for l in self.layers:
            x = l(x, mask=mask)
        return x

    @torch.no_grad()
    def get_attention_maps(self, x, mask=None):
        attention_maps = []
        for l in self.layers:
            _, attn_map = l.self_attn(x, mask=mask, return_attention=True)
            attention_maps.append(attn_map)
            x = l(x)
        return attention_maps

class PositionalEncoding(nn.Module):
    def __init__(self, d_model, max_len=5000):
        super().__init__()
        pe = torch.zeros(max_len, d_model)
        position = torch.arange(0, max_len, dtype=torch.float).unsqueeze(1)
        div_term = torch.exp(torch.arange(0, d_model, 2).float() * (-math.log(10000.0) / d_model))
        pe[:, 0::2] = torch.sin(position * div_term)
        pe[:, 1::2] = torch.cos(position * div_term)
        pe = pe.unsqueeze(0)
        self.register_buffer("pe", pe, persistent=False)

    def forward(self, x):
        x = x + self.pe[:, :x.size(1)]
        return x

encod_block = PositionalEncoding(d_model=8, max_len=16)
print(encod_block)
print(encod_block.pe.shape, encod_block.pe[0, :3])
print(list(encod_block.state_dict().keys()), [n for n, _ in encod_block.named_buffers()])
pe = encod_block.pe.squeeze().T.cpu().numpy()
print(pe.shape, pe.dtype, np.round(pe[:2, :4], 4))
print(encod_block(torch.zeros(2, 3, 8)).shape, encod_block.pe.requires_grad)

# %%
class CosineWarmupScheduler(optim.lr_scheduler._LRScheduler):
    def __init__(self, optimizer, warmup, max_iters):
        self.warmup = warmup
        self.max_num_iters = max_iters
        super().__init__(optimizer)

    def get_lr(self):
        lr_factor = self.get_lr_factor(epoch=self.last_epoch)
        return [base_lr * lr_factor for base_lr in self.base_lrs]

    def get_lr_factor(self, epoch):
        lr_factor = 0.5 * (1 + np.cos(np.pi * epoch / self.max_num_iters))
        if epoch <= self.warmup:
            lr_factor *= epoch * 1.0 / self.warmup
        return lr_factor

p = nn.Parameter(torch.empty(4, 4))
optimizer = optim.Adam([p], lr=1e-3)
lr_scheduler = CosineWarmupScheduler(optimizer=optimizer, warmup=10, max_iters=200)
epochs = list(range(200))
print([round(float(lr_scheduler.get_lr_factor(e)), 4) for e in epochs[::25]])
print(lr_scheduler.last_epoch, lr_scheduler.base_lrs, lr_scheduler.get_last_lr(), optimizer.param_groups[0]["lr"])
print(type(lr_scheduler.get_last_lr()[0]), optimizer.param_groups[0]["initial_lr"])
for _ in range(3):
    lr_scheduler.step()
print(lr_scheduler.last_epoch, lr_scheduler.get_last_lr())
print(sorted(lr_scheduler.state_dict()))
print(isinstance(lr_scheduler, optim.lr_scheduler.LRScheduler))

# %%
class TransformerPredictor(nn.Module):
    def __init__(self, input_dim, model_dim, num_classes, num_heads, num_layers, dropout=0.0, input_dropout=0.0):
        super().__init__()
        self.input_net = nn.Sequential(nn.Dropout(input_dropout), nn.Linear(input_dim, model_dim))
        self.positional_encoding = PositionalEncoding(d_model=model_dim)
        self.transformer = TransformerEncoder(num_layers=num_layers, input_dim=model_dim,
                                              dim_feedforward=2 * model_dim, num_heads=num_heads, dropout=dropout)
        self.output_net = nn.Sequential(
            nn.Linear(model_dim, model_dim),
            nn.LayerNorm(model_dim),
            nn.ReLU(inplace=True),
            nn.Dropout(dropout),
            nn.Linear(model_dim, num_classes)
        )

    def forward(self, x, mask=None, add_positional_encoding=True):
        x = self.input_net(x)
        if add_positional_encoding:
            x = self.positional_encoding(x)
        x = self.transformer(x, mask=mask)
        x = self.output_net(x)
        return x

    @torch.no_grad()
    def get_attention_maps(self, x, mask=None, add_positional_encoding=True):
        x = self.input_net(x)
        if add_positional_encoding:
            x = self.positional_encoding(x)
        attention_maps = self.transformer.get_attention_maps(x, mask=mask)
        return attention_maps

class ReverseDataset(data.Dataset):
    def __init__(self, num_categories, seq_len, size):
        super().__init__()
        self.num_categories = num_categories
        self.seq_len = seq_len
        self.size = size
        self.data = torch.randint(self.num_categories, size=(self.size, self.seq_len))

    def __len__(self):
        return self.size

    def __getitem__(self, idx):
        inp_data = self.data[idx]
        labels = torch.flip(inp_data, dims=(0,))
        return inp_data, labels

torch.manual_seed(0)
dataset = ReverseDataset(10, 6, 64)
train_loader = data.DataLoader(dataset, batch_size=16, shuffle=True, drop_last=True)
inp_data, labels = dataset[0]
print("Input data:", inp_data)
print("Labels:    ", labels)
model = TransformerPredictor(input_dim=10, model_dim=16, num_heads=2, num_classes=10, num_layers=1, dropout=0.0)
optimizer = optim.Adam(model.parameters(), lr=5e-3)
lr_scheduler = CosineWarmupScheduler(optimizer, warmup=5, max_iters=40)
print(sum(p.numel() for p in model.parameters()), len(list(model.buffers())), len(model.state_dict()))
for epoch in range(2):
    for inp_data, labels in train_loader:
        inp_data = F.one_hot(inp_data, num_classes=10).float()
        preds = model(inp_data, add_positional_encoding=True)
        loss = F.cross_entropy(preds.view(-1, preds.size(-1)), labels.view(-1))
        acc = (preds.argmax(dim=-1) == labels).float().mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        lr_scheduler.step()
    print(f"epoch {epoch}: loss {loss.item():.4f} acc {acc.item():.3f} lr {lr_scheduler.get_last_lr()[0]:.6f}")
attention_maps = model.get_attention_maps(F.one_hot(dataset.data[:2], num_classes=10).float())
print(len(attention_maps), attention_maps[0].shape, attention_maps[0].requires_grad, attention_maps[0][0, 0, 0])

# %%
torch.manual_seed(1)
set_size, feat_dim = 5, 12
feats = torch.randn(8, set_size, feat_dim)
anomaly_idx = torch.randint(set_size, (8,))
anomaly_model = TransformerPredictor(input_dim=feat_dim, model_dim=16, num_classes=1, num_heads=4, num_layers=2,
                                     dropout=0.1, input_dropout=0.1)
optimizer = optim.Adam(anomaly_model.parameters(), lr=1e-3)
anomaly_model.train()
for step in range(3):
    preds = anomaly_model(feats, add_positional_encoding=False)
    preds = preds.squeeze(dim=-1)
    loss = F.cross_entropy(preds, anomaly_idx)
    acc = (preds.argmax(dim=-1) == anomaly_idx).float().mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    print(step, preds.shape, round(loss.item(), 4), acc)
anomaly_model.eval()
with torch.no_grad():
    preds = anomaly_model(feats, add_positional_encoding=False).squeeze(-1)
    print(F.softmax(preds, dim=-1).sum(-1), preds.argmax(dim=-1))
    shuffled = anomaly_model(feats[:, torch.randperm(set_size)], add_positional_encoding=False).squeeze(-1)
print(preds.shape, shuffled.shape, torch.allclose(preds.sort(-1).values, shuffled.sort(-1).values, atol=1e-5))
