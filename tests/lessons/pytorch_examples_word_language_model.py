# Imitates pytorch/examples word_language_model (model.py, main.py, generate.py) in a notebook: the Corpus replaced by
# a random token stream, batchify/get_batch, RNNModel (LSTM/GRU/RNN_TANH, tied weights, init_weights, init_hidden via
# next(self.parameters()).new_zeros), repackage_hidden, the hand-written SGD update after clip_grad_norm_, the
# "| epoch | batches | lr | loss | ppl" prints with math.exp, evaluate(), TransformerModel with PositionalEncoding and
# the causal mask from torch.log(torch.tril(...)), and generate.py's temperature sampling with torch.multinomial.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
class RNNModel(nn.Module):
    """Container module with an encoder, a recurrent module, and a decoder."""

    def __init__(self, rnn_type, ntoken, ninp, nhid, nlayers, dropout=0.5, tie_weights=False):
        super(RNNModel, self).__init__()
        self.ntoken = ntoken
        self.drop = nn.Dropout(dropout)
        self.encoder = nn.Embedding(ntoken, ninp)
        if rnn_type in ['LSTM', 'GRU']:
            self.rnn = getattr(nn, rnn_type)(ninp, nhid, nlayers, dropout=dropout)
        else:
            try:
                nonlinearity = {'RNN_TANH': 'tanh', 'RNN_RELU': 'relu'}[rnn_type]
            except KeyError as e:
                raise ValueError("""An invalid option for `--model` was supplied,
                                 options are ['LSTM', 'GRU', 'RNN_TANH' or 'RNN_RELU']""") from e
            self.rnn = nn.RNN(ninp, nhid, nlayers, nonlinearity=nonlinearity, dropout=dropout)
        self.decoder = nn.Linear(nhid, ntoken)
        if tie_weights:
            if nhid != ninp:
                raise ValueError('When using the tied flag, nhid must be equal to emsize')
            self.decoder.weight = self.encoder.weight
        self.init_weights()
        self.rnn_type = rnn_type
        self.nhid = nhid
        self.nlayers = nlayers

    def init_weights(self):
        initrange = 0.1
        nn.init.uniform_(self.encoder.weight, -initrange, initrange)
        nn.init.zeros_(self.decoder.bias)
        nn.init.uniform_(self.decoder.weight, -initrange, initrange)

    def forward(self, input, hidden):
        emb = self.drop(self.encoder(input))
        output, hidden = self.rnn(emb, hidden)
        output = self.drop(output)
        decoded = self.decoder(output)
        decoded = decoded.view(-1, self.ntoken)
        return F.log_softmax(decoded, dim=1), hidden

    def init_hidden(self, bsz):
        weight = next(self.parameters())
        if self.rnn_type == 'LSTM':
            return (weight.new_zeros(self.nlayers, bsz, self.nhid),
                    weight.new_zeros(self.nlayers, bsz, self.nhid))
        else:
            return weight.new_zeros(self.nlayers, bsz, self.nhid)

def batchify(data, bsz):
    nbatch = data.size(0) // bsz
    data = data.narrow(0, 0, nbatch * bsz)
    data = data.view(bsz, -1).t().contiguous()
    return data

bptt = 5
def get_batch(source, i):
    seq_len = min(bptt, len(source) - 1 - i)
    data = source[i:i+seq_len]
    target = source[i+1:i+1+seq_len].view(-1)
    return data, target

def repackage_hidden(h):
    """Wraps hidden states in new Tensors, to detach them from their history."""
    if isinstance(h, torch.Tensor):
        return h.detach()
    else:
        return tuple(repackage_hidden(v) for v in h)

torch.manual_seed(1111)
ntokens = 20
train_ids = torch.randint(0, ntokens, (123,))
val_ids = torch.randint(0, ntokens, (40,))
train_data = batchify(train_ids, 4)
val_data = batchify(val_ids, 2)
print(train_data.shape, val_data.shape, train_data.is_contiguous(), train_data.dtype)
data, targets = get_batch(train_data, 0)
print(data, targets)
print(get_batch(train_data, 25)[0].shape)

