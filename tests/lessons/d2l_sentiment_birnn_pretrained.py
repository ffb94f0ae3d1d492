# Imitates d2l.ai (PyTorch edition) "Sentiment Analysis: Using Recurrent Neural Networks" with the chapter's
# utilities a learner rewrites instead of importing d2l: truncate_pad, load_array, Accumulator, Timer, accuracy,
# evaluate_accuracy_gpu, train_batch_ch13 with clip_grad_norm_, the BiRNN (bidirectional nn.LSTM, first and last
# time steps concatenated), init_weights over LSTM._flat_weights_names, "pretrained" GloVe vectors copied into
# embedding.weight.data with requires_grad = False, DataParallel on a CPU-only machine and predict_sentiment.
import time
import torch
from torch import nn
from torch.utils import data

torch.manual_seed(0)

class Accumulator:
    """For accumulating sums over `n` variables."""
    def __init__(self, n):
        self.data = [0.0] * n
    def add(self, *args):
        self.data = [a + float(b) for a, b in zip(self.data, args)]
    def reset(self):
        self.data = [0.0] * len(self.data)
    def __getitem__(self, idx):
        return self.data[idx]

class Timer:
    def __init__(self):
        self.times = []
        self.start()
    def start(self):
        self.tik = time.time()
    def stop(self):
        self.times.append(time.time() - self.tik)
        return self.times[-1]
    def sum(self):
        return sum(self.times)

def truncate_pad(line, num_steps, padding_token):
    if len(line) > num_steps:
        return line[:num_steps]
    return line + [padding_token] * (num_steps - len(line))

def load_array(data_arrays, batch_size, is_train=True):
    dataset = data.TensorDataset(*data_arrays)
    return data.DataLoader(dataset, batch_size, shuffle=is_train)

reviews = ["this movie is great", "so bad and boring", "i love this film so much", "terrible acting bad plot",
           "great fun", "boring", "what a great great story", "i hate it", "so much fun to watch", "bad bad bad"]
labels = [1, 0, 1, 0, 1, 0, 1, 0, 1, 0]
tokens = [r.split() for r in reviews]
idx_to_token = ['<unk>', '<pad>'] + sorted({t for line in tokens for t in line})
token_to_idx = {t: i for i, t in enumerate(idx_to_token)}
vocab = lambda toks: [token_to_idx.get(t, 0) for t in toks]
num_steps = 6
train_features = torch.tensor([truncate_pad(vocab(line), num_steps, token_to_idx['<pad>']) for line in tokens])
print('# features:', train_features.shape, train_features.dtype)
print(train_features[:3])
train_iter = load_array((train_features, torch.tensor(labels)), 4)
for X, y in train_iter:
    print('X:', X.shape, ', y:', y.shape)
    break
print('# batches:', len(train_iter))

# %%
class BiRNN(nn.Module):
    def __init__(self, vocab_size, embed_size, num_hiddens, num_layers, **kwargs):
        super(BiRNN, self).__init__(**kwargs)
        self.embedding = nn.Embedding(vocab_size, embed_size)
        self.encoder = nn.LSTM(embed_size, num_hiddens, num_layers=num_layers, bidirectional=True)
        self.decoder = nn.Linear(4 * num_hiddens, 2)

    def forward(self, inputs):
        embeddings = self.embedding(inputs.T)
        self.encoder.flatten_parameters()
        outputs, _ = self.encoder(embeddings)
        encoding = torch.cat((outputs[0], outputs[-1]), dim=1)
        outs = self.decoder(encoding)
        return outs

embed_size, num_hiddens, num_layers = 8, 5, 2
net = BiRNN(len(idx_to_token), embed_size, num_hiddens, num_layers)

def init_weights(module):
    if type(module) == nn.Linear:
        nn.init.xavier_uniform_(module.weight)
    if type(module) == nn.LSTM:
        for param in module._flat_weights_names:
            if "weight" in param:
                nn.init.xavier_uniform_(module._parameters[param])

