# Imitates Stanford CS224N assignment 3 (Winter 2021-2023), parser_model.py: the ParserModel of Chen & Manning's
# neural dependency parser with the embedding lookup written by hand (self.embeddings[w].view(batch, -1)), weights
# initialised with nn.init.xavier_uniform_, biases with uniform_, a hidden ReLU layer, dropout and logits, then the
# sanity checks of the starter code ("Embedding_lookup sanity check passes!"), at tiny sizes on random data.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
class ParserModel(nn.Module):
    def __init__(self, embeddings, n_features=6, hidden_size=8, n_classes=3, dropout_prob=0.5):
        super(ParserModel, self).__init__()
        self.n_features = n_features
        self.n_classes = n_classes
        self.dropout_prob = dropout_prob
        self.embed_size = embeddings.shape[1]
        self.hidden_size = hidden_size
        self.embeddings = nn.Parameter(torch.tensor(embeddings))

        self.embed_to_hidden_weight = nn.Parameter(torch.empty(self.n_features * self.embed_size, self.hidden_size))
        nn.init.xavier_uniform_(self.embed_to_hidden_weight)
        self.embed_to_hidden_bias = nn.Parameter(torch.empty(self.hidden_size))
        nn.init.uniform_(self.embed_to_hidden_bias)
        self.dropout = nn.Dropout(p=self.dropout_prob)
        self.hidden_to_logits_weight = nn.Parameter(torch.empty(self.hidden_size, self.n_classes))
        nn.init.xavier_uniform_(self.hidden_to_logits_weight)
        self.hidden_to_logits_bias = nn.Parameter(torch.empty(self.n_classes))
        nn.init.uniform_(self.hidden_to_logits_bias)

    def embedding_lookup(self, w):
        x = self.embeddings[w].view(w.shape[0], -1)
        return x

    def forward(self, w):
        x = self.embedding_lookup(w)
        h = F.relu(torch.matmul(x, self.embed_to_hidden_weight) + self.embed_to_hidden_bias)
        logits = torch.matmul(self.dropout(h), self.hidden_to_logits_weight) + self.hidden_to_logits_bias
        return logits

torch.manual_seed(0)
np.random.seed(0)
embeddings = np.zeros((20, 4), dtype=np.float32)
model = ParserModel(embeddings, n_features=6)
print(model)
for name, p in model.named_parameters():
    print(name, tuple(p.shape), p.dtype, p.requires_grad)

# %%
def check_embedding():
    inds = torch.randint(0, 20, (3, 6), dtype=torch.long)
    selected = model.embedding_lookup(inds)
    assert np.all(selected.data.numpy() == 0), "The result of embedding lookup: " + repr(selected) + " contains non-zero elements."

def check_forward():
    inputs = torch.randint(0, 20, (4, 6), dtype=torch.long)
    out = model(inputs)
    expected_out_shape = (4, 3)
    assert out.shape == expected_out_shape, "The result shape of forward is: " + repr(out.shape) + \
        " which doesn't match expected " + repr(expected_out_shape)

check_embedding()
print("Embedding_lookup sanity check passes!")
check_forward()
print("Forward sanity check passes!")

# %%
torch.manual_seed(1)
emb = torch.randn(20, 4).numpy()
model = ParserModel(emb, n_features=6, hidden_size=5)
w = torch.randint(0, 20, (2, 6))
print(w)
x = model.embedding_lookup(w)
print(x.shape, x.grad_fn)
print(x[0, :8])
model.eval()
logits = model(w)
print(logits)
print(logits.argmax(dim=1), logits.argmax(-1).dtype)
model.train()
torch.manual_seed(2)
print(model(w))

# %%
print(model.embed_to_hidden_weight.abs().max() <= (6 / (24 + 5)) ** 0.5)
print(model.embed_to_hidden_bias.min() >= 0, model.embed_to_hidden_bias.max() < 1)
bound = np.sqrt(6 / (24 + 5))
print(round(float(bound), 4))
model.eval()
out = model(w)
loss = F.cross_entropy(out, torch.tensor([0, 2]))
loss.backward()
print(loss)
print(model.embeddings.grad[w[0, 0]].shape, model.embeddings.grad.abs().sum() > 0)
print(model.hidden_to_logits_bias.grad)
print((model.embeddings.grad != 0).any(dim=1).sum(), len(set(w.flatten().tolist())))

# %%
try:
    model.embedding_lookup(torch.tensor([[1.0, 2.0]]))
except Exception as e:
    print(type(e).__name__, e)
try:
    model.embedding_lookup(torch.tensor([[1, 25]]))
except Exception as e:
    print(type(e).__name__, e)
try:
    model(torch.randint(0, 20, (2, 5)))
except Exception as e:
    print(type(e).__name__, e)
try:
    model.embeddings[w].view(3, -1)
except Exception as e:
    print(type(e).__name__, e)
