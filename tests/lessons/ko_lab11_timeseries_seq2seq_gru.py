# 모두를 위한 딥러닝 시즌2 (Deep Learning Zero To All, season 2) PyTorch lab-11-4 timeseries and lab-11-5 seq2seq:
# stock-like daily data (open/high/low/volume/close) scaled by a hand-written MinMaxScaler with numpy, build_dataset
# sliding windows, nn.LSTM + nn.Linear on the last step, MSELoss, printed predictions; then the seq2seq lab's GRU
# encoder/decoder translating English to Korean toy sentences ("I feel hungry." -> "나는 배가 고프다.") with SOS/EOS
# tokens, a Vocab class, and teacher forcing.
import random
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim

# %%
torch.manual_seed(0)
np.random.seed(0)
random.seed(0)
# hyper parameters
seq_length = 7
data_dim = 5
hidden_dim = 10
output_dim = 1
learning_rate = 0.01
iterations = 200

# 주가 데이터 흉내: open, high, low, volume, close
days = np.arange(60, dtype=np.float64)
close = 800 + 20 * np.sin(days / 6) + np.random.randn(60) * 3
xy = np.stack([close - 1, close + 4, close - 5, 1e6 + 1e5 * np.cos(days / 5), close], axis=1)
xy = xy[::-1]  # reverse order (chronically ordered)
print(xy.shape, xy.dtype)
print(np.round(xy[:2], 2))

# %%
# split data
train_size = int(len(xy) * 0.7)
train_set = xy[0:train_size]
test_set = xy[train_size - seq_length:]

def minmax_scaler(data):
    numerator = data - np.min(data, 0)
    denominator = np.max(data, 0) - np.min(data, 0)
    return numerator / (denominator + 1e-7)

train_set = minmax_scaler(train_set)
test_set = minmax_scaler(test_set)
print(train_set.shape, test_set.shape)
print(np.round(train_set.min(0), 4), np.round(train_set.max(0), 4))

# %%
# make dataset to input
def build_dataset(time_series, seq_length):
    dataX = []
    dataY = []
    for i in range(0, len(time_series) - seq_length):
        _x = time_series[i:i + seq_length, :]
        _y = time_series[i + seq_length, [-1]]  # Next close price
        if i < 2:
            print(_x.shape, "->", _y)
        dataX.append(_x)
        dataY.append(_y)
    return np.array(dataX), np.array(dataY)

trainX, trainY = build_dataset(train_set, seq_length)
testX, testY = build_dataset(test_set, seq_length)
# convert to tensor
trainX_tensor = torch.FloatTensor(trainX)
trainY_tensor = torch.FloatTensor(trainY)
testX_tensor = torch.FloatTensor(testX)
testY_tensor = torch.FloatTensor(testY)
print(trainX_tensor.shape, trainY_tensor.shape, testX_tensor.shape, testY_tensor.dtype)
print(torch.from_numpy(trainX).dtype)

# %%
class Net(torch.nn.Module):
    def __init__(self, input_dim, hidden_dim, output_dim, layers):
        super(Net, self).__init__()
        self.rnn = torch.nn.LSTM(input_dim, hidden_dim, num_layers=layers, batch_first=True)
        self.fc = torch.nn.Linear(hidden_dim, output_dim, bias=True)

    def forward(self, x):
        x, _status = self.rnn(x)
        x = self.fc(x[:, -1])
        return x

net = Net(data_dim, hidden_dim, output_dim, 1)
print(net)
# loss & optimizer setting
criterion = torch.nn.MSELoss()
optimizer = optim.Adam(net.parameters(), lr=learning_rate)

# %%
for i in range(iterations):
    optimizer.zero_grad()
    outputs = net(trainX_tensor)
    loss = criterion(outputs, trainY_tensor)
    loss.backward()
    optimizer.step()
    if i % 50 == 0:
        print(i, loss.item())

# %%
with torch.no_grad():
    pred = net(testX_tensor)
print(pred.shape)
print(pred[:5].view(-1))
print(testY_tensor[:5].view(-1))
print(criterion(pred, testY_tensor).item() < 1)
try:
    criterion(pred.view(-1), testY_tensor)
except Exception as e:
    print(type(e).__name__, e)
try:
    net(torch.from_numpy(testX))
except Exception as e:
    print(type(e).__name__, e)

