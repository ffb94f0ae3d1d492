# Imitates 刘二大人《PyTorch深度学习实践》 lectures 12-13: 循环神经网络 homework (the 'hello' -> 'ohlol' example again
# with nn.LSTM and nn.GRU in place of nn.RNN, Embedding + batch_first) and 循环神经网络高级篇 (the name -> country
# classifier: make_tensors padding names into a LongTensor sorted by length, RNNClassifier with Embedding,
# bidirectional GRU over pack_padded_sequence, torch.cat([hidden[-1], hidden[-2]], dim=1), trainModel/testModel
# printing time_since and 'Test set: Accuracy %d/%d %.2f%%'), in a small in-memory names list instead of the CSV.
import math
import torch
from torch.nn.utils.rnn import pack_padded_sequence

# %%
idx2char = ['e', 'h', 'l', 'o']
x_data = [[1, 0, 2, 2, 3]]
y_data = [3, 1, 2, 3, 2]
inputs = torch.LongTensor(x_data)
labels = torch.LongTensor(y_data)

class Model(torch.nn.Module):
    def __init__(self, kind):
        super(Model, self).__init__()
        self.emb = torch.nn.Embedding(4, 10)
        self.rnn = getattr(torch.nn, kind)(input_size=10, hidden_size=8, num_layers=2, batch_first=True)
        self.fc = torch.nn.Linear(8, 4)

    def forward(self, x):
        x = self.emb(x)
        x, _ = self.rnn(x)
        x = self.fc(x)
        return x.view(-1, 4)

for kind in ['LSTM', 'GRU']:
    torch.manual_seed(0)
    net = Model(kind)
    criterion = torch.nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(net.parameters(), lr=0.05)
    for epoch in range(10):
        optimizer.zero_grad()
        outputs = net(inputs)
        loss = criterion(outputs, labels)
        loss.backward()
        optimizer.step()
        _, idx = outputs.max(dim=1)
        idx = idx.data.numpy()
        if epoch % 3 == 0:
            print(kind, 'Predicted: ', ''.join([idx2char[x] for x in idx]), end='')
            print(', Epoch [%d/10] loss = %.3f' % (epoch + 1, loss.item()))
print(net.rnn)
print([(n, tuple(p.shape)) for n, p in net.rnn.named_parameters()][:4])
out, h = net.rnn(net.emb(inputs))
out.shape, h.shape

# %%
try:
    Model('LSTM').rnn(torch.randn(1, 5, 10), torch.zeros(2, 1, 8))
except Exception as e:
    print(type(e).__name__, e)
try:
    Model('GRU').rnn(torch.randn(1, 5, 10), torch.zeros(1, 1, 8))
except Exception as e:
    print(type(e).__name__, e)
try:
    Model('GRU').rnn(torch.randn(1, 5, 9))
except Exception as e:
    print(type(e).__name__, e)
try:
    Model('GRU').emb(torch.Tensor([[1, 0, 2]]))
except Exception as e:
    print(type(e).__name__, e)
try:
    Model('GRU').emb(torch.LongTensor([[1, 0, 4]]))
except Exception as e:
    print(type(e).__name__, e)
torch.manual_seed(0)
cell = torch.nn.GRUCell(4, 3)
print(cell(torch.randn(2, 4)).shape, cell)
try:
    cell(torch.randn(2, 4), torch.zeros(3, 3))
except Exception as e:
    print(type(e).__name__, e)
torch.nn.LSTMCell(4, 3)(torch.randn(2, 4))[1].shape

# %%
HIDDEN_SIZE = 16
BATCH_SIZE = 4
N_LAYER = 2
N_EPOCHS = 3
N_CHARS = 128
names = ["Adsit", "Ajdrna", "Zhang", "Li", "Wang", "Nakamura", "Tanaka", "Rossi", "Bianchi", "Ivanov",
         "Petrov", "Smith", "Brown", "Chen", "Sato", "Esposito"]
countries_of = ["Czech", "Czech", "Chinese", "Chinese", "Chinese", "Japanese", "Japanese", "Italian", "Italian",
                "Russian", "Russian", "English", "English", "Chinese", "Japanese", "Italian"]
country_list = list(sorted(set(countries_of)))
country_dict = {c: i for i, c in enumerate(country_list)}
N_COUNTRY = len(country_list)
print(country_list, N_COUNTRY)

def name2list(name):
    arr = [ord(c) for c in name]
    return arr, len(arr)

