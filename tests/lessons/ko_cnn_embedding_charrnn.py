# wikidocs 07 (CNN with output shapes printed layer by layer), 09 (word embeddings: one-hot by hand, nn.Embedding
# with padding_idx from a vocab) and 08 (char-RNN "if you want to build a ship" with sliding windows, one-hot input,
# nn.RNN(batch_first=True), argmax decoding).
import torch
import torch.nn as nn
import numpy as np
import torch.optim as optim

inputs = torch.Tensor(1, 1, 28, 28)
print('텐서의 크기 : {}'.format(inputs.shape))
conv1 = nn.Conv2d(1, 32, 3, padding=1)
print(conv1)
conv2 = nn.Conv2d(32, 64, kernel_size=3, padding=1)
print(conv2)
pool = nn.MaxPool2d(2)
print(pool)
out = conv1(inputs)
print(out.shape)
out = pool(out)
print(out.shape)
out = conv2(out)
print(out.shape)
out = pool(out)
print(out.shape)
print(out.size(0), out.size(1), out.size(2), out.size(3))
out = out.view(out.size(0), -1)
print(out.shape)
fc = nn.Linear(3136, 10)
out = fc(out)
print(out.shape)

# %%
class CNN(torch.nn.Module):
    def __init__(self):
        super(CNN, self).__init__()
        self.layer1 = torch.nn.Sequential(
            torch.nn.Conv2d(1, 32, kernel_size=3, stride=1, padding=1),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d(kernel_size=2, stride=2))
        self.layer2 = torch.nn.Sequential(
            torch.nn.Conv2d(32, 64, kernel_size=3, stride=1, padding=1),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d(kernel_size=2, stride=2))
        self.fc = torch.nn.Linear(7 * 7 * 64, 10, bias=True)
        torch.nn.init.xavier_uniform_(self.fc.weight)

    def forward(self, x):
        out = self.layer1(x)
        out = self.layer2(out)
        out = out.view(out.size(0), -1)
        out = self.fc(out)
        return out

torch.manual_seed(777)
model = CNN()
print(model)
criterion = torch.nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
X = torch.rand(8, 1, 28, 28)
Y = torch.randint(0, 10, (8,))
for epoch in range(3):
    optimizer.zero_grad()
    cost = criterion(model(X), Y)
    cost.backward()
    optimizer.step()
    print('[Epoch: {:>4}] cost = {:>.9}'.format(epoch + 1, cost))
print(sum(p.numel() for p in model.parameters()))

# %%
word_to_index = {'gone': 0, 'say': 1, 'I': 2, 'you': 3, 'need': 4, 'to': 5, 'go': 6, 'cant': 7}
def one_hot_encoding(word, word_to_index):
    one_hot_vector = [0] * (len(word_to_index))
    index = word_to_index[word]
    one_hot_vector[index] = 1
    return one_hot_vector
print(one_hot_encoding("you", word_to_index))
train_data = 'you need to know how to code'
word_set = set(train_data.split())
vocab = {word: i + 2 for i, word in enumerate(sorted(word_set))}
vocab['<unk>'] = 0
vocab['<pad>'] = 1
print(vocab)
embedding_table = torch.FloatTensor([
    [0.0, 0.0, 0.0], [0.0, 0.0, 0.0], [0.2, 0.9, 0.3], [0.1, 0.5, 0.7],
    [0.2, 0.1, 0.8], [0.4, 0.1, 0.1], [0.1, 0.8, 0.9], [0.6, 0.1, 0.1]])
sample = 'you need to run'.split()
idxes = []
for word in sample:
    try:
        idxes.append(vocab[word])
    except KeyError:
        idxes.append(vocab['<unk>'])
idxes = torch.LongTensor(idxes)
lookup_result = embedding_table[idxes, :]
print(lookup_result)
torch.manual_seed(0)
embedding_layer = nn.Embedding(num_embeddings=len(vocab), embedding_dim=3, padding_idx=1)
print(embedding_layer.weight)
print(embedding_layer(idxes))

# %%
sentence = ("if you want to build a ship, don't drum up people together to "
            "collect wood and don't assign them tasks and work, but rather "
            "teach them to long for the endless immensity of the sea.")
char_set = sorted(list(set(sentence)))
char_dic = {c: i for i, c in enumerate(char_set)}
dic_size = len(char_dic)
print(dic_size)
hidden_size = dic_size
sequence_length = 10
learning_rate = 0.1
x_data, y_data = [], []
for i in range(0, len(sentence) - sequence_length):
    x_str = sentence[i:i + sequence_length]
    y_str = sentence[i + 1: i + sequence_length + 1]
    if i < 3:
        print(i, x_str, '->', y_str)
    x_data.append([char_dic[c] for c in x_str])
    y_data.append([char_dic[c] for c in y_str])
print(x_data[0])
print(y_data[0])
x_one_hot = [np.eye(dic_size)[x] for x in x_data]
X = torch.FloatTensor(np.array(x_one_hot))
Y = torch.LongTensor(y_data)
print('훈련 데이터의 크기 : {}'.format(X.shape))
print('레이블의 크기 : {}'.format(Y.shape))
print(X[0][:2])

# %%
class Net(torch.nn.Module):
    def __init__(self, input_dim, hidden_dim, layers):
        super(Net, self).__init__()
        self.rnn = torch.nn.RNN(input_dim, hidden_dim, num_layers=layers, batch_first=True)
        self.fc = torch.nn.Linear(hidden_dim, hidden_dim, bias=True)

    def forward(self, x):
        x, _status = self.rnn(x)
        x = self.fc(x)
        return x

torch.manual_seed(0)
net = Net(dic_size, hidden_size, 2)
criterion = torch.nn.CrossEntropyLoss()
optimizer = optim.Adam(net.parameters(), learning_rate)
outputs = net(X)
print(outputs.shape)
print(outputs.view(-1, dic_size).shape)
print(Y.shape)
print(Y.view(-1).shape)
print(net)
for i in range(60):
    optimizer.zero_grad()
    outputs = net(X)
    loss = criterion(outputs.view(-1, dic_size), Y.view(-1))
    loss.backward()
    optimizer.step()
    results = outputs.argmax(dim=2)
    predict_str = ""
    for j, result in enumerate(results):
        if j == 0:
            predict_str += ''.join([char_set[t] for t in result])
        else:
            predict_str += char_set[result[-1]]
    if i % 20 == 19:
        print(i, f'{loss.item():.4f}', predict_str[:40])
