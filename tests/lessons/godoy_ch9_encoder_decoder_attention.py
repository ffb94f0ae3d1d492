# Imitates Daniel Voigt Godoy's "Deep Learning with PyTorch Step-by-Step" (github.com/dvgodoy/PyTorchStepByStep),
# chapter 9 (sequence-to-sequence): a GRU Encoder and a Decoder that keeps its hidden state, an EncoderDecoder with
# teacher forcing (torch.rand() < prob), the Attention module computed by hand (keys/queries/values projections, bmm,
# scaled scores, softmax over the source, a source mask with masked_fill), a subsequent mask with torch.triu, and the
# gradients of a step of training.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

# %%
class Encoder(nn.Module):
    def __init__(self, n_features, hidden_dim):
        super().__init__()
        self.hidden_dim = hidden_dim
        self.n_features = n_features
        self.hidden = None
        self.basic_rnn = nn.GRU(self.n_features, self.hidden_dim, batch_first=True)

    def forward(self, X):
        rnn_out, self.hidden = self.basic_rnn(X)
        return rnn_out

class Decoder(nn.Module):
    def __init__(self, n_features, hidden_dim):
        super().__init__()
        self.hidden_dim = hidden_dim
        self.n_features = n_features
        self.hidden = None
        self.basic_rnn = nn.GRU(self.n_features, self.hidden_dim, batch_first=True)
        self.regression = nn.Linear(self.hidden_dim, self.n_features)

    def init_hidden(self, hidden_seq):
        hidden_final = hidden_seq[:, -1:]
        self.hidden = hidden_final.permute(1, 0, 2)

    def forward(self, X):
        batch_first_output, self.hidden = self.basic_rnn(X, self.hidden)
        last_output = batch_first_output[:, -1:]
        out = self.regression(last_output)
        return out.view(-1, 1, self.n_features)

full_seq = torch.tensor([[-1, -1], [-1, 1], [1, 1], [1, -1]]).float().view(1, 4, 2)
source_seq = full_seq[:, :2]
target_seq = full_seq[:, 2:]
torch.manual_seed(21)
encoder = Encoder(n_features=2, hidden_dim=2)
hidden_seq = encoder(source_seq)
print(hidden_seq, encoder.hidden)
print(torch.equal(hidden_seq[:, -1:], encoder.hidden.permute(1, 0, 2)))
torch.manual_seed(21)
decoder = Decoder(n_features=2, hidden_dim=2)
decoder.init_hidden(hidden_seq)
inputs = source_seq[:, -1:]
target_len = 2
for i in range(target_len):
    print(f'Hidden: {decoder.hidden}')
    out = decoder(inputs)
    print(f'Output: {out}\n')
    inputs = target_seq[:, i:i + 1]

# %%
class EncoderDecoder(nn.Module):
    def __init__(self, encoder, decoder, input_len, target_len, teacher_forcing_prob=0.5):
        super().__init__()
        self.encoder = encoder
        self.decoder = decoder
        self.input_len = input_len
        self.target_len = target_len
        self.teacher_forcing_prob = teacher_forcing_prob
        self.outputs = None

    def init_outputs(self, batch_size):
        device = next(self.parameters()).device
        self.outputs = torch.zeros(batch_size, self.target_len, self.encoder.n_features).to(device)

    def store_output(self, i, out):
        self.outputs[:, i:i + 1, :] = out

    def forward(self, X):
        source_seq = X[:, :self.input_len, :]
        target_seq = X[:, self.input_len:, :]
        self.init_outputs(X.shape[0])
        hidden_seq = self.encoder(source_seq)
        self.decoder.init_hidden(hidden_seq)
        dec_inputs = source_seq[:, -1:, :]
        for i in range(self.target_len):
            out = self.decoder(dec_inputs)
            self.store_output(i, out)
            prob = self.teacher_forcing_prob
            if not self.training:
                prob = 0
            if torch.rand(1) <= prob:
                dec_inputs = target_seq[:, i:i + 1, :]
            else:
                dec_inputs = out
        return self.outputs

