# Imitates Raschka, Liu & Mirjalili, "Machine Learning with PyTorch and Scikit-Learn" (rasbt/machine-learning-book),
# ch15: computing nn.RNN's outputs by hand from weight_ih_l0/weight_hh_l0/bias_ih_l0/bias_hh_l0 step by step and
# comparing with the module, the sentiment RNN (nn.Embedding with padding_idx + nn.LSTM over pack_padded_sequence,
# hidden[-1] into a sigmoid head) trained a few steps with BCELoss, and the character-level model: encoding text,
# chunks, an LSTM model with init_hidden, Categorical sampling with a scale factor, and autoregressive generation.
import numpy as np
import torch
import torch.nn as nn
from torch.distributions.categorical import Categorical

torch.manual_seed(1)
rnn_layer = nn.RNN(input_size=5, hidden_size=2, num_layers=1, batch_first=True)
w_xh = rnn_layer.weight_ih_l0
w_hh = rnn_layer.weight_hh_l0
b_xh = rnn_layer.bias_ih_l0
b_hh = rnn_layer.bias_hh_l0
print('W_xh shape:', w_xh.shape)
print('W_hh shape:', w_hh.shape)
print('b_xh shape:', b_xh.shape)
print('b_hh shape:', b_hh.shape)
x_seq = torch.tensor([[1.0] * 5, [2.0] * 5, [3.0] * 5]).float()
output, hn = rnn_layer(torch.reshape(x_seq, (1, 3, 5)))
out_man = []
for t in range(3):
    xt = torch.reshape(x_seq[t], (1, 5))
    print(f'Time step {t} =>')
    print('   Input           :', xt.numpy())
    ht = torch.matmul(xt, torch.transpose(w_xh, 0, 1)) + b_xh
    print('   Hidden          :', ht.detach().numpy())
    if t > 0:
        prev_h = out_man[t-1]
    else:
        prev_h = torch.zeros((ht.shape))
    ot = ht + torch.matmul(prev_h, torch.transpose(w_hh, 0, 1)) + b_hh
    ot = torch.tanh(ot)
    out_man.append(ot)
    print('   Output (manual) :', ot.detach().numpy())
    print('   RNN output      :', output[:, t].detach().numpy())
    print()
print(hn, hn.shape, output.grad_fn)
try:
    rnn_layer(torch.ones(1, 3, 4))
except Exception as e:
    print(type(e).__name__, e)
try:
    rnn_layer(torch.ones(1, 3, 5), torch.zeros(1, 2))
except Exception as e:
    print(type(e).__name__, e)

# %%
from torch.nn.utils.rnn import pack_padded_sequence, pad_sequence
seqs = [torch.tensor([3, 5, 2, 7]), torch.tensor([4, 1]), torch.tensor([6, 2, 8])]
lengths = torch.tensor([len(s) for s in seqs])
padded = pad_sequence(seqs, batch_first=True)
print(padded, lengths)
label = torch.tensor([1.0, 0.0, 1.0])

class RNN(nn.Module):
    def __init__(self, vocab_size, embed_dim, rnn_hidden_size, fc_hidden_size):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_dim, padding_idx=0)
        self.rnn = nn.LSTM(embed_dim, rnn_hidden_size, batch_first=True)
        self.fc1 = nn.Linear(rnn_hidden_size, fc_hidden_size)
        self.relu = nn.ReLU()
        self.fc2 = nn.Linear(fc_hidden_size, 1)
        self.sigmoid = nn.Sigmoid()

    def forward(self, text, lengths):
        out = self.embedding(text)
        out = nn.utils.rnn.pack_padded_sequence(out, lengths.cpu().numpy(), enforce_sorted=False, batch_first=True)
        out, (hidden, cell) = self.rnn(out)
        out = hidden[-1, :, :]
        out = self.fc1(out)
        out = self.relu(out)
        out = self.fc2(out)
        out = self.sigmoid(out)
        return out

torch.manual_seed(1)
model = RNN(10, 4, 6, 5)
print(model)
print(model.embedding(padded)[1, 2:], model.embedding.weight[0])
loss_fn = nn.BCELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
for step in range(3):
    optimizer.zero_grad()
    pred = model(padded, lengths)[:, 0]
    loss = loss_fn(pred, label)
    loss.backward()
    optimizer.step()
    acc = ((pred >= 0.5).float() == label).float().sum().item()
    print(step, round(loss.item(), 4), acc)
print(model.embedding.weight.grad[0], pred)
packed = pack_padded_sequence(model.embedding(padded), lengths, enforce_sorted=False, batch_first=True)
print(packed.batch_sizes, packed.sorted_indices, packed.unsorted_indices, packed.data.shape)
try:
    pack_padded_sequence(padded, lengths, batch_first=True)
except Exception as e:
    print(type(e).__name__, e)
try:
    pack_padded_sequence(padded, lengths.cuda() if False else lengths.float(), batch_first=True, enforce_sorted=False)
except Exception as e:
    print(type(e).__name__, e)

