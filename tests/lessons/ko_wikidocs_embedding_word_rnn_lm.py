# Imitates the Korean wikidocs book "PyTorch로 시작하는 딥 러닝 입문" (유원준/안상준), NLP chapters: 단어 집합 만들기
# (str.split, collections.Counter, <pad>/<unk> indices), 원-핫 벡터 vs 워드 임베딩 (nn.Embedding lookups,
# padding_idx), and 단어 단위 RNN 언어 모델 (nn.RNN batch_first, CrossEntropyLoss over view(-1, vocab_size), argmax
# decoding joined back into Korean words), with a Korean toy sentence in place of "Repeat is the best medicine".
from collections import Counter
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

# %%
train_data = '나는 사과를 좋아하고 너는 바나나를 좋아하고 우리는 사과를 먹는다'
# 띄어쓰기 단위로 토큰화
tokens = train_data.split()
print(tokens)
word_count = Counter(tokens)
print(word_count)
print(word_count.most_common(3))

# %%
# 빈도수 순으로 정렬하고 1부터 인덱스 부여 (0은 패딩, 1은 unk)
vocab = sorted(word_count, key=word_count.get, reverse=True)
word_to_index = {'<pad>': 0, '<unk>': 1}
word_to_index.update({word: index + 2 for index, word in enumerate(vocab)})
index_to_word = {index: word for word, index in word_to_index.items()}
print(word_to_index)
print('단어 집합의 크기 : {}'.format(len(word_to_index)))

# %%
def encode(sentence):
    return [word_to_index.get(w, word_to_index['<unk>']) for w in sentence.split()]

print(encode('나는 사과를 먹는다'))
print(encode('나는 딸기를 먹는다'))
encoded = [encode(s) for s in ['나는 사과를 먹는다', '너는 바나나를']]
max_len = max(len(l) for l in encoded)
padded = np.array([l + [0] * (max_len - len(l)) for l in encoded])
print(padded)

# %%
# 원-핫 벡터
vocab_size = len(word_to_index)
one_hot = F.one_hot(torch.LongTensor(encode('나는 사과를 먹는다')), num_classes=vocab_size)
print(one_hot)
print(one_hot.dtype, one_hot.shape)

# %%
# 룩업 테이블을 직접 만들기
torch.manual_seed(0)
embedding_table = torch.FloatTensor([
                               [ 0.0,  0.0,  0.0],
                               [ 0.0,  0.0,  0.0],
                               [ 0.2,  0.9,  0.3],
                               [ 0.1,  0.5,  0.7],
                               [ 0.2,  0.1,  0.8],
                               [ 0.4,  0.1,  0.1],
                               [ 0.1,  0.8,  0.9],
                               [ 0.6,  0.1,  0.1],
                               [ 0.3,  0.3,  0.3]])
sample = '너는 바나나를 좋아하고 싶다'.split()
idxes = []
for word in sample:
    try:
        idxes.append(word_to_index[word])
    except KeyError:
        idxes.append(word_to_index['<unk>'])
idxes = torch.LongTensor(idxes)
lookup_result = embedding_table[idxes, :]
print(lookup_result)
print(torch.equal(one_hot.float() @ embedding_table, embedding_table[encode('나는 사과를 먹는다')]))

# %%
embedding_layer = nn.Embedding(num_embeddings=len(word_to_index), embedding_dim=3, padding_idx=0)
print(embedding_layer)
print(embedding_layer.weight)
out = embedding_layer(torch.LongTensor(padded))
print(out.shape)
print(out[1, -1])
out.sum().backward()
print(embedding_layer.weight.grad)

# %%
try:
    embedding_layer(torch.LongTensor([[3, 9]]))
except Exception as e:
    print(type(e).__name__, e)
try:
    embedding_layer(torch.FloatTensor([[3, 4]]))
except Exception as e:
    print(type(e).__name__, e)

# %%
# 단어 단위 RNN 언어 모델: 다음 단어 예측
def build_data(sentence, word_to_index):
    encoded = [word_to_index[token] for token in sentence.split()]
    input_seq, label_seq = encoded[:-1], encoded[1:]
    input_seq = torch.LongTensor(input_seq).unsqueeze(0)
    label_seq = torch.LongTensor(label_seq).unsqueeze(0)
    return input_seq, label_seq

X, Y = build_data(train_data, word_to_index)
print(X)
print(Y)

# %%
class Net(nn.Module):
    def __init__(self, vocab_size, input_size, hidden_size, batch_first=True):
        super(Net, self).__init__()
        self.embedding_layer = nn.Embedding(num_embeddings=vocab_size, embedding_dim=input_size)
        self.rnn_layer = nn.RNN(input_size, hidden_size, batch_first=batch_first)
        self.linear = nn.Linear(hidden_size, vocab_size)

    def forward(self, x):
        # 1. 임베딩 층  크기변화: (배치 크기, 시퀀스 길이) => (배치 크기, 시퀀스 길이, 임베딩 차원)
        output = self.embedding_layer(x)
        # 2. RNN 층  크기변화: (배치 크기, 시퀀스 길이, 임베딩 차원) => output (배치 크기, 시퀀스 길이, 은닉층 크기)
        output, hidden = self.rnn_layer(output)
        # 3. 최종 출력층  크기변화: => (배치 크기, 시퀀스 길이, 단어장 크기)
        output = self.linear(output)
        # 4. view를 통해서 배치 차원 제거  크기변화: => (배치 크기*시퀀스 길이, 단어장 크기)
        return output.view(-1, output.size(2))

torch.manual_seed(0)
vocab_size = len(word_to_index)
input_size = 5
hidden_size = 20
model = Net(vocab_size, input_size, hidden_size, batch_first=True)
loss_function = nn.CrossEntropyLoss()
optimizer = optim.Adam(params=model.parameters())
output = model(X)
print(output.shape)
print(output[:2])

# %%
decode = lambda y: [index_to_word.get(x) for x in y]
for step in range(101):
    optimizer.zero_grad()
    output = model(X)
    loss = loss_function(output, Y.view(-1))
    loss.backward()
    optimizer.step()
    if step % 20 == 0:
        print("[{:02d}/101] {:.4f} ".format(step + 1, loss))
        pred = output.softmax(-1).argmax(-1).tolist()
        print(" ".join(["나는"] + decode(pred)))
        print()

# %%
print(model.rnn_layer.weight_hh_l0.grad.norm())
print(output.argmax(dim=1))
with torch.no_grad():
    probs = F.softmax(model(X), dim=-1)
print(probs.sum(dim=1))
print(probs.max(dim=1))
