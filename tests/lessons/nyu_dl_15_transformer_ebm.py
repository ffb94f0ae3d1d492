# Imitates Alfredo Canziani's NYU Deep Learning course (Atcold/pytorch-Deep-Learning, NYU-DLSP20/21), notebook
# 15-transformer.ipynb (MultiHeadAttention by hand: W_q/W_k/W_v, split_heads via view/transpose, scaled dot product
# with masked_fill, group_heads, CNN feed-forward, EncoderLayer with nn.LayerNorm, sinusoidal positional embeddings
# filled from numpy, Embeddings, a TransformerClassifier with max over time) and the energy-based model snippets of
# the 2021 edition (an energy E(x, y) over a grid of y, argmin inference, free energy with logsumexp, a contrastive
# hinge on energies), on random data at tiny sizes.
import math
import numpy as np
import torch
from torch import nn
import torch.nn.functional as F

torch.manual_seed(0)

# %%
class MultiHeadAttention(nn.Module):
    def __init__(self, d_model, num_heads, d_input=None):
        super().__init__()
        self.num_heads = num_heads
        self.d_model = d_model
        if d_input is None:
            d_xq = d_xk = d_xv = d_model
        else:
            d_xq, d_xk, d_xv = d_input
        assert d_model % self.num_heads == 0
        self.d_k = d_model // self.num_heads
        self.W_q = nn.Linear(d_xq, d_model, bias=False)
        self.W_k = nn.Linear(d_xk, d_model, bias=False)
        self.W_v = nn.Linear(d_xv, d_model, bias=False)
        self.W_h = nn.Linear(d_model, d_model)

    def scaled_dot_product_attention(self, Q, K, V, mask=None):
        batch_size = Q.size(0)
        k_length = K.size(-2)
        Q = Q / np.sqrt(self.d_k)
        scores = torch.matmul(Q, K.transpose(2, 3))
        if mask is not None:
            scores = scores.masked_fill(mask == 0, -1e9)
        A = nn.Softmax(dim=-1)(scores)
        H = torch.matmul(A, V)
        return H, A

    def split_heads(self, x, batch_size):
        return x.view(batch_size, -1, self.num_heads, self.d_k).transpose(1, 2)

    def group_heads(self, x, batch_size):
        return x.transpose(1, 2).contiguous().view(batch_size, -1, self.num_heads * self.d_k)

    def forward(self, X_q, X_k, X_v, mask=None):
        batch_size, seq_length, dim = X_q.size()
        Q = self.split_heads(self.W_q(X_q), batch_size)
        K = self.split_heads(self.W_k(X_k), batch_size)
        V = self.split_heads(self.W_v(X_v), batch_size)
        H_cat, A = self.scaled_dot_product_attention(Q, K, V, mask)
        H_cat = self.group_heads(H_cat, batch_size)
        H = self.W_h(H_cat)
        return H, A

