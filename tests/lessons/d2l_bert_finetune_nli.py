# Imitates d2l.ai (PyTorch edition) "Fine-Tuning BERT for Sequence-Level and Token-Level Applications" and
# "Natural Language Inference: Fine-Tuning BERT" with a tiny randomly initialised encoder instead of the downloaded
# bert.small: get_tokens_and_segments, token + segment + learnable position embeddings, nn.TransformerEncoder with
# src_key_padding_mask built from valid lengths, the [CLS] hidden state through a pooler (Linear + Tanh), the
# BERTClassifier's output MLP, and the train/evaluate loop with clip_grad_norm_ and accuracy by argmax.
import torch
from torch import nn

torch.manual_seed(0)

def get_tokens_and_segments(tokens_a, tokens_b=None):
    tokens = ['<cls>'] + tokens_a + ['<sep>']
    segments = [0] * (len(tokens_a) + 2)
    if tokens_b is not None:
        tokens += tokens_b + ['<sep>']
        segments += [1] * (len(tokens_b) + 1)
    return tokens, segments

pairs = [('a man plays guitar', 'a person plays music', 0), ('the dog runs', 'the cat sleeps', 1),
         ('two kids eat', 'children are eating', 0), ('a woman sings', 'nobody sings', 1),
         ('the sun is up', 'it is day', 2), ('a boy reads', 'a boy sleeps', 1)]
vocab = ['<pad>', '<unk>', '<cls>', '<sep>'] + sorted({w for p, h, _ in pairs for w in (p + ' ' + h).split()})
w2i = {w: i for i, w in enumerate(vocab)}
max_len = 12
all_tokens, all_segments, valid_lens = [], [], []
for p, h, _ in pairs:
    tokens, segments = get_tokens_and_segments(p.split(), h.split())
    valid_lens.append(len(tokens))
    all_tokens.append([w2i[t] for t in tokens] + [w2i['<pad>']] * (max_len - len(tokens)))
    all_segments.append(segments + [0] * (max_len - len(segments)))
all_tokens, all_segments = torch.tensor(all_tokens, dtype=torch.long), torch.tensor(all_segments, dtype=torch.long)
valid_lens = torch.tensor(valid_lens)
labels = torch.tensor([l for _, _, l in pairs])
print(get_tokens_and_segments(['a', 'b'], ['c']))
print(all_tokens.shape, all_segments[1], valid_lens, valid_lens.dtype)

# %%
class BERTEncoder(nn.Module):
    def __init__(self, vocab_size, num_hiddens, ffn_num_hiddens, num_heads, num_blks, dropout, max_len=1000):
        super().__init__()
        self.token_embedding = nn.Embedding(vocab_size, num_hiddens)
        self.segment_embedding = nn.Embedding(2, num_hiddens)
        layer = nn.TransformerEncoderLayer(num_hiddens, num_heads, ffn_num_hiddens, dropout, batch_first=True)
        self.blks = nn.TransformerEncoder(layer, num_blks, enable_nested_tensor=False)
        self.pos_embedding = nn.Parameter(torch.randn(1, max_len, num_hiddens))

    def forward(self, tokens, segments, valid_lens):
        X = self.token_embedding(tokens) + self.segment_embedding(segments)
        X = X + self.pos_embedding[:, :X.shape[1], :]
        mask = torch.arange(X.shape[1])[None, :] >= valid_lens[:, None]
        return self.blks(X, src_key_padding_mask=mask)

class BERTModel(nn.Module):
    def __init__(self, vocab_size, num_hiddens, ffn_num_hiddens, num_heads, num_blks, dropout, max_len=1000):
        super().__init__()
        self.encoder = BERTEncoder(vocab_size, num_hiddens, ffn_num_hiddens, num_heads, num_blks, dropout, max_len)
        self.hidden = nn.Sequential(nn.Linear(num_hiddens, num_hiddens), nn.Tanh())

bert = BERTModel(len(vocab), 8, 16, 2, 2, 0.1, max_len=max_len)
encoded = bert.encoder(all_tokens[:2], all_segments[:2], valid_lens[:2])
print(encoded.shape, encoded.grad_fn)
print(bert.encoder.pos_embedding.shape, sum(p.numel() for p in bert.parameters()))
print([n for n, _ in bert.encoder.named_parameters()][:6])
bert.eval()
with torch.no_grad():
    e1 = bert.encoder(all_tokens[:2], all_segments[:2], valid_lens[:2])
    e2 = bert.encoder(all_tokens[:1, :valid_lens[0]], all_segments[:1, :valid_lens[0]], valid_lens[:1])
print(torch.allclose(e1[0, :valid_lens[0]], e2[0], atol=1e-5), e2.shape)

# %%
class BERTClassifier(nn.Module):
    def __init__(self, bert):
        super(BERTClassifier, self).__init__()
        self.encoder = bert.encoder
        self.hidden = bert.hidden
        self.output = nn.Linear(8, 3)

    def forward(self, inputs):
        tokens_X, segments_X, valid_lens_x = inputs
        encoded_X = self.encoder(tokens_X, segments_X, valid_lens_x)
        return self.output(self.hidden(encoded_X[:, 0, :]))

net = BERTClassifier(bert)
print(net.output, net.hidden)
print(net((all_tokens, all_segments, valid_lens)).shape)
mask = torch.arange(max_len)[None, :] >= valid_lens[:, None]
print(mask.dtype, mask.sum(dim=1))
layer = bert.encoder.blks.layers[0]
for bad in [lambda: bert.encoder.blks(torch.randn(2, 5, 8), src_key_padding_mask=mask[:2]),
            lambda: bert.encoder.blks(torch.randn(2, 12, 8), src_key_padding_mask=mask[:2].long()).shape,
            lambda: bert.encoder.segment_embedding(torch.tensor([0, 2])),
            lambda: net((all_tokens, all_segments.float(), valid_lens))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
def accuracy(y_hat, y):
    if len(y_hat.shape) > 1 and y_hat.shape[1] > 1:
        y_hat = y_hat.argmax(axis=1)
    cmp = y_hat.type(y.dtype) == y
    return float(cmp.type(y.dtype).sum())

torch.manual_seed(1)
trainer = torch.optim.Adam(net.parameters(), lr=1e-3)
loss = nn.CrossEntropyLoss(reduction='none')
for epoch in range(3):
    net.train()
    trainer.zero_grad()
    pred = net((all_tokens, all_segments, valid_lens))
    l = loss(pred, labels)
    l.sum().backward()
    total_norm = nn.utils.clip_grad_norm_(net.parameters(), max_norm=1.0, norm_type=2)
    trainer.step()
    print(epoch, l.shape, f'{l.sum().item() / labels.numel():.4f}', f'{total_norm.item():.4f}',
          accuracy(pred, labels))
print(bert.encoder.segment_embedding.weight.grad.shape, bert.encoder.pos_embedding.grad[0, max_len - 1].abs().sum())
net.eval()
with torch.no_grad():
    pred = net((all_tokens, all_segments, valid_lens))
print(pred.argmax(dim=1).dtype, accuracy(pred, labels) / labels.numel() <= 1.0)
try:
    nn.utils.clip_grad_norm_(net.parameters(), max_norm=1.0, error_if_nonfinite=True, norm_type='fro')
except Exception as e:
    print(type(e).__name__, e)
