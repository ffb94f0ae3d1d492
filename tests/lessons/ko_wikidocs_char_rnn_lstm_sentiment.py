# Imitates the Korean wikidocs book "PyTorch로 시작하는 딥 러닝 입문" (유원준/안상준): 문자 단위 RNN (Char RNN) over a
# longer sentence with sliding windows (sequence_length 10, one-hot inputs, nn.RNN with 2 layers, decoding the
# predictions back into a string), and 다 대 일 (many-to-one) 감성 분류 with nn.LSTM on padded batches: pad with 0,
# keep the lengths, take the last real hidden state (gather / pack_padded_sequence), BCEWithLogitsLoss.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.nn.utils.rnn import pad_sequence, pack_padded_sequence, pad_packed_sequence

# %%
sentence = ("if you want to build a ship, don't drum up people together to ")
sentence = "배를 만들고 싶다면, 사람들에게 목재를 모으게 하지 말고 끝없는 바다를 동경하게 하라."
char_set = list(set(sentence)) # 중복을 제거한 문자 집합 생성
char_set.sort()
char_dic = {c: i for i, c in enumerate(char_set)} # 각 문자에 정수 인코딩
print(char_dic) # 공백도 여기서는 하나의 원소
dic_size = len(char_dic)
print('문자 집합의 크기 : {}'.format(dic_size))

# %%
# 하이퍼파라미터 설정
hidden_size = dic_size
sequence_length = 10  # 임의 숫자 지정
learning_rate = 0.1

# 데이터 구성
x_data = []
y_data = []
for i in range(0, len(sentence) - sequence_length):
    x_str = sentence[i:i + sequence_length]
    y_str = sentence[i + 1: i + sequence_length + 1]
    if i < 3:
        print(i, x_str, '->', y_str)
    x_data.append([char_dic[c] for c in x_str])  # x str to index
    y_data.append([char_dic[c] for c in y_str])  # y str to index
print(len(x_data), x_data[0], y_data[0])

# %%
x_one_hot = [np.eye(dic_size)[x] for x in x_data] # x 데이터는 원-핫 인코딩
X = torch.FloatTensor(np.array(x_one_hot))
Y = torch.LongTensor(y_data)
print('훈련 데이터의 크기 : {}'.format(X.shape))
print('레이블의 크기 : {}'.format(Y.shape))
print(X[0])
print(Y[0])

# %%
class Net(torch.nn.Module):
    def __init__(self, input_dim, hidden_dim, layers): # 현재 hidden_size는 dic_size와 같음.
        super(Net, self).__init__()
        self.rnn = torch.nn.RNN(input_dim, hidden_dim, num_layers=layers, batch_first=True)
        self.fc = torch.nn.Linear(hidden_dim, hidden_dim, bias=True)

    def forward(self, x):
        x, _status = self.rnn(x)
        x = self.fc(x)
        return x

torch.manual_seed(0)
net = Net(dic_size, hidden_size, 2) # 이번에는 층을 두 개 쌓습니다.
criterion = torch.nn.CrossEntropyLoss()
optimizer = optim.Adam(net.parameters(), learning_rate)
outputs = net(X)
print(outputs.shape) # 3차원 텐서
print(outputs.view(-1, dic_size).shape) # 2차원 텐서
print(Y.shape)
print(Y.view(-1).shape)

# %%
for i in range(60):
    optimizer.zero_grad()
    outputs = net(X) # (샘플 수, 입력 시퀀스 길이, 은닉층 크기) 크기의 텐서
    loss = criterion(outputs.view(-1, dic_size), Y.view(-1))
    loss.backward()
    optimizer.step()

    # results의 텐서 크기는 (샘플 수, 입력 시퀀스 길이)
    results = outputs.argmax(dim=2)
    predict_str = ""
    for j, result in enumerate(results):
        if j == 0: # 처음에는 예측 결과를 전부 가져오지만
            predict_str += ''.join([char_set[t] for t in result])
        else: # 그 다음에는 마지막 글자만 반복 추가
            predict_str += char_set[result[-1]]
    if i % 15 == 14:
        print(i, '{:.4f}'.format(loss.item()), predict_str)

