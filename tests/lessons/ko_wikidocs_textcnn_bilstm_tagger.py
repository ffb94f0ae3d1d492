# Imitates the Korean wikidocs book "PyTorch로 시작하는 딥 러닝 입문" (유원준/안상준): 1D CNN 텍스트 분류 (Yoon Kim
# style: Conv1d with kernel sizes 2/3/4, max_pool1d over time, torch.cat, dropout) and 양방향 LSTM 개체명 인식 /
# 품사 태깅 (BiLSTM tagger, padded batches, CrossEntropyLoss(ignore_index=0), accuracy excluding padding via masks),
# with Korean toy sentences and tags.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

# %%
sentences = ['이 영화 정말 최고 명작', '배우 연기 별로 최악', '스토리 지루 시간 낭비', '감동 눈물 최고 명작 추천', '최악 낭비']
labels = torch.LongTensor([1, 0, 0, 1, 0])
word_to_index = {'<pad>': 0, '<unk>': 1}
word_to_index.update({w: i + 2 for i, w in enumerate(sorted({w for s in sentences for w in s.split()}))})
max_len = 6
X = torch.LongTensor([[word_to_index[w] for w in s.split()] + [0] * (max_len - len(s.split())) for s in sentences])
print(X)
print(X.shape, len(word_to_index))

# %%
class TextCNN(nn.Module):
    def __init__(self, vocab_size, embed_dim, num_filters, kernel_sizes, num_classes, dropout=0.5):
        super(TextCNN, self).__init__()
        self.embedding = nn.Embedding(vocab_size, embed_dim, padding_idx=0)
        self.convs = nn.ModuleList([nn.Conv1d(embed_dim, num_filters, k) for k in kernel_sizes])
        self.dropout = nn.Dropout(dropout)
        self.fc = nn.Linear(num_filters * len(kernel_sizes), num_classes)

    def forward(self, x):
        # (배치, 길이) -> (배치, 길이, 임베딩) -> (배치, 임베딩, 길이)
        emb = self.embedding(x).permute(0, 2, 1)
        conved = [F.relu(conv(emb)) for conv in self.convs]
        # 시간 축 전체에 대해 최대 풀링
        pooled = [F.max_pool1d(c, c.shape[2]).squeeze(2) for c in conved]
        cat = self.dropout(torch.cat(pooled, dim=1))
        return self.fc(cat)

torch.manual_seed(0)
model = TextCNN(len(word_to_index), 5, 3, [2, 3, 4], 2)
print(model)
print(sum(p.numel() for p in model.parameters() if p.requires_grad))

# %%
emb = model.embedding(X).permute(0, 2, 1)
print(emb.shape, emb.is_contiguous())
for conv in model.convs:
    c = conv(emb)
    p = F.max_pool1d(F.relu(c), c.shape[2])
    print(c.shape, p.shape, p.grad_fn.name())
m, idx = F.max_pool1d(F.relu(model.convs[0](emb)), 5, return_indices=True)
print(idx[0])
try:
    model.convs[0](model.embedding(X))
except Exception as e:
    print(type(e).__name__, e)

# %%
optimizer = optim.Adam(model.parameters(), lr=0.01)
criterion = nn.CrossEntropyLoss()
for epoch in range(1, 41):
    model.train()
    optimizer.zero_grad()
    logits = model(X)
    loss = criterion(logits, labels)
    loss.backward()
    optimizer.step()
    if epoch % 10 == 0:
        model.eval()
        with torch.no_grad():
            pred = model(X).argmax(1)
        acc = (pred == labels).sum().item() / len(labels)
        print(f'Epoch {epoch:02d} | Loss: {loss.item():.4f} | Acc: {acc * 100:.2f}%')

# %%
model.eval()
with torch.no_grad():
    probs = F.softmax(model(X), dim=1)
print(probs)
print(model.dropout.training, model.training)
print(['긍정' if p else '부정' for p in probs.argmax(dim=1).tolist()])

