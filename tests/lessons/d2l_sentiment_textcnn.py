# Imitates d2l.ai (PyTorch edition) "Sentiment Analysis: Using Convolutional Neural Networks": corr1d and
# corr1d_multi_in from scratch checked against nn.Conv1d, max-over-time pooling with nn.AdaptiveMaxPool1d, the
# TextCNN with a trainable and a constant embedding concatenated on the channel axis, one Conv1d per kernel size,
# squeeze of the pooled features, dropout and the decoder; then the mistakes a learner makes (forgetting the
# permute, pooling a 2-D tensor, a kernel wider than the sentence) and a short training loop.
import torch
from torch import nn

torch.manual_seed(0)

def corr1d(X, K):
    w = K.shape[0]
    Y = torch.zeros((X.shape[0] - w + 1))
    for i in range(Y.shape[0]):
        Y[i] = (X[i: i + w] * K).sum()
    return Y

X, K = torch.tensor([0, 1, 2, 3, 4, 5, 6]), torch.tensor([1, 2])
print(corr1d(X, K))

def corr1d_multi_in(X, K):
    return sum(corr1d(x, k) for x, k in zip(X, K))

X = torch.tensor([[0, 1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6, 7], [2, 3, 4, 5, 6, 7, 8]])
K = torch.tensor([[1, 2], [3, 4], [-1, -3]])
print(corr1d_multi_in(X, K))
conv = nn.Conv1d(3, 1, kernel_size=2, bias=False)
conv.weight.data = K.float().reshape(1, 3, 2)
print(conv(X.float().unsqueeze(0)))
try:
    conv(X.unsqueeze(0))
except Exception as e:
    print(type(e).__name__, e)

# %%
pool = nn.AdaptiveMaxPool1d(1)
print(pool)
x = torch.tensor([[[1., 5., 2.], [0., -1., 3.]]], requires_grad=True)
y = pool(x)
print(y, y.shape)
y.sum().backward()
print(x.grad)
pool_i = nn.AdaptiveMaxPool1d(2, return_indices=True)
print(pool_i(torch.arange(10.).reshape(1, 2, 5)))
print(nn.AdaptiveMaxPool1d(3)(torch.arange(7.).reshape(1, 7)))
print(nn.functional.adaptive_max_pool1d(torch.arange(6.).reshape(1, 1, 6), 4))
for bad in [lambda: pool(torch.ones(2, 3, 4, 5)), lambda: nn.AdaptiveMaxPool1d((1, 2))(torch.ones(1, 2, 3)),
            lambda: nn.AdaptiveMaxPool1d(1)(torch.ones(1, 2, 0)), lambda: nn.AdaptiveMaxPool1d(0)(torch.ones(1, 2, 3))]:
    try:
        print(bad().shape)
    except Exception as e:
        print(type(e).__name__, e)

# %%
class TextCNN(nn.Module):
    def __init__(self, vocab_size, embed_size, kernel_sizes, num_channels, **kwargs):
        super(TextCNN, self).__init__(**kwargs)
        self.embedding = nn.Embedding(vocab_size, embed_size)
        self.constant_embedding = nn.Embedding(vocab_size, embed_size)
        self.dropout = nn.Dropout(0.5)
        self.decoder = nn.Linear(sum(num_channels), 2)
        self.pool = nn.AdaptiveAvgPool1d(1)
        self.pool = nn.AdaptiveMaxPool1d(1)
        self.relu = nn.ReLU()
        self.convs = nn.ModuleList()
        for c, k in zip(num_channels, kernel_sizes):
            self.convs.append(nn.Conv1d(2 * embed_size, c, k))

    def forward(self, inputs):
        embeddings = torch.cat((self.embedding(inputs), self.constant_embedding(inputs)), dim=2)
        embeddings = embeddings.permute(0, 2, 1)
        encoding = torch.cat([torch.squeeze(self.relu(self.pool(conv(embeddings))), dim=-1)
                              for conv in self.convs], dim=1)
        outputs = self.decoder(self.dropout(encoding))
        return outputs

vocab_size, embed_size, kernel_sizes, nums_channels = 12, 4, [3, 4, 5], [3, 3, 2]
net = TextCNN(vocab_size, embed_size, kernel_sizes, nums_channels)

def init_weights(m):
    if type(m) in (nn.Linear, nn.Conv1d):
        nn.init.xavier_uniform_(m.weight)

net.apply(init_weights)
print(net)
glove = torch.randn(vocab_size, embed_size)
net.embedding.weight.data.copy_(glove)
net.constant_embedding.weight.data.copy_(glove)
net.constant_embedding.weight.requires_grad = False
X = torch.randint(0, vocab_size, (4, 7))
net.eval()
print(net(X).shape, net(X).grad_fn)
emb = torch.cat((net.embedding(X), net.constant_embedding(X)), dim=2)
print(emb.shape, emb.permute(0, 2, 1).shape, emb.permute(0, 2, 1).is_contiguous())
feats = [net.pool(conv(emb.permute(0, 2, 1))) for conv in net.convs]
print([f.shape for f in feats], [f.grad_fn for f in feats])
print(torch.squeeze(feats[0], dim=-1).shape, feats[0].squeeze().shape, torch.squeeze(feats[0][:1]).shape)

# %%
for bad in [lambda: net.convs[0](emb), lambda: net.convs[2](emb.permute(0, 2, 1)[:, :, :4]),
            lambda: net(X.float()), lambda: net(torch.tensor([[1, 2, 3]])),
            lambda: net.pool(emb.permute(0, 2, 1)[0]).shape]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
net.train()
trainer = torch.optim.Adam(net.parameters(), lr=0.01)
loss = nn.CrossEntropyLoss(reduction="none")
y = torch.tensor([0, 1, 1, 0])
for epoch in range(3):
    trainer.zero_grad()
    l = loss(net(X), y)
    l.sum().backward()
    trainer.step()
    print(epoch, l.shape, f'{l.mean().item():.4f}')
print(net.constant_embedding.weight.grad, net.embedding.weight.grad.shape)
print(net.convs[0].weight.grad.shape, net.decoder.weight.grad.abs().sum() > 0)
net.eval()
with torch.no_grad():
    pred = net(X).argmax(dim=1)
print(pred.dtype, pred.shape, (pred.type(y.dtype) == y).float().mean().dtype)