net.apply(init_weights)
print(net)
print(net.encoder._flat_weights_names)
print([(n, tuple(p.shape)) for n, p in net.encoder.named_parameters()][:4])
out = net(train_features[:3])
print(out.shape, out.grad_fn)
emb = net.embedding(train_features[:3].T)
outputs, (h, c) = net.encoder(emb)
print(outputs.shape, h.shape, c.shape)
print(torch.allclose(outputs[-1, :, :num_hiddens], h[-2]), torch.allclose(outputs[0, :, num_hiddens:], h[-1]))

# %%
glove = torch.randn(len(idx_to_token), embed_size)
embeds = glove[torch.tensor(vocab(idx_to_token))]
print(embeds.shape)
net.embedding.weight.data.copy_(embeds)
net.embedding.weight.requires_grad = False
print(net.embedding.weight.requires_grad, net.embedding.weight.grad_fn, net.embedding.weight.is_leaf)
print(torch.equal(net.embedding.weight, glove))
print(sum(p.numel() for p in net.parameters() if p.requires_grad), sum(p.numel() for p in net.parameters()))

# %%
def accuracy(y_hat, y):
    if len(y_hat.shape) > 1 and y_hat.shape[1] > 1:
        y_hat = y_hat.argmax(axis=1)
    cmp = y_hat.type(y.dtype) == y
    return float(cmp.type(y.dtype).sum())

def evaluate_accuracy_gpu(net, data_iter, device=None):
    if isinstance(net, nn.Module):
        net.eval()
        if not device:
            device = next(iter(net.parameters())).device
    metric = Accumulator(2)
    with torch.no_grad():
        for X, y in data_iter:
            if isinstance(X, list):
                X = [x.to(device) for x in X]
            else:
                X = X.to(device)
            y = y.to(device)
            metric.add(accuracy(net(X), y), y.numel())
    return metric[0] / metric[1]

def train_batch_ch13(net, X, y, loss, trainer, devices):
    if isinstance(X, list):
        X = [x.to(devices[0]) for x in X]
    else:
        X = X.to(devices[0])
    y = y.to(devices[0])
    net.train()
    trainer.zero_grad()
    pred = net(X)
    l = loss(pred, y)
    l.sum().backward()
    norm = nn.utils.clip_grad_norm_(net.parameters(), 1.0)
    trainer.step()
    train_loss_sum = l.sum()
    train_acc_sum = accuracy(pred, y)
    return train_loss_sum, train_acc_sum, norm

devices = [torch.device('cpu')]
net = nn.DataParallel(net, device_ids=devices).to(devices[0])
print(type(net).__name__, type(net.module).__name__, net.device_ids)
trainer = torch.optim.Adam(net.parameters(), lr=0.01)
loss = nn.CrossEntropyLoss(reduction="none")
timer, num_batches = Timer(), len(train_iter)
for epoch in range(3):
    metric = Accumulator(4)
    for i, (features, labels_) in enumerate(train_iter):
        timer.start()
        l, acc, norm = train_batch_ch13(net, features, labels_, loss, trainer, devices)
        metric.add(l, acc, labels_.shape[0], labels_.numel())
        timer.stop()
        print(f'  batch {i}: grad norm {norm:.4f} ({norm.dtype}, {norm.shape})')
    test_acc = evaluate_accuracy_gpu(net, train_iter)
    print(f'epoch {epoch + 1}: loss {metric[0] / metric[2]:.3f}, train acc {metric[1] / metric[3]:.3f}, '
          f'test acc {test_acc:.3f}')
print(net.module.embedding.weight.grad)
print(torch.equal(net.module.embedding.weight, glove))
print(timer.sum() >= 0, type(metric[0]).__name__)

# %%
def predict_sentiment(net, vocab, sequence):
    sequence = torch.tensor(vocab(sequence.split()), device=devices[0])
    label = torch.argmax(net(sequence.reshape(1, -1)), dim=1)
    return 'positive' if label == 1 else 'negative'

for s in ['this movie is so great', 'this movie is so bad']:
    print(s, '->', predict_sentiment(net, vocab, s) in ('positive', 'negative'))
seq = torch.tensor(vocab('great fun'.split()))
logits = net(seq.reshape(1, -1))
print(logits.shape, torch.argmax(logits, dim=1).shape, torch.argmax(logits, dim=1).dtype)
print(bool(torch.argmax(logits, dim=1) == 1) in (True, False))
try:
    net(seq)
except Exception as e:
    print(type(e).__name__, e)