# %%
# lab-11-5 seq2seq
raw = ["I feel hungry.	나는 배가 고프다.",
       "Pytorch is very easy.	파이토치는 매우 쉽다.",
       "Pytorch is a framework for deep learning.	파이토치는 딥러닝을 위한 프레임워크이다.",
       "Pytorch is very clear to use.	파이토치는 사용하기 매우 직관적이다."]

# fix token for "start of sentence" and "end of sentence"
SOS_token = 0
EOS_token = 1

# class for vocabulary related information of data
class Vocab:
    def __init__(self):
        self.vocab2index = {"<SOS>": SOS_token, "<EOS>": EOS_token}
        self.index2vocab = {SOS_token: "<SOS>", EOS_token: "<EOS>"}
        self.vocab_count = {}
        self.n_vocab = len(self.vocab2index)

    def add_vocab(self, sentence):
        for word in sentence.split(" "):
            if word not in self.vocab2index:
                self.vocab2index[word] = self.n_vocab
                self.vocab_count[word] = 1
                self.index2vocab[self.n_vocab] = word
                self.n_vocab += 1
            else:
                self.vocab_count[word] += 1

# filter out the long sentence from source and target data
def filter_pair(pair, source_max_length, target_max_length):
    return len(pair[0].split(" ")) < source_max_length and len(pair[1].split(" ")) < target_max_length

def preprocess(corpus, source_max_length, target_max_length):
    print("reading corpus...")
    pairs = []
    for line in corpus:
        pairs.append([s for s in line.strip().lower().split("\t")])
    print("Read {} sentence pairs".format(len(pairs)))

    pairs = [pair for pair in pairs if filter_pair(pair, source_max_length, target_max_length)]
    print("Trimmed to {} sentence pairs".format(len(pairs)))

    source_vocab = Vocab()
    target_vocab = Vocab()

    print("Counting words...")
    for pair in pairs:
        source_vocab.add_vocab(pair[0])
        target_vocab.add_vocab(pair[1])
    print("source vocab size =", source_vocab.n_vocab)
    print("target vocab size =", target_vocab.n_vocab)

    return pairs, source_vocab, target_vocab

SOURCE_MAX_LENGTH = 10
TARGET_MAX_LENGTH = 12
load_pairs, load_source_vocab, load_target_vocab = preprocess(raw, SOURCE_MAX_LENGTH, TARGET_MAX_LENGTH)
print(random.choice(load_pairs))
print(load_target_vocab.index2vocab)

# %%
# declare simple encoder
class Encoder(nn.Module):
    def __init__(self, input_size, hidden_size):
        super(Encoder, self).__init__()
        self.hidden_size = hidden_size
        self.embedding = nn.Embedding(input_size, hidden_size)
        self.gru = nn.GRU(hidden_size, hidden_size)

    def forward(self, x, hidden):
        x = self.embedding(x).view(1, 1, -1)
        x, hidden = self.gru(x, hidden)
        return x, hidden

# declare simple decoder
class Decoder(nn.Module):
    def __init__(self, hidden_size, output_size):
        super(Decoder, self).__init__()
        self.hidden_size = hidden_size
        self.embedding = nn.Embedding(output_size, hidden_size)
        self.gru = nn.GRU(hidden_size, hidden_size)
        self.out = nn.Linear(hidden_size, output_size)
        self.softmax = nn.LogSoftmax(dim=1)

    def forward(self, x, hidden):
        x = self.embedding(x).view(1, 1, -1)
        x, hidden = self.gru(x, hidden)
        x = self.softmax(self.out(x[0]))
        return x, hidden

# convert sentence to the index tensor
def tensorize(vocab, sentence):
    indexes = [vocab.vocab2index[word] for word in sentence.split(" ")]
    indexes.append(vocab.vocab2index["<EOS>"])
    return torch.Tensor(indexes).long().view(-1, 1)

print(tensorize(load_target_vocab, load_pairs[0][1]))
enc = Encoder(load_source_vocab.n_vocab, 8)
print(enc)
print(enc(torch.tensor([2]), torch.zeros(1, 1, 8))[1].shape)