# %%
# 다 대 일 감성 분류: 긍정(1) / 부정(0)
texts = ['이 영화 정말 재밌다', '배우 연기 최고', '시간 아까운 영화', '정말 지루하고 별로다 최악', '최고 재밌다']
labels = [1, 1, 0, 0, 1]
vocab = {'<pad>': 0, '<unk>': 1}
for t in texts:
    for w in t.split():
        if w not in vocab:
            vocab[w] = len(vocab)
print(len(vocab), list(vocab.items())[:6])
seqs = [torch.LongTensor([vocab.get(w, 1) for w in t.split()]) for t in texts]
lengths = torch.LongTensor([len(s) for s in seqs])
padded = pad_sequence(seqs, batch_first=True, padding_value=0)
print(padded)
print(lengths, padded.shape, padded.dtype)
y = torch.FloatTensor(labels)

# %%
class SentimentLSTM(nn.Module):
    def __init__(self, vocab_size, embed_dim, hidden_dim):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_dim, padding_idx=0)
        self.lstm = nn.LSTM(embed_dim, hidden_dim, batch_first=True)
        self.fc = nn.Linear(hidden_dim, 1)

    def forward(self, x, lengths):
        emb = self.embedding(x)
        out, (h_n, c_n) = self.lstm(emb)
        # 패딩 전 마지막 시점의 은닉 상태를 꺼낸다
        idx = (lengths - 1).view(-1, 1, 1).expand(-1, 1, out.size(2))
        last = out.gather(1, idx).squeeze(1)
        return self.fc(last).squeeze(-1), out, h_n

torch.manual_seed(1)
model = SentimentLSTM(len(vocab), 4, 6)
logits, out, h_n = model(padded, lengths)
print(out.shape, h_n.shape)
print(logits)
print(torch.allclose(out[:, -1], h_n[0]))
print(torch.allclose(out[3, -1], h_n[0, 3]))

# %%
packed = pack_padded_sequence(model.embedding(padded), lengths, batch_first=True, enforce_sorted=False)
print(type(packed).__name__, packed.batch_sizes)
packed_out, (h_p, c_p) = model.lstm(packed)
unpacked, out_lens = pad_packed_sequence(packed_out, batch_first=True)
print(unpacked.shape, out_lens)
last = unpacked[torch.arange(len(lengths)), lengths - 1]
print(torch.allclose(last, h_p[0], atol=1e-6))
print(unpacked[0, -1])
try:
    pack_padded_sequence(padded, lengths, batch_first=True)
except Exception as e:
    print(type(e).__name__, e)

# %%
criterion = nn.BCEWithLogitsLoss()
optimizer = optim.Adam(model.parameters(), lr=0.05)
for epoch in range(31):
    logits, _, _ = model(padded, lengths)
    loss = criterion(logits, y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if epoch % 10 == 0:
        acc = ((logits > 0).float() == y).float().mean()
        print('Epoch {:3d} Cost: {:.6f} Acc: {:.2f}'.format(epoch, loss.item(), acc.item()))

# %%
def predict(text):
    x = torch.LongTensor([[vocab.get(w, 1) for w in text.split()]])
    with torch.no_grad():
        logit, _, _ = model(x, torch.LongTensor([x.size(1)]))
    p = torch.sigmoid(logit).item()
    return '긍정' if p > 0.5 else '부정', round(p, 3)

print(predict('정말 재밌다'))
print(predict('최악 지루하고 아까운 영화'))
print(model.embedding.weight.grad[0])
try:
    criterion(logits, torch.LongTensor(labels))
except Exception as e:
    print(type(e).__name__, e)