# %%
# 양방향 LSTM 태거: 품사 태깅
tagged = [
    [('나는', 'NP'), ('학교에', 'NNG'), ('간다', 'VV')],
    [('그는', 'NP'), ('밥을', 'NNG'), ('빨리', 'MAG'), ('먹었다', 'VV')],
    [('우리는', 'NP'), ('간다', 'VV')],
]
words = sorted({w for s in tagged for w, _ in s})
tags = sorted({t for s in tagged for _, t in s})
src_vocab = {'<pad>': 0, '<unk>': 1, **{w: i + 2 for i, w in enumerate(words)}}
tag_vocab = {'<pad>': 0, **{t: i + 1 for i, t in enumerate(tags)}}
index_to_tag = {i: t for t, i in tag_vocab.items()}
print(tag_vocab)
L = max(len(s) for s in tagged)
Xs = torch.LongTensor([[src_vocab[w] for w, _ in s] + [0] * (L - len(s)) for s in tagged])
Ys = torch.LongTensor([[tag_vocab[t] for _, t in s] + [0] * (L - len(s)) for s in tagged])
print(Xs)
print(Ys)

# %%
class BiLSTMTagger(nn.Module):
    def __init__(self, vocab_size, tagset_size, embedding_dim=6, hidden_dim=5, num_layers=2):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embedding_dim, padding_idx=0)
        self.lstm = nn.LSTM(embedding_dim, hidden_dim, num_layers=num_layers, batch_first=True, bidirectional=True)
        self.fc = nn.Linear(hidden_dim * 2, tagset_size)

    def forward(self, x):
        embedded = self.embedding(x)
        lstm_out, (hidden, cell) = self.lstm(embedded)
        return self.fc(lstm_out)

torch.manual_seed(3)
tagger = BiLSTMTagger(len(src_vocab), len(tag_vocab))
print(tagger)
out = tagger(Xs)
print(out.shape)
print([(n, tuple(p.shape)) for n, p in tagger.lstm.named_parameters()][:5])

# %%
criterion = nn.CrossEntropyLoss(ignore_index=0)
optimizer = optim.Adam(tagger.parameters(), lr=0.05)
for epoch in range(1, 31):
    optimizer.zero_grad()
    out = tagger(Xs)
    loss = criterion(out.view(-1, out.shape[-1]), Ys.view(-1))
    loss.backward()
    optimizer.step()
    if epoch % 10 == 0:
        mask = Ys != 0
        pred = out.argmax(dim=-1)
        correct = (pred[mask] == Ys[mask]).sum().item()
        print('epoch {:2d} loss {:.4f} acc {}/{} {:.3f}'.format(epoch, loss.item(), correct, mask.sum().item(),
                                                              correct / mask.sum().item()))

# %%
# (배치, 클래스, 길이) 모양으로도 같은 손실
loss_3d = criterion(out.permute(0, 2, 1), Ys)
print(torch.allclose(loss_3d, criterion(out.reshape(-1, out.size(-1)), Ys.reshape(-1))))
print(F.cross_entropy(out.view(-1, out.shape[-1]), Ys.view(-1), ignore_index=0, reduction='none').view(3, 4))
print(F.cross_entropy(out.view(-1, out.shape[-1]), Ys.view(-1), ignore_index=0, reduction='sum'))
try:
    criterion(out, Ys)
except Exception as e:
    print(type(e).__name__, e)
all_pad = torch.zeros(2, dtype=torch.long)
print(criterion(out[0, :2], all_pad))

# %%
with torch.no_grad():
    pred = tagger(Xs).argmax(-1)
for s, p, m in zip(tagged, pred, Xs != 0):
    print(' '.join(f'{w}/{index_to_tag[t]}' for (w, _), t in zip(s, p[m].tolist())))
print(torch.masked_select(pred, Xs != 0))
print(pred.masked_fill(Xs == 0, -1))
