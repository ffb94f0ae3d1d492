# Imitates Neuromatch Academy Deep Learning W2D3 "Modern RNNs" and W2D4 "Attention and Transformers"
# (NeuromatchAcademy/course-content-dl, tutorials/W2D3_ModernRecurrentNeuralNetworks, W2D4_AttentionAndTransformers):
# an embedding with padding_idx, nn.LSTM / nn.GRU / bidirectional LSTM over packed padded sequences, the
# sentiment classifier's last hidden state, masked_softmax with torch.arange(maxlen)[None, :] < valid_lens[:, None]
# filled with -1e6, the DotProductAttention class with torch.bmm, and MultiHeadAttention with the
# transpose_qkv / transpose_output helpers.
import math
import random
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

def set_seed(seed=None, seed_torch=True):
    if seed is None:
        seed = np.random.choice(2 ** 32)
    random.seed(seed)
    np.random.seed(seed)
    if seed_torch:
        torch.manual_seed(seed)
        torch.backends.cudnn.benchmark = False
        torch.backends.cudnn.deterministic = True
    print(f'Random seed {seed} has been set.')

SEED = 2021
set_seed(SEED)
vocab_size, embed_size, hidden_size = 12, 4, 5
emb = nn.Embedding(vocab_size, embed_size, padding_idx=0)
print(emb, emb.weight[0], emb.padding_idx)
seqs = [torch.tensor([3, 4, 5, 6]), torch.tensor([7, 8]), torch.tensor([9, 10, 11])]
lengths = torch.tensor([len(s) for s in seqs])
padded = pad_sequence(seqs, batch_first=True)
print(padded, lengths)
e = emb(padded)
print(e.shape, e[1, 2:])
e.sum().backward()
print(emb.weight.grad[0], emb.weight.grad[3])

# %%
class LSTM(nn.Module):
    def __init__(self, layers, output_size, hidden_size, vocab_size, embed_size, device='cpu'):
        super(LSTM, self).__init__()
        self.n_layers = layers
        self.output_size = output_size
        self.hidden_size = hidden_size
        self.device = device
        self.word_embeddings = nn.Embedding(vocab_size, embed_size, padding_idx=0)
        self.dropout = nn.Dropout(0.5)
        self.lstm = nn.LSTM(embed_size, hidden_size, num_layers=self.n_layers, batch_first=True)
        self.fc = nn.Linear(self.n_layers * self.hidden_size, output_size)

    def forward(self, input_sentences, lengths=None):
        input = self.word_embeddings(input_sentences).permute(1, 0, 2)
        hidden = (torch.randn(self.n_layers, input.shape[1], self.hidden_size).to(self.device),
                  torch.randn(self.n_layers, input.shape[1], self.hidden_size).to(self.device))
        input = self.dropout(input)
        output, hidden = self.lstm(input.permute(1, 0, 2), hidden)
        h_n = hidden[0].permute(1, 0, 2)
        h_n = h_n.contiguous().view(h_n.shape[0], -1)
        logits = self.fc(h_n)
        return logits

set_seed(SEED)
model = LSTM(2, 2, hidden_size, vocab_size, embed_size)
print(model)
logits = model(padded)
print(logits.shape, logits.grad_fn)
print(sum(p.numel() for p in model.parameters()), [n for n, p in model.lstm.named_parameters()])
loss = F.cross_entropy(logits, torch.tensor([0, 1, 0]))
loss.backward()
print(f"{loss.item():.4f}", model.lstm.weight_hh_l1.grad.shape, model.word_embeddings.weight.grad[0])

# %%
set_seed(SEED)
packed = pack_padded_sequence(emb(padded).detach(), lengths, batch_first=True, enforce_sorted=False)
print(packed.batch_sizes, packed.sorted_indices, packed.unsorted_indices, packed.data.shape)
lstm = nn.LSTM(embed_size, hidden_size, batch_first=True, bidirectional=True)
out, (h, c) = lstm(packed)
print(type(out).__name__, h.shape, c.shape)
unpacked, out_lens = pad_packed_sequence(out, batch_first=True)
print(unpacked.shape, out_lens, unpacked[1, 2:])
print(torch.allclose(unpacked[0, -1, :hidden_size], h[0, 0]), torch.allclose(unpacked[0, 0, hidden_size:], h[1, 0]))
gru = nn.GRU(embed_size, hidden_size, num_layers=2, batch_first=True, dropout=0.0)
out_g, h_g = gru(packed)
print(h_g.shape, h_g.grad_fn is not None, gru)
try:
    pack_padded_sequence(padded, lengths, batch_first=True)
except Exception as e:
    print(type(e).__name__, e)
try:
    lstm(torch.randn(3, 4, 7))
except Exception as e:
    print(type(e).__name__, e)
try:
    lstm(torch.randn(3, 4, embed_size), torch.zeros(2, 3, hidden_size))
except Exception as e:
    print(type(e).__name__, e)

# %%
def masked_softmax(X, valid_lens):
    if valid_lens is None:
        return nn.functional.softmax(X, dim=-1)
    else:
        shape = X.shape
        if valid_lens.dim() == 1:
            valid_lens = torch.repeat_interleave(valid_lens, shape[1])
        else:
            valid_lens = valid_lens.reshape(-1)
        X = sequence_mask(X.reshape(-1, shape[-1]), valid_lens, value=-1e6)
        return nn.functional.softmax(X.reshape(shape), dim=-1)

