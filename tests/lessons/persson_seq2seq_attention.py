# Imitates Aladdin Persson's Machine-Learning-Collection "Seq2Seq with attention" (ML/Pytorch/more_advanced/
# Seq2Seq_attention/seq2seq_attention.py: a bidirectional nn.LSTM encoder whose hidden and cell states go through
# fc_hidden / fc_cell after torch.cat((hidden[0:1], hidden[1:2]), dim=2), the energy / softmax attention with
# torch.einsum("snk,snl->knl"), teacher forcing with random.random(), the training step with output[1:].reshape)
# and utils.py's save_checkpoint / load_checkpoint, with small random token batches instead of Multi30k.
import random
import torch
import torch.nn as nn
import torch.optim as optim
torch.manual_seed(0)
random.seed(0)

class Encoder(nn.Module):
    def __init__(self, input_size, embedding_size, hidden_size, num_layers, p):
        super(Encoder, self).__init__()
        self.hidden_size = hidden_size
        self.num_layers = num_layers
        self.embedding = nn.Embedding(input_size, embedding_size)
        self.rnn = nn.LSTM(embedding_size, hidden_size, num_layers, bidirectional=True)
        self.fc_hidden = nn.Linear(hidden_size * 2, hidden_size)
        self.fc_cell = nn.Linear(hidden_size * 2, hidden_size)
        self.dropout = nn.Dropout(p)

    def forward(self, x):
        embedding = self.dropout(self.embedding(x))
        encoder_states, (hidden, cell) = self.rnn(embedding)
        hidden = self.fc_hidden(torch.cat((hidden[0:1], hidden[1:2]), dim=2))
        cell = self.fc_cell(torch.cat((cell[0:1], cell[1:2]), dim=2))
        return encoder_states, hidden, cell

class Decoder(nn.Module):
    def __init__(self, input_size, embedding_size, hidden_size, output_size, num_layers, p):
        super(Decoder, self).__init__()
        self.hidden_size = hidden_size
        self.num_layers = num_layers
        self.embedding = nn.Embedding(input_size, embedding_size)
        self.rnn = nn.LSTM(hidden_size * 2 + embedding_size, hidden_size, num_layers)
        self.energy = nn.Linear(hidden_size * 3, 1)
        self.fc = nn.Linear(hidden_size, output_size)
        self.dropout = nn.Dropout(p)
        self.softmax = nn.Softmax(dim=0)
        self.relu = nn.ReLU()

    def forward(self, x, encoder_states, hidden, cell):
        x = x.unsqueeze(0)
        embedding = self.dropout(self.embedding(x))
        sequence_length = encoder_states.shape[0]
        h_reshaped = hidden.repeat(sequence_length, 1, 1)
        energy = self.relu(self.energy(torch.cat((h_reshaped, encoder_states), dim=2)))
        attention = self.softmax(energy)
        context_vector = torch.einsum("snk,snl->knl", attention, encoder_states)
        rnn_input = torch.cat((context_vector, embedding), dim=2)
        outputs, (hidden, cell) = self.rnn(rnn_input, (hidden, cell))
        predictions = self.fc(outputs).squeeze(0)
        return predictions, hidden, cell

class Seq2Seq(nn.Module):
    def __init__(self, encoder, decoder, target_vocab_size):
        super(Seq2Seq, self).__init__()
        self.encoder = encoder
        self.decoder = decoder
        self.target_vocab_size = target_vocab_size

    def forward(self, source, target, teacher_force_ratio=0.5):
        batch_size = source.shape[1]
        target_len = target.shape[0]
        outputs = torch.zeros(target_len, batch_size, self.target_vocab_size)
        encoder_states, hidden, cell = self.encoder(source)
        x = target[0]
        for t in range(1, target_len):
            output, hidden, cell = self.decoder(x, encoder_states, hidden, cell)
            outputs[t] = output
            best_guess = output.argmax(1)
            x = target[t] if random.random() < teacher_force_ratio else best_guess
        return outputs