def make_tensors(names, countries):
    sequences_and_lengths = [name2list(name) for name in names]
    name_sequences = [sl[0] for sl in sequences_and_lengths]
    seq_lengths = torch.LongTensor([sl[1] for sl in sequences_and_lengths])
    countries = countries.long()
    seq_tensor = torch.zeros(len(name_sequences), seq_lengths.max()).long()
    for idx, (seq, seq_len) in enumerate(zip(name_sequences, seq_lengths), 0):
        seq_tensor[idx, :seq_len] = torch.LongTensor(seq)
    seq_lengths, perm_idx = seq_lengths.sort(dim=0, descending=True)
    seq_tensor = seq_tensor[perm_idx]
    countries = countries[perm_idx]
    return seq_tensor, seq_lengths, countries

class RNNClassifier(torch.nn.Module):
    def __init__(self, input_size, hidden_size, output_size, n_layers=1, bidirectional=True):
        super(RNNClassifier, self).__init__()
        self.hidden_size = hidden_size
        self.n_layers = n_layers
        self.n_directions = 2 if bidirectional else 1
        self.embedding = torch.nn.Embedding(input_size, hidden_size)
        self.gru = torch.nn.GRU(hidden_size, hidden_size, n_layers, bidirectional=bidirectional)
        self.fc = torch.nn.Linear(hidden_size * self.n_directions, output_size)

    def _init_hidden(self, batch_size):
        hidden = torch.zeros(self.n_layers * self.n_directions, batch_size, self.hidden_size)
        return hidden

    def forward(self, input, seq_lengths):
        input = input.t()
        batch_size = input.size(1)
        hidden = self._init_hidden(batch_size)
        embedding = self.embedding(input)
        gru_input = pack_padded_sequence(embedding, seq_lengths)
        output, hidden = self.gru(gru_input, hidden)
        if self.n_directions == 2:
            hidden_cat = torch.cat([hidden[-1], hidden[-2]], dim=1)
        else:
            hidden_cat = hidden[-1]
        fc_output = self.fc(hidden_cat)
        return fc_output

torch.manual_seed(0)
classifier = RNNClassifier(N_CHARS, HIDDEN_SIZE, N_COUNTRY, N_LAYER)
criterion = torch.nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(classifier.parameters(), lr=0.01)
countries_all = torch.tensor([country_dict[c] for c in countries_of])

def time_since(since):
    s = 65.0
    m = math.floor(s / 60)
    s -= m * 60
    return '%dm %ds' % (m, s)

def trainModel(epoch):
    total_loss = 0
    for i in range(0, len(names), BATCH_SIZE):
        batch_names = names[i:i + BATCH_SIZE]
        inputs, seq_lengths, target = make_tensors(batch_names, countries_all[i:i + BATCH_SIZE])
        output = classifier(inputs, seq_lengths)
        loss = criterion(output, target)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total_loss += loss.item()
        if i // BATCH_SIZE % 2 == 1:
            print(f'[{time_since(0)}] Epoch {epoch} ', end='')
            print(f'[{i + BATCH_SIZE}/{len(names)}] ', end='')
            print(f'loss={total_loss / (i + BATCH_SIZE)}')
    return total_loss

def testModel():
    correct = 0
    total = len(names)
    print("evaluating trained model ...")
    with torch.no_grad():
        inputs, seq_lengths, target = make_tensors(names, countries_all)
        output = classifier(inputs, seq_lengths)
        pred = output.max(dim=1, keepdim=True)[1]
        correct += pred.eq(target.view_as(pred)).sum().item()
    percent = '%.2f' % (100 * correct / total)
    print(f'Test set: Accuracy {correct}/{total} {percent}%')
    return correct / total

acc_list = []
for epoch in range(1, N_EPOCHS + 1):
    trainModel(epoch)
    acc = testModel()
    acc_list.append(acc)
inputs, seq_lengths, target = make_tensors(names[:4], countries_all[:4])
print(inputs, seq_lengths, target)
packed = pack_padded_sequence(classifier.embedding(inputs.t()), seq_lengths)
print(type(packed).__name__, packed.data.shape, packed.batch_sizes)
classifier

# %%
inputs, seq_lengths, target = make_tensors(["Li", "Zhang", "Rossi"], torch.tensor([0, 0, 1]))
try:
    pack_padded_sequence(classifier.embedding(inputs.t()), torch.LongTensor([2, 5, 5]))
except Exception as e:
    print(type(e).__name__, e)
try:
    pack_padded_sequence(classifier.embedding(inputs.t()), seq_lengths.float().tolist() + [1.0])
except Exception as e:
    print(type(e).__name__, e)
try:
    classifier(inputs.float(), seq_lengths)
except Exception as e:
    print(type(e).__name__, e)
p = pack_padded_sequence(classifier.embedding(inputs), [2, 5, 5], batch_first=True, enforce_sorted=False)
print(p.sorted_indices, p.unsorted_indices, p.batch_sizes)
out, h = classifier.gru(p)
print(h.shape, out.data.shape)
torch.nn.utils.rnn.pad_packed_sequence(out, batch_first=True)[1]
