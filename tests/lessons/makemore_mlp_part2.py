# Imitates Karpathy's makemore part 2 (MLP, Bengio et al. 2003): build_dataset with block_size context, the
# embedding table C indexed by X, emb.view(-1, 6), tanh hidden layer, F.cross_entropy vs the manual counts/prob
# version, minibatches with torch.randint, a learning-rate sweep with lre = torch.linspace(-3, 0, n), sampling.
import torch
import torch.nn.functional as F
import random

# %%
words = ["emma", "olivia", "ava", "isabella", "sophia", "charlotte", "mia", "amelia", "harper", "evelyn",
         "abigail", "emily", "ella", "elizabeth", "camila", "luna", "sofia", "avery", "mila", "aria"]
print(len(words), max(len(w) for w in words))
chars = sorted(list(set(''.join(words))))
stoi = {s: i + 1 for i, s in enumerate(chars)}
stoi['.'] = 0
itos = {i: s for s, i in stoi.items()}
vocab_size = len(itos)
print(itos)

# %%
block_size = 3
def build_dataset(words):
    X, Y = [], []
    for w in words:
        context = [0] * block_size
        for ch in w + '.':
            ix = stoi[ch]
            X.append(context)
            Y.append(ix)
            context = context[1:] + [ix]
    X = torch.tensor(X)
    Y = torch.tensor(Y)
    print(X.shape, Y.shape)
    return X, Y

random.seed(42)
random.shuffle(words)
n1 = int(0.8 * len(words))
n2 = int(0.9 * len(words))
Xtr, Ytr = build_dataset(words[:n1])
Xdev, Ydev = build_dataset(words[n1:n2])
Xte, Yte = build_dataset(words[n2:])
print(Xtr[:5], Ytr[:5])

# %%
torch.manual_seed(0)
C = torch.randn((vocab_size, 2))
print(C[5])
print(F.one_hot(torch.tensor(5), num_classes=vocab_size).float() @ C)
print(C[[5, 6, 7]], C[torch.tensor([5, 6, 7, 7, 7])].shape)
emb = C[Xtr]
print(emb.shape)

# %%
W1 = torch.randn((6, 100))
b1 = torch.randn(100)
print(torch.cat([emb[:, 0, :], emb[:, 1, :], emb[:, 2, :]], 1).shape)
print(torch.cat(torch.unbind(emb, 1), 1).shape)
a = torch.arange(18)
print(a.view(2, 9), a.view(3, 3, 2).shape, a.storage().size() if hasattr(a, "storage") else None)
h = torch.tanh(emb.view(-1, 6) @ W1 + b1)
print(h.shape)

# %%
W2 = torch.randn((100, vocab_size))
b2 = torch.randn(vocab_size)
logits = h @ W2 + b2
counts = logits.exp()
prob = counts / counts.sum(1, keepdims=True)
print(prob.shape, prob[0].sum())
loss = -prob[torch.arange(emb.shape[0]), Ytr].log().mean()
print(loss)
print(F.cross_entropy(logits, Ytr))

# %%
g = torch.Generator().manual_seed(2147483647)
C = torch.randn((vocab_size, 10), generator=g)
W1 = torch.randn((30, 50), generator=g)
b1 = torch.randn(50, generator=g)
W2 = torch.randn((50, vocab_size), generator=g)
b2 = torch.randn(vocab_size, generator=g)
parameters = [C, W1, b1, W2, b2]
print(sum(p.nelement() for p in parameters))
for p in parameters:
    p.requires_grad = True

# %%
lre = torch.linspace(-3, 0, 10)
lrs = 10**lre
print(lrs)
lri, lossi, stepi = [], [], []
torch.manual_seed(0)
for i in range(20):
    ix = torch.randint(0, Xtr.shape[0], (8,))
    emb = C[Xtr[ix]]
    h = torch.tanh(emb.view(-1, 30) @ W1 + b1)
    logits = h @ W2 + b2
    loss = F.cross_entropy(logits, Ytr[ix])
    for p in parameters:
        p.grad = None
    loss.backward()
    lr = lrs[i // 2]
    for p in parameters:
        p.data += -lr * p.grad
    lri.append(lre[i // 2])
    stepi.append(i)
    lossi.append(loss.log10().item())
print(lossi[-3:])
print(C.grad.shape, C.grad.abs().sum() > 0)

# %%
@torch.no_grad()
def split_loss(split):
    x, y = {'train': (Xtr, Ytr), 'val': (Xdev, Ydev), 'test': (Xte, Yte)}[split]
    emb = C[x]
    h = torch.tanh(emb.view(emb.shape[0], -1) @ W1 + b1)
    logits = h @ W2 + b2
    loss = F.cross_entropy(logits, y)
    print(split, loss.item())

split_loss('train')
split_loss('val')

# %%
g = torch.Generator().manual_seed(2147483647 + 10)
for _ in range(5):
    out = []
    context = [0] * block_size
    while True:
        emb = C[torch.tensor([context])]
        h = torch.tanh(emb.view(1, -1) @ W1 + b1)
        logits = h @ W2 + b2
        probs = F.softmax(logits, dim=1)
        ix = torch.multinomial(probs, num_samples=1, generator=g).item()
        context = context[1:] + [ix]
        out.append(ix)
        if ix == 0 or len(out) > 12:
            break
    print(''.join(itos[i] for i in out))

# %%
print(C.data[:2])
print(torch.randint(0, 10, (3,), generator=g), torch.rand(2, generator=g))
print(g.initial_seed(), torch.initial_seed())