encdec = EncoderDecoder(encoder, decoder, input_len=2, target_len=2, teacher_forcing_prob=0.5)
encdec.train()
torch.manual_seed(3)
out = encdec(full_seq)
print(out, out.grad_fn)
encdec.eval()
print(encdec(source_seq))
optimizer = optim.Adam(encdec.parameters(), lr=0.01)
encdec.train()
loss = nn.MSELoss()(encdec(full_seq), target_seq)
loss.backward()
print(loss, encdec.decoder.regression.bias.grad)
print(encdec.encoder.basic_rnn.weight_hh_l0.grad)
optimizer.step()
print(next(encdec.parameters())[0])

# %%
class Attention(nn.Module):
    def __init__(self, hidden_dim, input_dim=None, proj_values=False):
        super().__init__()
        self.d_k = hidden_dim
        self.input_dim = hidden_dim if input_dim is None else input_dim
        self.proj_values = proj_values
        self.linear_query = nn.Linear(self.input_dim, hidden_dim)
        self.linear_key = nn.Linear(self.input_dim, hidden_dim)
        self.linear_value = nn.Linear(self.input_dim, hidden_dim)
        self.alphas = None

    def init_keys(self, keys):
        self.keys = keys
        self.proj_keys = self.linear_key(self.keys)
        self.values = self.linear_value(self.keys) if self.proj_values else self.keys

    def score_function(self, query):
        proj_query = self.linear_query(query)
        dot_products = torch.bmm(proj_query, self.proj_keys.permute(0, 2, 1))
        scores = dot_products / np.sqrt(self.d_k)
        return scores

    def forward(self, query, mask=None):
        scores = self.score_function(query)
        if mask is not None:
            scores = scores.masked_fill(mask == 0, -1e9)
        alphas = F.softmax(scores, dim=-1)
        self.alphas = alphas.detach()
        context = torch.bmm(alphas, self.values)
        return context

torch.manual_seed(17)
full_seq = torch.tensor([[-1, -1], [-1, 1], [1, 1], [1, -1]]).float().view(1, 4, 2)
source_seq = full_seq[:, :2]
query = torch.tensor([[[.55, .95]]])
attnh = Attention(hidden_dim=2)
attnh.init_keys(source_seq)
context = attnh(query)
print(attnh.alphas, context)
print(attnh.score_function(query))
source_mask = (source_seq != 0).all(axis=2).unsqueeze(1)
print(source_mask, source_mask.dtype, source_mask.shape)
padded = torch.cat([source_seq, torch.zeros(1, 1, 2)], dim=1)
pmask = (padded != 0).all(axis=2).unsqueeze(1)
attnh.init_keys(padded)
print(pmask, attnh(query, mask=pmask), attnh.alphas)
try:
    torch.bmm(query, source_seq)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.bmm(query[0], source_seq[0].T)
except Exception as e:
    print(type(e).__name__, e)

# %%
def subsequent_mask(size):
    attn_shape = (1, size, size)
    subsequent_mask = (1 - torch.triu(torch.ones(attn_shape), diagonal=1))
    return subsequent_mask

print(subsequent_mask(3), subsequent_mask(3).dtype)
mask = subsequent_mask(2)
torch.manual_seed(11)
scores = torch.randn(1, 2, 2)
print(scores.masked_fill(mask == 0, -1e9))
print(F.softmax(scores.masked_fill(mask == 0, float('-inf')), dim=-1))
print(torch.triu(torch.ones(3, 3, dtype=torch.bool), diagonal=1), torch.tril(torch.ones(2, 3)))
try:
    scores.masked_fill(mask, 0.0)
except Exception as e:
    print(type(e).__name__, e)
try:
    scores.masked_fill(mask.bool(), torch.tensor([1.0, 2.0]))
except Exception as e:
    print(type(e).__name__, e)
print(scores.masked_fill(mask.bool(), torch.tensor(5.0)))