# %%
for bad in [('QRNN', 8, 8, False), ('LSTM', 8, 6, True)]:
    try:
        RNNModel(bad[0], ntokens, bad[1], bad[2], 2, tie_weights=bad[3])
    except ValueError as e:
        print(type(e).__name__, e, type(e.__cause__).__name__)
model = RNNModel('LSTM', ntokens, 8, 8, 2, dropout=0.2, tie_weights=True)
print(model)
print(model.decoder.weight is model.encoder.weight, len(list(model.parameters())),
      sum(p.numel() for p in model.parameters()))
print([n for n, _ in model.named_parameters()])
hidden = model.init_hidden(4)
print(type(hidden).__name__, hidden[0].shape, hidden[0].requires_grad, hidden[0].dtype)

# %%
criterion = nn.NLLLoss()
lr, clip, log_interval = 20, 0.25, 3

def train(epoch):
    model.train()
    total_loss = 0.
    hidden = model.init_hidden(4)
    for batch, i in enumerate(range(0, train_data.size(0) - 1, bptt)):
        data, targets = get_batch(train_data, i)
        model.zero_grad()
        hidden = repackage_hidden(hidden)
        output, hidden = model(data, hidden)
        loss = criterion(output, targets)
        loss.backward()
        norm = torch.nn.utils.clip_grad_norm_(model.parameters(), clip)
        for p in model.parameters():
            p.data.add_(p.grad, alpha=-lr)
        total_loss += loss.item()
        if batch % log_interval == 0 and batch > 0:
            cur_loss = total_loss / log_interval
            print('| epoch {:3d} | {:5d}/{:5d} batches | lr {:02.2f} | loss {:5.2f} | ppl {:8.2f} | norm {:.3f}'.format(
                epoch, batch, len(train_data) // bptt, lr, cur_loss, math.exp(cur_loss), norm))
            total_loss = 0

def evaluate(data_source, eval_batch_size=2):
    model.eval()
    total_loss = 0.
    hidden = model.init_hidden(eval_batch_size)
    with torch.no_grad():
        for i in range(0, data_source.size(0) - 1, bptt):
            data, targets = get_batch(data_source, i)
            output, hidden = model(data, hidden)
            hidden = repackage_hidden(hidden)
            total_loss += len(data) * criterion(output, targets).item()
    return total_loss / (len(data_source) - 1)

best_val_loss = None
for epoch in range(1, 3):
    train(epoch)
    val_loss = evaluate(val_data)
    print('-' * 89)
    print('| end of epoch {:3d} | valid loss {:5.2f} | valid ppl {:8.2f}'.format(epoch, val_loss, math.exp(val_loss)))
    print('-' * 89)
    if not best_val_loss or val_loss < best_val_loss:
        best_val_loss = val_loss
    else:
        lr /= 4.0
print(lr, best_val_loss > 0)

# %%
for kind in ['GRU', 'RNN_TANH', 'RNN_RELU']:
    torch.manual_seed(0)
    m = RNNModel(kind, ntokens, 6, 6, 1, dropout=0.0)
    h = m.init_hidden(3)
    out, h = m(train_data[:4, :3], h)
    print(kind, m.rnn, out.shape, h.shape, out.grad_fn.name(), h.grad_fn.name())
    h2 = repackage_hidden(h)
    print(h2.requires_grad, h2.grad_fn, h2.is_leaf)
h = model.init_hidden(4)
out, h = model(data, h)
print(repackage_hidden(h)[1].requires_grad, type(repackage_hidden(h)).__name__, h[0].grad_fn.name())

# %%
class PositionalEncoding(nn.Module):
    def __init__(self, d_model, dropout=0.1, max_len=5000):
        super(PositionalEncoding, self).__init__()
        self.dropout = nn.Dropout(p=dropout)
        pe = torch.zeros(max_len, d_model)
        position = torch.arange(0, max_len, dtype=torch.float).unsqueeze(1)
        div_term = torch.exp(torch.arange(0, d_model, 2).float() * (-math.log(10000.0) / d_model))
        pe[:, 0::2] = torch.sin(position * div_term)
        pe[:, 1::2] = torch.cos(position * div_term)
        pe = pe.unsqueeze(0).transpose(0, 1)
        self.register_buffer('pe', pe)

    def forward(self, x):
        x = x + self.pe[:x.size(0), :]
        return self.dropout(x)

class TransformerModel(nn.Transformer):
    """Container module with an encoder, a recurrent or transformer module, and a decoder."""

    def __init__(self, ntoken, ninp, nhead, nhid, nlayers, dropout=0.5):
        super(TransformerModel, self).__init__(d_model=ninp, nhead=nhead, dim_feedforward=nhid, num_encoder_layers=nlayers)
        self.model_type = 'Transformer'
        self.src_mask = None
        self.pos_encoder = PositionalEncoding(ninp, dropout)
        self.input_emb = nn.Embedding(ntoken, ninp)
        self.ninp = ninp
        self.decoder = nn.Linear(ninp, ntoken)
        self.init_weights()

    def _generate_square_subsequent_mask(self, sz):
        return torch.log(torch.tril(torch.ones(sz, sz)))

    def init_weights(self):
        initrange = 0.1
        nn.init.uniform_(self.input_emb.weight, -initrange, initrange)
        nn.init.zeros_(self.decoder.bias)
        nn.init.uniform_(self.decoder.weight, -initrange, initrange)

    def forward(self, src, has_mask=True):
        if has_mask:
            device = src.device
            if self.src_mask is None or self.src_mask.size(0) != len(src):
                mask = self._generate_square_subsequent_mask(len(src)).to(device)
                self.src_mask = mask
        else:
            self.src_mask = None

        src = self.input_emb(src) * math.sqrt(self.ninp)
        src = self.pos_encoder(src)
        output = self.encoder(src, mask=self.src_mask)
        output = self.decoder(output)
        return F.log_softmax(output, dim=-1)

torch.manual_seed(3)
pe = PositionalEncoding(8, max_len=12)
print(pe.pe.shape, pe.pe[:3, 0], list(dict(pe.named_buffers())))
tm = TransformerModel(ntokens, 8, 2, 16, 1, dropout=0.0)
print(tm.model_type, tm._generate_square_subsequent_mask(4))
print(nn.Transformer.generate_square_subsequent_mask(3))
print(type(tm.decoder).__name__, hasattr(tm, 'encoder'), len(tm.encoder.layers))
out = tm(data)
print(out.shape, out.grad_fn.name(), out.exp().sum(-1)[0])
loss = criterion(out.view(-1, ntokens), targets)
loss.backward()
print(f"{loss.item():.4f}", tm.input_emb.weight.grad.abs().sum() > 0)
out2 = tm(data, has_mask=False)
print(tm.src_mask, out2.shape)

# %%
# generate.py: sample words with a temperature from the LSTM model
torch.manual_seed(7)
model.eval()
hidden = model.init_hidden(1)
input = torch.randint(ntokens, (1, 1), dtype=torch.long)
temperature = 1.0
words = []
with torch.no_grad():
    for i in range(10):
        output, hidden = model(input, hidden)
        word_weights = output.squeeze().div(temperature).exp().cpu()
        word_idx = torch.multinomial(word_weights, 1)[0]
        input.fill_(word_idx)
        words.append(word_idx.item())
print(words, word_idx, input)
try:
    temperature = 1e-4
    model(input, hidden)[0].squeeze().div(temperature).exp()
    torch.multinomial(model(input, hidden)[0].squeeze().div(temperature).exp(), 1)
except Exception as e:
    print(type(e).__name__, e)
try:
    model(input, hidden[0])
except Exception as e:
    print(type(e).__name__, e)
try:
    model(input, model.init_hidden(2))
except Exception as e:
    print(type(e).__name__, e)
