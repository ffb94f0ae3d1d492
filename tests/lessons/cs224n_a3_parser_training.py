# Imitates Stanford CS224N assignment 3 (2019-2023), run.py and parser_transitions.py: the ParserModel variant built
# on nn.Embedding.from_pretrained / nn.Linear, train_for_epoch with Adam and nn.CrossEntropyLoss over minibatches
# of (features, one-hot or index labels), loss_meter bookkeeping, evaluation under torch.no_grad() with argmax and
# the minibatch_parse loop of PartialParse objects (SHIFT, LEFT-ARC, RIGHT-ARC), at tiny sizes on random data.
import math
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

# %%
class ParserModel(nn.Module):
    def __init__(self, embeddings, n_features=4, hidden_size=10, n_classes=3, dropout_prob=0.5):
        super().__init__()
        self.n_features = n_features
        self.pretrained_embeddings = nn.Embedding(embeddings.shape[0], embeddings.shape[1])
        self.pretrained_embeddings.weight = nn.Parameter(torch.tensor(embeddings))
        self.embed_to_hidden = nn.Linear(n_features * embeddings.shape[1], hidden_size)
        nn.init.xavier_uniform_(self.embed_to_hidden.weight, gain=1)
        self.dropout = nn.Dropout(dropout_prob)
        self.hidden_to_logits = nn.Linear(hidden_size, n_classes)
        nn.init.xavier_uniform_(self.hidden_to_logits.weight, gain=1)

    def embedding_lookup(self, t):
        return self.pretrained_embeddings(t).view(t.size(0), -1)

    def forward(self, t):
        embeddings = self.embedding_lookup(t)
        hidden = F.relu(self.embed_to_hidden(embeddings))
        return self.hidden_to_logits(self.dropout(hidden))

torch.manual_seed(0)
np.random.seed(0)
emb = np.random.normal(0, 0.9, (15, 3)).astype('float32')
parser_model = ParserModel(emb)
print(parser_model)
print(parser_model.pretrained_embeddings.weight.dtype, parser_model.pretrained_embeddings.weight.shape)

# %%
train_x = np.random.randint(0, 15, (23, 4))
train_y = np.random.randint(0, 3, 23)
print(train_x.dtype, train_y[:10])

def minibatches(data, batch_size):
    x = np.array([d[0] for d in data])
    y = np.array([d[2] for d in data])
    one_hot = np.zeros((y.size, 3))
    one_hot[np.arange(y.size), y] = 1
    idx = np.arange(len(x))
    for start in range(0, len(x), batch_size):
        sel = idx[start:start + batch_size]
        yield x[sel], one_hot[sel]

class AverageMeter(object):
    def __init__(self):
        self.val = self.avg = self.sum = self.count = 0
    def update(self, val, n=1):
        self.val = val
        self.sum += val * n
        self.count += n
        self.avg = self.sum / self.count

train_data = [(train_x[i], None, train_y[i]) for i in range(len(train_x))]
optimizer = optim.Adam(parser_model.parameters(), lr=0.005)
loss_func = nn.CrossEntropyLoss()

def train_for_epoch(parser, train_data, optimizer, loss_func, batch_size):
    parser.train()
    n_minibatches = math.ceil(len(train_data) / batch_size)
    loss_meter = AverageMeter()
    for i, (train_x, train_y) in enumerate(minibatches(train_data, batch_size)):
        optimizer.zero_grad()
        loss = 0.
        train_x = torch.from_numpy(train_x).long()
        train_y = torch.from_numpy(train_y.nonzero()[1]).long()
        logits = parser(train_x)
        loss = loss_func(logits, train_y)
        loss.backward()
        optimizer.step()
        loss_meter.update(loss.item())
    print("Average Train Loss: {}".format(round(loss_meter.avg, 4)), n_minibatches)
    return loss_meter

for epoch in range(3):
    torch.manual_seed(epoch)
    meter = train_for_epoch(parser_model, train_data, optimizer, loss_func, batch_size=8)
