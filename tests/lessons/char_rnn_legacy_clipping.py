# An older char-level language-model tutorial run on a current PyTorch: nn.LSTM with an encoder/decoder, repackaging
# hidden states, the deprecated clip_grad_norm spelling, torch.cuda.amp.GradScaler(enabled=False) from a template,
# manual p.data.add_(p.grad, alpha=-lr) updates, a param list given to an optimizer by mistake, and sampling with
# temperature from exp(logits / T) and torch.multinomial.
import math
import torch
import torch.nn as nn

text = "to be or not to be that is the question whether tis nobler in the mind to suffer "
chars = sorted(set(text))
stoi = {c: i for i, c in enumerate(chars)}
data = torch.tensor([stoi[c] for c in text], dtype=torch.long)
print(len(chars), data.shape)

class RNNModel(nn.Module):
    def __init__(self, ntoken, ninp, nhid, nlayers, dropout=0.0):
        super(RNNModel, self).__init__()
        self.drop = nn.Dropout(dropout)
        self.encoder = nn.Embedding(ntoken, ninp)
        self.rnn = nn.LSTM(ninp, nhid, nlayers, dropout=dropout)
        self.decoder = nn.Linear(nhid, ntoken)
        self.init_weights()
        self.nhid, self.nlayers = nhid, nlayers

    def init_weights(self):
        initrange = 0.1
        self.encoder.weight.data.uniform_(-initrange, initrange)
        self.decoder.bias.data.zero_()
        self.decoder.weight.data.uniform_(-initrange, initrange)

    def forward(self, input, hidden):
        emb = self.drop(self.encoder(input))
        output, hidden = self.rnn(emb, hidden)
        output = self.drop(output)
        decoded = self.decoder(output.view(output.size(0) * output.size(1), output.size(2)))
        return decoded.view(output.size(0), output.size(1), decoded.size(1)), hidden

    def init_hidden(self, bsz):
        weight = next(self.parameters())
        return (weight.new_zeros(self.nlayers, bsz, self.nhid), weight.new_zeros(self.nlayers, bsz, self.nhid))

torch.manual_seed(1111)
model = RNNModel(len(chars), 8, 16, 2, dropout=0.2)
print(model)

# %%
def batchify(data, bsz):
    nbatch = data.size(0) // bsz
    data = data.narrow(0, 0, nbatch * bsz)
    return data.view(bsz, -1).t().contiguous()

def repackage_hidden(h):
    if isinstance(h, torch.Tensor):
        return h.detach()
    else:
        return tuple(repackage_hidden(v) for v in h)

def get_batch(source, i, bptt=6):
    seq_len = min(bptt, len(source) - 1 - i)
    data = source[i:i + seq_len]
    target = source[i + 1:i + 1 + seq_len].view(-1)
    return data, target

train_data = batchify(data, 4)
print(train_data.shape, train_data[:2])
criterion = nn.CrossEntropyLoss()
scaler = torch.cuda.amp.GradScaler(enabled=False)
lr, clip = 5.0, 0.25
for epoch in range(1, 4):
    model.train()
    total_loss = 0.
    hidden = model.init_hidden(4)
    for batch, i in enumerate(range(0, train_data.size(0) - 1, 6)):
        data_b, targets = get_batch(train_data, i)
        model.zero_grad()
        hidden = repackage_hidden(hidden)
        output, hidden = model(data_b, hidden)
        loss = criterion(output.view(-1, len(chars)), targets)
        scaler.scale(loss).backward()
        norm = torch.nn.utils.clip_grad_norm(model.parameters(), clip)
        for p in model.parameters():
            p.data.add_(p.grad, alpha=-lr)
        total_loss += loss.item()
    cur_loss = total_loss / (batch + 1)
    print('| epoch {:3d} | lr {:02.2f} | loss {:5.2f} | ppl {:8.2f} | norm {:.3f}'.format(
        epoch, lr, cur_loss, math.exp(cur_loss), norm))

# %%
model.eval()
hidden = model.init_hidden(1)
inp = torch.randint(len(chars), (1, 1), dtype=torch.long)
temperature = 0.8
out = []
with torch.no_grad():
    for i in range(30):
        output, hidden = model(inp, hidden)
        word_weights = output.squeeze().div(temperature).exp().cpu()
        word_idx = torch.multinomial(word_weights, 1)[0]
        inp.fill_(word_idx)
        out.append(chars[word_idx])
print(repr(''.join(out)))
print(word_weights.shape, word_idx, inp)

# %%
h0 = torch.zeros(2, 1, 16, requires_grad=True) * 1.0
try:
    torch.optim.SGD([h0] + list(model.parameters()), lr=0.1)
except ValueError as e:
    print('ValueError:', e)
opt = torch.optim.SGD(model.named_parameters(), lr=0.1)
print(opt.param_groups[0]['param_names'][:3])
try:
    torch.optim.Adam({p for p in model.parameters()})
    torch.optim.Adam([{'params': set(model.decoder.parameters())}])
except TypeError as e:
    print('TypeError:', e)