# %%
# training seq2seq
def train(pairs, source_vocab, target_vocab, encoder, decoder, n_iter, print_every=1000, learning_rate=0.01):
    loss_total = 0
    encoder_optimizer = optim.SGD(encoder.parameters(), lr=learning_rate)
    decoder_optimizer = optim.SGD(decoder.parameters(), lr=learning_rate)

    training_batch = [random.choice(pairs) for _ in range(n_iter)]
    training_source = [tensorize(source_vocab, pair[0]) for pair in training_batch]
    training_target = [tensorize(target_vocab, pair[1]) for pair in training_batch]

    criterion = nn.NLLLoss()

    for i in range(1, n_iter + 1):
        source_tensor = training_source[i - 1]
        target_tensor = training_target[i - 1]

        encoder_hidden = torch.zeros([1, 1, encoder.hidden_size])

        encoder_optimizer.zero_grad()
        decoder_optimizer.zero_grad()

        source_length = source_tensor.size(0)
        target_length = target_tensor.size(0)

        loss = 0

        for enc_input in range(source_length):
            _, encoder_hidden = encoder(source_tensor[enc_input], encoder_hidden)

        decoder_input = torch.Tensor([[SOS_token]]).long()
        decoder_hidden = encoder_hidden # connect encoder output to decoder input

        for di in range(target_length):
            decoder_output, decoder_hidden = decoder(decoder_input, decoder_hidden)
            loss += criterion(decoder_output, target_tensor[di])
            decoder_input = target_tensor[di]  # teacher forcing

        loss.backward()

        encoder_optimizer.step()
        decoder_optimizer.step()

        loss_iter = loss.item() / target_length
        loss_total += loss_iter

        if i % print_every == 0:
            loss_avg = loss_total / print_every
            loss_total = 0
            print("[{} - {}%] loss = {:05.4f}".format(i, i / n_iter * 100, loss_avg))

enc_hidden_size = 16
dec_hidden_size = enc_hidden_size
torch.manual_seed(0)
random.seed(0)
enc = Encoder(load_source_vocab.n_vocab, enc_hidden_size)
dec = Decoder(dec_hidden_size, load_target_vocab.n_vocab)
train(load_pairs, load_source_vocab, load_target_vocab, enc, dec, 400, print_every=100, learning_rate=0.1)

# %%
# evaluate the result
def evaluate(pairs, source_vocab, target_vocab, encoder, decoder, target_max_length):
    for pair in pairs:
        print(">", pair[0])
        print("=", pair[1])
        source_tensor = tensorize(source_vocab, pair[0])
        source_length = source_tensor.size()[0]
        encoder_hidden = torch.zeros([1, 1, encoder.hidden_size])

        for ei in range(source_length):
            _, encoder_hidden = encoder(source_tensor[ei], encoder_hidden)

        decoder_input = torch.Tensor([[SOS_token]]).long()
        decoder_hidden = encoder_hidden
        decoded_words = []

        for di in range(target_max_length):
            decoder_output, decoder_hidden = decoder(decoder_input, decoder_hidden)
            _, top_index = decoder_output.data.topk(1)
            if top_index.item() == EOS_token:
                decoded_words.append("<EOS>")
                break
            else:
                decoded_words.append(target_vocab.index2vocab[top_index.item()])

            decoder_input = top_index.squeeze().detach()

        predict_words = decoded_words
        predict_sentence = " ".join(predict_words)
        print("<", predict_sentence)
        print("")

evaluate(load_pairs, load_source_vocab, load_target_vocab, enc, dec, TARGET_MAX_LENGTH)

# %%
# teacher forcing with a ratio, on one pair
teacher_forcing_ratio = 0.5
source_tensor = tensorize(load_source_vocab, load_pairs[1][0])
target_tensor = tensorize(load_target_vocab, load_pairs[1][1])
hidden = torch.zeros(1, 1, enc_hidden_size)
for t in range(source_tensor.size(0)):
    _, hidden = enc(source_tensor[t], hidden)
decoder_input = torch.tensor([[SOS_token]])
loss = 0
random.seed(3)
used = []
for di in range(target_tensor.size(0)):
    out, hidden = dec(decoder_input, hidden)
    loss = loss + nn.NLLLoss()(out, target_tensor[di])
    use_tf = random.random() < teacher_forcing_ratio
    used.append(use_tf)
    decoder_input = target_tensor[di] if use_tf else out.argmax(1).detach()
print(used, type(loss).__name__, loss.grad_fn)
loss.backward()
print(dec.out.weight.grad.shape, enc.embedding.weight.grad.abs().sum() > 0)
try:
    dec(torch.tensor([[SOS_token]]), torch.zeros(1, 16))
except Exception as e:
    print(type(e).__name__, e)
try:
    dec(torch.tensor([[SOS_token]]), torch.zeros(2, 1, 16))
except Exception as e:
    print(type(e).__name__, e)