print(parser_model.hidden_to_logits.bias)
print(optimizer.state_dict()['state'][0]['step'], sorted(optimizer.state_dict()['state'][0].keys()))

# %%
parser_model.eval()
with torch.no_grad():
    xb = torch.from_numpy(train_x[:6]).long()
    logits = parser_model(xb)
    pred = logits.argmax(-1)
    print(logits.requires_grad, pred, pred.tolist())
    probs = F.softmax(logits, dim=1)
    print(probs.sum(1), torch.max(probs, 1))
    acc = (pred == torch.from_numpy(train_y[:6])).float().mean()
    print("acc", acc, acc.item() * 100)
    yt = torch.from_numpy(train_y[:6])
    print(yt.dtype, (pred == yt).sum().item())

# %%
class PartialParse(object):
    def __init__(self, sentence):
        self.sentence = sentence
        self.stack = ['ROOT']
        self.buffer = sentence[:]
        self.dependencies = []

    def parse_step(self, transition):
        if transition == "S":
            self.stack.append(self.buffer.pop(0))
        elif transition == "LA":
            dependent = self.stack.pop(-2)
            self.dependencies.append((self.stack[-1], dependent))
        elif transition == "RA":
            dependent = self.stack.pop()
            self.dependencies.append((self.stack[-1], dependent))

def minibatch_parse(sentences, model, batch_size):
    partial_parses = [PartialParse(s) for s in sentences]
    unfinished = partial_parses[:]
    while unfinished:
        batch = unfinished[:batch_size]
        transitions = model.predict(batch)
        for pp, tr in zip(batch, transitions):
            pp.parse_step(tr)
            if len(pp.buffer) == 0 and len(pp.stack) == 1:
                unfinished.remove(pp)
    return [pp.dependencies for pp in partial_parses]

class ModelWrapper(object):
    def __init__(self, parser_model):
        self.parser_model = parser_model
        self.trans = ["S", "LA", "RA"]

    def features(self, pp):
        ids = [len(pp.stack), len(pp.buffer), len(pp.dependencies), len(pp.sentence)]
        return [min(i, 14) for i in ids]

    def predict(self, partial_parses):
        mb_x = [self.features(pp) for pp in partial_parses]
        mb_x = np.array(mb_x).astype('int32')
        mb_x = torch.from_numpy(mb_x).long()
        mb_l = [[len(pp.buffer) > 0, len(pp.stack) >= 3, len(pp.stack) >= 2] for pp in partial_parses]
        with torch.no_grad():
            pred = self.parser_model(mb_x)
        pred = pred.detach().numpy()
        pred = np.argmax(pred + 10000 * np.array(mb_l).astype('float32'), 1)
        return [self.trans[p] for p in pred]

sentences = [["right", "arcs", "only"], ["left", "arcs", "only", "again"], ["a", "b"]]
deps = minibatch_parse(sentences, ModelWrapper(parser_model), 2)
print(deps)
print(all(len(d) == len(s) for d, s in zip(deps, sentences)))

# %%
loss_func = nn.CrossEntropyLoss()
logits = torch.randn(4, 3, requires_grad=True)
for target in [torch.tensor([0, 1, 2, 1]), torch.tensor([[1., 0, 0], [0, 1, 0], [0, 0, 1], [0, 1, 0]])]:
    loss = loss_func(logits, target)
    print(loss)
for bad in [torch.tensor([0, 1, 3, 1]), torch.tensor([0, 1, 2]), torch.tensor([0, 1, 2, 1]).int(),
            torch.tensor([[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 1, 0]]), torch.tensor([0., 1, 2, 1])]:
    try:
        print(loss_func(logits, bad))
    except Exception as e:
        print(type(e).__name__, e)
try:
    parser_model(torch.from_numpy(train_x[:2]))
    print("int64 from numpy ok", torch.from_numpy(train_x[:2]).dtype)
    parser_model(torch.from_numpy(train_x[:2].astype('int32')))
    print("int32 ok")
    parser_model(torch.from_numpy(train_x[:2]).float())
except Exception as e:
    print(type(e).__name__, e)