temp_mha = MultiHeadAttention(d_model=512 // 64, num_heads=2)
def print_out(Q, K, V):
    temp_out, temp_attn = temp_mha.scaled_dot_product_attention(Q, K, V)
    print('Attention weights are:', temp_attn.squeeze())
    print('Output is:', temp_out.squeeze())

test_K = torch.tensor([[10, 0, 0], [0, 10, 0], [0, 0, 10], [0, 0, 10]]).float()[None, None]
test_V = torch.tensor([[1, 0, 0], [10, 0, 0], [100, 5, 0], [1000, 6, 0]]).float()[None, None]
test_Q = torch.tensor([[0, 10, 0]]).float()[None, None]
print_out(test_Q, test_K, test_V)
test_Q = torch.tensor([[0, 0, 10]]).float()[None, None]
print_out(test_Q, test_K, test_V)
test_Q = torch.tensor([[0, 0, 10], [0, 10, 0], [10, 10, 0]]).float()[None, None]
print_out(test_Q, test_K, test_V)

# %%
x = torch.randn(2, 5, 8)
mask = torch.tensor([[1, 1, 1, 0, 0], [1, 1, 1, 1, 1]])[:, None, None, :]
H, A = temp_mha(x, x, x, mask)
print(H.shape, A.shape, A[0, 0, 0], A.sum(-1)[0, 0])
print(temp_mha.split_heads(temp_mha.W_q(x), 2).stride(), temp_mha.split_heads(temp_mha.W_q(x), 2).is_contiguous())
H.sum().backward()
print(temp_mha.W_q.weight.grad[0], temp_mha.W_h.bias.grad)
try:
    temp_mha.group_heads(temp_mha.split_heads(temp_mha.W_q(x), 2).transpose(1, 2), 2)
except Exception as e:
    print(type(e).__name__, e)
try:
    temp_mha.split_heads(torch.randn(2, 5, 7), 2)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.randn(2, 2, 5, 5).masked_fill(torch.tensor([[1, 0, 1]]) == 0, -1e9)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.randn(2, 5).masked_fill(torch.tensor([1, 0, 1, 1, 1]), -1e9)
except Exception as e:
    print(type(e).__name__, e)
causal = torch.tril(torch.ones(5, 5))
print(torch.randn(5, 5).masked_fill(causal == 0, float('-inf')).softmax(-1)[1])

# %%
class CNN(nn.Module):
    def __init__(self, d_model, hidden_dim):
        super().__init__()
        self.k1convL1 = nn.Linear(d_model, hidden_dim)
        self.k1convL2 = nn.Linear(hidden_dim, d_model)
        self.activation = nn.ReLU()

    def forward(self, x):
        x = self.k1convL1(x)
        x = self.activation(x)
        x = self.k1convL2(x)
        return x

class EncoderLayer(nn.Module):
    def __init__(self, d_model, num_heads, conv_hidden_dim, p=0.1):
        super().__init__()
        self.mha = MultiHeadAttention(d_model, num_heads)
        self.cnn = CNN(d_model, conv_hidden_dim)
        self.layernorm1 = nn.LayerNorm(normalized_shape=d_model, eps=1e-6)
        self.layernorm2 = nn.LayerNorm(normalized_shape=d_model, eps=1e-6)

    def forward(self, x):
        attn_output, _ = self.mha(x, x, x)
        out1 = self.layernorm1(x + attn_output)
        cnn_output = self.cnn(out1)
        out2 = self.layernorm2(out1 + cnn_output)
        return out2

def create_sinusoidal_embeddings(nb_p, dim, E):
    theta = np.array([
        [p / np.power(10000, 2 * (j // 2) / dim) for j in range(dim)]
        for p in range(nb_p)
    ])
    E[:, 0::2] = torch.FloatTensor(np.sin(theta[:, 0::2]))
    E[:, 1::2] = torch.FloatTensor(np.cos(theta[:, 1::2]))
    E.detach_()
    E.requires_grad = False
    E = E.to(torch.float32)

class Embeddings(nn.Module):
    def __init__(self, d_model, vocab_size, max_position_embeddings, p):
        super().__init__()
        self.word_embeddings = nn.Embedding(vocab_size, d_model, padding_idx=1)
        self.position_embeddings = nn.Embedding(max_position_embeddings, d_model)
        create_sinusoidal_embeddings(
            nb_p=max_position_embeddings,
            dim=d_model,
            E=self.position_embeddings.weight
        )
        self.LayerNorm = nn.LayerNorm(d_model, eps=1e-12)

    def forward(self, input_ids):
        seq_length = input_ids.size(1)
        position_ids = torch.arange(seq_length, dtype=torch.long, device=input_ids.device)
        position_ids = position_ids.unsqueeze(0).expand_as(input_ids)
        word_embeddings = self.word_embeddings(input_ids)
        position_embeddings = self.position_embeddings(position_ids)
        embeddings = word_embeddings + position_embeddings
        embeddings = self.LayerNorm(embeddings)
        return embeddings

emb = Embeddings(8, 20, 10, 0.1)
print(emb.position_embeddings.weight.requires_grad, emb.position_embeddings.weight[1], emb.position_embeddings.weight.grad_fn)
print(emb.word_embeddings.weight[1])
ids = torch.randint(0, 20, (2, 6))
ids[0, 4:] = 1
out = emb(ids)
print(out.shape, out.mean(-1)[0], out.std(-1, unbiased=False)[0])
try:
    emb(torch.randint(0, 20, (2, 11)))
except Exception as e:
    print(type(e).__name__, e)

# %%
pe = torch.zeros(6, 8)
position = torch.arange(0, 6, dtype=torch.float).unsqueeze(1)
div_term = torch.exp(torch.arange(0, 8, 2).float() * (-math.log(10000.0) / 8))
pe[:, 0::2] = torch.sin(position * div_term)
pe[:, 1::2] = torch.cos(position * div_term)
print(pe)
print(torch.allclose(pe, emb.position_embeddings.weight[:6]), (pe - emb.position_embeddings.weight[:6]).abs().max())

class TransformerClassifier(nn.Module):
    def __init__(self, num_layers, d_model, num_heads, conv_hidden_dim, input_vocab_size, num_answers):
        super().__init__()
        self.encoder = nn.ModuleList([EncoderLayer(d_model, num_heads, conv_hidden_dim) for _ in range(num_layers)])
        self.emb = Embeddings(d_model, input_vocab_size, 10, 0.1)
        self.dense = nn.Linear(d_model, num_answers)

    def forward(self, x):
        x = self.emb(x)
        for layer in self.encoder:
            x = layer(x)
        x, _ = torch.max(x, dim=1)
        x = self.dense(x)
        return x

model = TransformerClassifier(num_layers=1, d_model=8, num_heads=2, conv_hidden_dim=16, input_vocab_size=20,
                              num_answers=2)
print(sum(p.numel() for p in model.parameters()), sum(p.numel() for p in model.parameters() if p.requires_grad))
optimizer = torch.optim.Adam(params=model.parameters(), lr=1e-3)
labels = torch.tensor([0, 1])
for epoch in range(3):
    optimizer.zero_grad()
    out = model(ids)
    loss = F.cross_entropy(out, labels)
    loss.backward()
    optimizer.step()
    acc = (out.argmax(1) == labels).float().mean()
    print(f'Training loss at epoch {epoch} is {loss.item():.4f}, acc {acc:.2f}')
print(model.emb.position_embeddings.weight.grad is None, model.emb.word_embeddings.weight.grad[1])

# %%
torch.manual_seed(0)
W = torch.randn(2, 1)
def energy(x, y):
    return ((y - x @ W).pow(2)).sum(-1) + 0.1 * y.pow(2).sum(-1)

x = torch.randn(3, 2)
ys = torch.linspace(-2, 2, 9).view(-1, 1)
E = energy(x[:, None, :].expand(3, 9, 2), ys[None].expand(3, 9, 1))
print(E.shape, E.argmin(1), ys[E.argmin(1)].squeeze(-1))
beta = 1.0
F_free = -1 / beta * torch.logsumexp(-beta * E, dim=1)
print(F_free, F_free <= E.min(1).values)
y_hat = torch.zeros(3, 1, requires_grad=True)
opt = torch.optim.SGD([y_hat], lr=0.2)
for _ in range(20):
    opt.zero_grad()
    energy(x, y_hat).sum().backward()
    opt.step()
print(y_hat.detach().squeeze(), (x @ W / 1.1).squeeze())
y_pos, y_neg = x @ W, x @ W + 1
margin = 0.5
hinge = F.relu(energy(x, y_pos) - energy(x, y_neg) + margin).mean()
print(hinge, torch.clamp(margin + energy(x, y_pos) - energy(x, y_neg), min=0).mean())
print(F.softmin(E, dim=1)[0], torch.nn.Softmin(dim=1)(E).sum(1))