# %%
text = "the island was quiet. the island was dark. the sea was quiet."
char_set = set(text)
chars_sorted = sorted(char_set)
char2int = {ch: i for i, ch in enumerate(chars_sorted)}
char_array = np.array(chars_sorted)
text_encoded = np.array([char2int[ch] for ch in text], dtype=np.int32)
print('Total Length:', len(text))
print('Unique Characters:', len(char_set))
print('Text encoded shape: ', text_encoded.shape)
print(text[:15], '     == Encoding ==> ', text_encoded[:15])
print(text_encoded[15:21], ' == Reverse  ==> ', ''.join(char_array[text_encoded[15:21]]))
seq_length = 8
chunk_size = seq_length + 1
text_chunks = [text_encoded[i:i+chunk_size] for i in range(len(text_encoded) - chunk_size + 1)]
from torch.utils.data import Dataset, DataLoader

class TextDataset(Dataset):
    def __init__(self, text_chunks):
        self.text_chunks = text_chunks

    def __len__(self):
        return len(self.text_chunks)

    def __getitem__(self, idx):
        text_chunk = self.text_chunks[idx]
        return text_chunk[:-1].long(), text_chunk[1:].long()

seq_dataset = TextDataset(torch.tensor(np.array(text_chunks)))
for i, (seq, target) in enumerate(seq_dataset):
    print(' Input (x):', repr(''.join(char_array[seq])))
    print('Target (y):', repr(''.join(char_array[target])))
    print()
    if i == 1:
        break
torch.manual_seed(1)
seq_dl = DataLoader(seq_dataset, batch_size=4, shuffle=True, drop_last=True)
print(len(seq_dl), next(iter(seq_dl))[0].dtype)

# %%
class CharRNN(nn.Module):
    def __init__(self, vocab_size, embed_dim, rnn_hidden_size):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_dim)
        self.rnn_hidden_size = rnn_hidden_size
        self.rnn = nn.LSTM(embed_dim, rnn_hidden_size, batch_first=True)
        self.fc = nn.Linear(rnn_hidden_size, vocab_size)

    def forward(self, x, hidden, cell):
        out = self.embedding(x).unsqueeze(1)
        out, (hidden, cell) = self.rnn(out, (hidden, cell))
        out = self.fc(out).reshape(out.size(0), -1)
        return out, hidden, cell

    def init_hidden(self, batch_size):
        hidden = torch.zeros(1, batch_size, self.rnn_hidden_size)
        cell = torch.zeros(1, batch_size, self.rnn_hidden_size)
        return hidden, cell

vocab_size = len(char_array)
torch.manual_seed(1)
model = CharRNN(vocab_size, 8, 16)
print(model)
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.005)
num_epochs = 20
for epoch in range(num_epochs):
    hidden, cell = model.init_hidden(4)
    seq_batch, target_batch = next(iter(seq_dl))
    optimizer.zero_grad()
    loss = 0
    for c in range(seq_length):
        pred, hidden, cell = model(seq_batch[:, c], hidden, cell)
        loss += loss_fn(pred, target_batch[:, c])
    loss.backward()
    optimizer.step()
    loss = loss.item() / seq_length
    if epoch % 5 == 0:
        print(f'Epoch {epoch} loss: {loss:.4f}')

# %%
torch.manual_seed(1)
logits = torch.tensor([[1.0, 1.0, 1.0]])
print('Probabilities:', nn.functional.softmax(logits, dim=1).numpy()[0])
m = Categorical(logits=logits)
samples = m.sample((10,))
print(samples.numpy())
torch.manual_seed(1)
logits = torch.tensor([[1.0, 1.0, 3.0]])
print('Probabilities:', nn.functional.softmax(logits, dim=1).numpy()[0])
m = Categorical(logits=logits)
samples = m.sample((10,))
print(samples.numpy(), samples.shape)
print(m, m.probs, m.logits, m.entropy(), m.log_prob(torch.tensor([2])))
logits = torch.tensor([1.0, 2.0, 3.0])
print('Probabilities before scaling:        ', nn.functional.softmax(logits, dim=0).numpy())
print('Probabilities after scaling with 0.5:', nn.functional.softmax(0.5*logits, dim=0).numpy())
print('Probabilities after scaling with 0.1:', nn.functional.softmax(0.1*logits, dim=0).numpy())
try:
    Categorical(probs=torch.tensor([0.5, -0.1, 0.6]))
except Exception as e:
    print(type(e).__name__, e)
try:
    Categorical(torch.tensor([0.5, 0.5])).log_prob(torch.tensor([2]))
except Exception as e:
    print(type(e).__name__, e)
print(Categorical(torch.tensor([2.0, 6.0])).probs, Categorical(probs=torch.tensor([[1.0, 3.0]])).batch_shape)

# %%
def sample(model, starting_str, len_generated_text=20, scale_factor=1.0):
    encoded_input = torch.tensor([char2int[s] for s in starting_str])
    encoded_input = torch.reshape(encoded_input, (1, -1))
    generated_str = starting_str
    model.eval()
    hidden, cell = model.init_hidden(1)
    for c in range(len(starting_str) - 1):
        _, hidden, cell = model(encoded_input[:, c].view(1), hidden, cell)
    last_char = encoded_input[:, -1]
    for i in range(len_generated_text):
        logits, hidden, cell = model(last_char.view(1), hidden, cell)
        logits = torch.squeeze(logits, 0)
        scaled_logits = logits * scale_factor
        m = Categorical(logits=scaled_logits)
        last_char = m.sample()
        generated_str += str(char_array[last_char])
    return generated_str

torch.manual_seed(1)
print(sample(model, starting_str='the island'))
torch.manual_seed(1)
print(sample(model, starting_str='the ', scale_factor=2.0))
torch.manual_seed(1)
print(sample(model, starting_str='the ', scale_factor=0.5))