# %%
src_vocab, trg_vocab, emb, hid = 12, 11, 6, 5
encoder_net = Encoder(src_vocab, emb, hid, 1, 0.0)
decoder_net = Decoder(trg_vocab, emb, hid, trg_vocab, 1, 0.0)
model = Seq2Seq(encoder_net, decoder_net, trg_vocab)
print(encoder_net.rnn)
print([(n, tuple(p.shape)) for n, p in encoder_net.rnn.named_parameters()][:4])
src = torch.randint(1, src_vocab, (7, 3))
trg = torch.randint(1, trg_vocab, (5, 3))
states, h, c = encoder_net(src)
print(states.shape, h.shape, c.shape)
_, (hh, cc) = encoder_net.rnn(encoder_net.embedding(src))
print(hh.shape, torch.cat((hh[0:1], hh[1:2]), dim=2).shape, torch.cat((hh[0], hh[1]), dim=1).shape)
print(torch.allclose(states[-1, :, :hid], hh[0]), torch.allclose(states[0, :, hid:], hh[1]))
print(h.repeat(7, 1, 1).shape)
att = torch.softmax(torch.randn(7, 3, 1), dim=0)
print(torch.einsum("snk,snl->knl", att, states).shape, att.sum(0).flatten())

# %%
out = model(src, trg)
print(out.shape, out[0].abs().sum(), out.grad_fn)
print(random.random() < 0.5, random.random())
output = out[1:].reshape(-1, out.shape[2])
target = trg[1:].reshape(-1)
print(output.shape, target.shape, target.dtype)
criterion = nn.CrossEntropyLoss(ignore_index=0)
optimizer = optim.Adam(model.parameters(), lr=0.01)
for epoch in range(3):
    output = model(src, trg)
    output = output[1:].reshape(-1, output.shape[2])
    optimizer.zero_grad()
    loss = criterion(output, target)
    loss.backward()
    norm = torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1)
    optimizer.step()
    print(epoch, round(loss.item(), 4), norm.dtype, norm.shape)

# %%
def save_checkpoint(state, filename="my_checkpoint.pth.tar"):
    print("=> Saving checkpoint")
    torch.save(state, filename)

def load_checkpoint(checkpoint, model, optimizer):
    print("=> Loading checkpoint")
    model.load_state_dict(checkpoint["state_dict"])
    optimizer.load_state_dict(checkpoint["optimizer"])

import io
buf = io.BytesIO()
checkpoint = {"state_dict": model.state_dict(), "optimizer": optimizer.state_dict()}
save_checkpoint(checkpoint, buf)
buf.seek(0)
loaded = torch.load(buf)
print(sorted(loaded.keys()), list(loaded["state_dict"].keys())[:3])
print(loaded["optimizer"]["param_groups"][0]["lr"], len(loaded["optimizer"]["state"]))
fresh = Seq2Seq(Encoder(src_vocab, emb, hid, 1, 0.0), Decoder(trg_vocab, emb, hid, trg_vocab, 1, 0.0), trg_vocab)
fresh_opt = optim.Adam(fresh.parameters(), lr=0.5)
load_checkpoint(loaded, fresh, fresh_opt)
print(fresh_opt.param_groups[0]["lr"], torch.equal(fresh.encoder.fc_cell.weight, model.encoder.fc_cell.weight))
try:
    Encoder(src_vocab, emb, hid + 1, 1, 0.0).load_state_dict(loaded["state_dict"])
except Exception as e:
    print(type(e).__name__, str(e)[:400])
try:
    fresh.load_state_dict({k: v for k, v in loaded["state_dict"].items() if "decoder" not in k})
except Exception as e:
    print(type(e).__name__, str(e)[:300])
try:
    optim.SGD(fresh.parameters(), lr=0.1).load_state_dict({"state": {}, "param_groups": []})
except Exception as e:
    print(type(e).__name__, e)

# %%
model.eval()
with torch.no_grad():
    sentence = torch.tensor([1, 4, 5, 2]).unsqueeze(1)
    states, hidden, cell = model.encoder(sentence)
    outputs = [1]
    for _ in range(4):
        previous_word = torch.LongTensor([outputs[-1]])
        output, hidden, cell = model.decoder(previous_word, states, hidden, cell)
        best_guess = output.argmax(1).item()
        outputs.append(best_guess)
print(outputs, previous_word, previous_word.dtype, hidden.requires_grad)
try:
    model.decoder(torch.tensor([1.0]), states, hidden, cell)
except Exception as e:
    print(type(e).__name__, e)
try:
    model.decoder(torch.LongTensor([1]), states, hidden[0], cell)
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.LSTM(4, 3, bidirectional=True)(torch.randn(5, 2, 4), (torch.zeros(1, 2, 3), torch.zeros(1, 2, 3)))
except Exception as e:
    print(type(e).__name__, e)