def sequence_mask(X, valid_len, value=0):
    maxlen = X.size(1)
    mask = torch.arange((maxlen), dtype=torch.float32, device=X.device)[None, :] < valid_len[:, None]
    X[~mask] = value
    return X

set_seed(SEED)
print(masked_softmax(torch.rand(2, 2, 4), torch.tensor([2, 3])))
print(masked_softmax(torch.rand(2, 2, 4), torch.tensor([[1, 3], [2, 4]])))
print(sequence_mask(torch.ones(2, 3), torch.tensor([1, 2])))

class DotProductAttention(nn.Module):
    def __init__(self, dropout, **kwargs):
        super(DotProductAttention, self).__init__(**kwargs)
        self.dropout = nn.Dropout(dropout)
    def forward(self, queries, keys, values, valid_lens=None):
        d = queries.shape[-1]
        scores = torch.bmm(queries, keys.transpose(1, 2)) / math.sqrt(d)
        self.attention_weights = masked_softmax(scores, valid_lens)
        return torch.bmm(self.dropout(self.attention_weights), values)

queries = torch.normal(0, 1, (2, 1, 2))
keys = torch.ones((2, 10, 2))
values = torch.arange(40, dtype=torch.float32).reshape(1, 10, 4).repeat(2, 1, 1)
valid_lens = torch.tensor([2, 6])
attention = DotProductAttention(dropout=0.5)
attention.eval()
print(attention(queries, keys, values, valid_lens))
print(attention.attention_weights.shape, attention.attention_weights.sum(-1))
try:
    torch.bmm(queries, keys)
except Exception as e:
    print(type(e).__name__, e)

# %%
def transpose_qkv(X, num_heads):
    X = X.reshape(X.shape[0], X.shape[1], num_heads, -1)
    X = X.permute(0, 2, 1, 3)
    return X.reshape(-1, X.shape[2], X.shape[3])

def transpose_output(X, num_heads):
    X = X.reshape(-1, num_heads, X.shape[1], X.shape[2])
    X = X.permute(0, 2, 1, 3)
    return X.reshape(X.shape[0], X.shape[1], -1)

class MultiHeadAttention(nn.Module):
    def __init__(self, key_size, query_size, value_size, num_hiddens, num_heads, dropout, bias=False, **kwargs):
        super(MultiHeadAttention, self).__init__(**kwargs)
        self.num_heads = num_heads
        self.attention = DotProductAttention(dropout)
        self.W_q = nn.Linear(query_size, num_hiddens, bias=bias)
        self.W_k = nn.Linear(key_size, num_hiddens, bias=bias)
        self.W_v = nn.Linear(value_size, num_hiddens, bias=bias)
        self.W_o = nn.Linear(num_hiddens, num_hiddens, bias=bias)
    def forward(self, queries, keys, values, valid_lens):
        queries = transpose_qkv(self.W_q(queries), self.num_heads)
        keys = transpose_qkv(self.W_k(keys), self.num_heads)
        values = transpose_qkv(self.W_v(values), self.num_heads)
        if valid_lens is not None:
            valid_lens = torch.repeat_interleave(valid_lens, repeats=self.num_heads, dim=0)
        output = self.attention(queries, keys, values, valid_lens)
        output_concat = transpose_output(output, self.num_heads)
        return self.W_o(output_concat)

set_seed(SEED)
num_hiddens, num_heads = 8, 2
mha = MultiHeadAttention(num_hiddens, num_hiddens, num_hiddens, num_hiddens, num_heads, 0.5)
print(mha.eval())
batch_size, num_queries, num_kvpairs = 2, 4, 6
valid_lens = torch.tensor([3, 2])
X = torch.ones((batch_size, num_queries, num_hiddens))
Y = torch.ones((batch_size, num_kvpairs, num_hiddens))
out = mha(X, Y, Y, valid_lens)
print(out.shape, out.grad_fn)
out.sum().backward()
print(mha.W_q.weight.grad.abs().sum() >= 0, mha.W_o.weight.grad.shape)
print(transpose_qkv(torch.arange(16.).reshape(1, 2, 8), 2))
print(mha.attention.attention_weights[0])

# %%
# a learner's off-by-one: lengths counted with an end-of-sentence token the padded batch does not hold
set_seed(SEED)
tokens = pad_sequence([torch.tensor([3, 4, 5]), torch.tensor([6, 7]), torch.tensor([8])], batch_first=True)
wrong_lengths = (tokens != 0).sum(dim=1) + 1
print(tokens.shape, wrong_lengths)
embedded = emb(tokens)
packed = pack_padded_sequence(embedded, wrong_lengths, batch_first=True)
print(packed.data.shape, packed.batch_sizes, packed.data.grad_fn)
try:
    pad_packed_sequence(packed, batch_first=True)
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.GRU(embed_size, hidden_size, batch_first=True)(packed)
except Exception as e:
    print(type(e).__name__, e)
try:
    packed.data.sum().backward()
except Exception as e:
    print(type(e).__name__, e)
right = pack_padded_sequence(embedded, (tokens != 0).sum(dim=1), batch_first=True)
print(right.batch_sizes, pad_packed_sequence(right, batch_first=True)[1])
