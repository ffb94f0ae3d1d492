# Imitates Rao & McMahan, "Natural Language Processing with PyTorch" (joosthub/PyTorchNLPBook), chapter 5
# "Embedding Words and Types": nn.Embedding with padding_idx=0, pretrained embeddings made from a numpy matrix
# (torch.from_numpy(...).float(), the _weight= argument, xavier_uniform_ for unknown words) and freezing them, the
# CBOW classifier summing context embeddings, nearest words by distance, and the AG-News classifier with Conv1d over
# embeddings pooled to length 1 (avg_pool1d / max_pool1d, squeeze(dim=2)), on a tiny synthetic vocabulary.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(1337)
np.random.seed(1337)
words = ["<MASK>", "<UNK>", "the", "cat", "sat", "on", "mat", "dog", "ran", "far"]
word_to_index = {w: i for i, w in enumerate(words)}


# %%
emb = nn.Embedding(num_embeddings=len(words), embedding_dim=4, padding_idx=0)
print(emb)
print(emb.weight[0], emb.weight.shape)
x_in = torch.tensor([[2, 3, 4, 0, 0], [7, 8, 9, 5, 0]])
out = emb(x_in)
print(out.shape, out[0, 3])
out.sum().backward()
print(emb.weight.grad[0], emb.weight.grad[2])
print(nn.Embedding(5, 2, padding_idx=-1).padding_idx)
for bad in [lambda: nn.Embedding(5, 2, padding_idx=5), lambda: nn.Embedding(5, 2, padding_idx=-6),
            lambda: emb(torch.tensor([[10]])), lambda: emb(torch.tensor([[1.0]])),
            lambda: emb(torch.tensor([-1]))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
def make_embedding_matrix(glove_words, glove_vectors, words):
    embedding_size = glove_vectors.shape[1]
    final_embeddings = np.zeros((len(words), embedding_size))
    for i, word in enumerate(words):
        if word in glove_words:
            final_embeddings[i, :] = glove_vectors[glove_words.index(word)]
        else:
            embedding_i = torch.ones(1, embedding_size)
            torch.nn.init.xavier_uniform_(embedding_i)
            final_embeddings[i, :] = embedding_i
    return final_embeddings


glove_words = ["the", "cat", "sat", "mat", "dog"]
glove_vectors = np.round(np.random.randn(len(glove_words), 4), 3)
embeddings = make_embedding_matrix(glove_words, glove_vectors, words)
print(embeddings.dtype, embeddings.shape)
pretrained_embeddings = torch.from_numpy(embeddings).float()
print(pretrained_embeddings.dtype, pretrained_embeddings[2:4])
emb = nn.Embedding(embedding_dim=4, num_embeddings=len(words), padding_idx=0, _weight=pretrained_embeddings)
print(emb.weight.requires_grad, type(emb.weight).__name__, emb.weight[0])
emb.weight.requires_grad = False
print(emb(torch.tensor([3, 0])).requires_grad)
frozen = nn.Embedding.from_pretrained(pretrained_embeddings, freeze=True, padding_idx=0)
print(frozen, frozen.weight.requires_grad, frozen(torch.tensor([0, 3])))
try:
    nn.Embedding(3, 4, _weight=pretrained_embeddings)
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.Embedding.from_pretrained(pretrained_embeddings[0])
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.Embedding(len(words), 4, _weight=torch.from_numpy(embeddings))(torch.tensor([1]))
except Exception as e:
    print(type(e).__name__, e)

# %%
def get_closest(target_word, embeddings, n=3):
    word_embedding = embeddings[word_to_index[target_word]]
    distances = []
    for word, index in word_to_index.items():
        if word == "<MASK>" or word == target_word:
            continue
        distances.append((word, torch.dist(word_embedding, embeddings[index])))
    results = sorted(distances, key=lambda x: x[1])[:n]
    return results


for word, dist in get_closest("cat", pretrained_embeddings):
    print("[%.2f] - %s" % (dist, word))
print(F.cosine_similarity(pretrained_embeddings[3:4], pretrained_embeddings[2:6]))
print(torch.dist(pretrained_embeddings[3], pretrained_embeddings[4], p=1))

# %%
class CBOWClassifier(nn.Module):
    def __init__(self, vocabulary_size, embedding_size, padding_idx=0):
        super(CBOWClassifier, self).__init__()
        self.embedding = nn.Embedding(num_embeddings=vocabulary_size, embedding_dim=embedding_size,
                                      padding_idx=padding_idx)
        self.fc1 = nn.Linear(in_features=embedding_size, out_features=vocabulary_size)

    def forward(self, x_in, apply_softmax=False):
        x_embedded_sum = F.dropout(self.embedding(x_in).sum(dim=1), 0.3)
        y_out = self.fc1(x_embedded_sum)
        if apply_softmax:
            y_out = F.softmax(y_out, dim=1)
        return y_out


def compute_accuracy(y_pred, y_target):
    _, y_pred_indices = y_pred.max(dim=1)
    n_correct = torch.eq(y_pred_indices, y_target).sum().item()
    return n_correct / len(y_pred_indices) * 100


context = torch.tensor([[2, 3, 5, 6], [7, 8, 0, 0], [2, 7, 4, 0]])
target = torch.tensor([4, 9, 5])
cbow = CBOWClassifier(vocabulary_size=len(words), embedding_size=5)
optimizer = optim.Adam(cbow.parameters(), lr=0.01)
for epoch in range(3):
    optimizer.zero_grad()
    y_pred = cbow(context)
    loss = F.cross_entropy(y_pred, target)
    loss.backward()
    optimizer.step()
    print(epoch, round(loss.item(), 5), compute_accuracy(y_pred, target))
print(cbow.embedding.weight.grad[0], cbow.embedding.weight.grad[4])
cbow.eval()
print(cbow(context, apply_softmax=True).max(dim=1))

# %%
class NewsClassifier(nn.Module):
    def __init__(self, embedding_size, num_embeddings, num_channels, hidden_dim, num_classes, dropout_p,
                 pretrained_embeddings=None, padding_idx=0):
        super(NewsClassifier, self).__init__()
        if pretrained_embeddings is None:
            self.emb = nn.Embedding(embedding_dim=embedding_size, num_embeddings=num_embeddings,
                                    padding_idx=padding_idx)
        else:
            pretrained_embeddings = torch.from_numpy(pretrained_embeddings).float()
            self.emb = nn.Embedding(embedding_dim=embedding_size, num_embeddings=num_embeddings,
                                    padding_idx=padding_idx, _weight=pretrained_embeddings)
        self.convnet = nn.Sequential(
            nn.Conv1d(in_channels=embedding_size, out_channels=num_channels, kernel_size=3),
            nn.ELU(),
            nn.Conv1d(in_channels=num_channels, out_channels=num_channels, kernel_size=3, stride=2),
            nn.ELU(),
            nn.Conv1d(in_channels=num_channels, out_channels=num_channels, kernel_size=3, stride=2),
            nn.ELU(),
        )
        self._dropout_p = dropout_p
        self.fc1 = nn.Linear(num_channels, hidden_dim)
        self.fc2 = nn.Linear(hidden_dim, num_classes)

    def forward(self, x_in, apply_softmax=False):
        x_embedded = self.emb(x_in).permute(0, 2, 1)
        features = self.convnet(x_embedded)
        remaining_size = features.size(dim=2)
        features = F.avg_pool1d(features, remaining_size).squeeze(dim=2)
        features = F.dropout(features, p=self._dropout_p)
        intermediate_vector = F.relu(F.dropout(self.fc1(features), p=self._dropout_p))
        prediction_vector = self.fc2(intermediate_vector)
        if apply_softmax:
            prediction_vector = F.softmax(prediction_vector, dim=1)
        return prediction_vector


titles = torch.tensor([[2, 3, 4, 5, 6, 0, 0, 0, 0, 0, 0],
                       [7, 8, 9, 2, 3, 4, 5, 0, 0, 0, 0],
                       [2, 7, 8, 0, 0, 0, 0, 0, 0, 0, 0]])
categories = torch.tensor([0, 1, 2])
news = NewsClassifier(embedding_size=4, num_embeddings=len(words), num_channels=6, hidden_dim=5, num_classes=3,
                      dropout_p=0.1, pretrained_embeddings=embeddings)
print(news.emb.weight[2], news.emb.weight.requires_grad)
print(news.convnet(news.emb(titles).permute(0, 2, 1)).shape)
optimizer = optim.Adam(news.parameters(), lr=0.001)
for epoch in range(2):
    optimizer.zero_grad()
    y_pred = news(titles)
    loss = F.cross_entropy(y_pred, categories)
    loss.backward()
    optimizer.step()
    print(epoch, round(loss.item(), 5), compute_accuracy(y_pred, categories))
print(news.emb.weight.grad[0], news.emb.weight.grad.shape)

# %%
features = torch.randn(2, 3, 5)
print(F.avg_pool1d(features, features.size(dim=2)))
print(F.max_pool1d(features, features.size(dim=2)).squeeze(dim=2))
print(F.max_pool1d(features, 5, return_indices=True))
print(F.avg_pool1d(features, 2), F.avg_pool1d(features, 2, ceil_mode=True).shape)
print(F.adaptive_max_pool1d(features, 1).squeeze(dim=2))
print(features.size(dim=-1), features.size(2), features.size())
for bad in [lambda: features.size(dim=3), lambda: F.avg_pool1d(features, 6),
            lambda: F.max_pool1d(features, 0), lambda: F.avg_pool1d(features[0, 0], 2),
            lambda: F.max_pool1d(features, 3, padding=2)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
