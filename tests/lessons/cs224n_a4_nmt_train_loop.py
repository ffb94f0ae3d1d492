# Imitates Stanford CS224N assignment 4 (Winter 2021-2023), run.py train() and evaluate_ppl(): every parameter
# initialised with p.data.uniform_(-uniform_init, uniform_init), vocab_masks, Adam, the per-batch loss summed then
# divided by batch size, torch.nn.utils.clip_grad_norm_ with clip_grad, report/valid perplexity with np.exp,
# patience and learning-rate decay through optimizer.param_groups, model.save / NMT.load via torch.save of a dict
# with 'args' and 'state_dict' (into an io.BytesIO), all at tiny sizes on random data.
import io
import math
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
class TinyNMT(nn.Module):
    def __init__(self, embed_size, hidden_size, V, dropout_rate=0.2):
        super().__init__()
        self.embed_size, self.hidden_size, self.dropout_rate = embed_size, hidden_size, dropout_rate
        self.src = nn.Embedding(V, embed_size, padding_idx=0)
        self.tgt = nn.Embedding(V, embed_size, padding_idx=0)
        self.encoder = nn.LSTM(embed_size, hidden_size, bidirectional=True)
        self.decoder = nn.LSTMCell(embed_size, hidden_size)
        self.h_projection = nn.Linear(2 * hidden_size, hidden_size, bias=False)
        self.c_projection = nn.Linear(2 * hidden_size, hidden_size, bias=False)
        self.target_vocab_projection = nn.Linear(hidden_size, V, bias=False)
        self.dropout = nn.Dropout(dropout_rate)

    def forward(self, source, target):
        src = torch.tensor(source, dtype=torch.long).t()
        tgt = torch.tensor(target, dtype=torch.long).t()
        _, (h, c) = self.encoder(self.src(src))
        state = (self.h_projection(torch.cat((h[0], h[1]), 1)), self.c_projection(torch.cat((c[0], c[1]), 1)))
        outs = []
        for y_t in self.tgt(tgt[:-1]):
            state = self.decoder(y_t, state)
            outs.append(self.dropout(state[0]))
        P = F.log_softmax(self.target_vocab_projection(torch.stack(outs)), dim=-1)
        masks = (tgt != 0).float()
        gold = torch.gather(P, index=tgt[1:].unsqueeze(-1), dim=-1).squeeze(-1) * masks[1:]
        return gold.sum(dim=0)

    def save(self, f):
        params = {'args': dict(embed_size=self.embed_size, hidden_size=self.hidden_size,
                               dropout_rate=self.dropout_rate), 'state_dict': self.state_dict()}
        torch.save(params, f)

torch.manual_seed(0)
np.random.seed(0)
V = 10
model = TinyNMT(4, 3, V)
uniform_init = 0.1
if np.abs(uniform_init) > 0.:
    print('uniformly initialize parameters [-%f, +%f]' % (uniform_init, uniform_init))
    for p in model.parameters():
        p.data.uniform_(-uniform_init, uniform_init)
print(model.src.weight[0], model.decoder.bias_ih.abs().max() <= 0.1)
print(sum(p.numel() for p in model.parameters()))

# %%
def batch_iter(n, batch_size):
    for i in range(0, n, batch_size):
        src = [[int(t) for t in np.random.randint(3, V, 4)] for _ in range(min(batch_size, n - i))]
        tgt = [[1] + [int(t) for t in np.random.randint(3, V, 3)] + [2] for _ in range(min(batch_size, n - i))]
        yield src, tgt

optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
clip_grad = 5.0
lr_decay = 0.5
train_iter = report_loss = cum_loss = report_examples = report_tgt_words = 0
hist_valid_scores = []
patience = 0
for epoch in range(3):
    for src_sents, tgt_sents in batch_iter(6, 3):
        train_iter += 1
        optimizer.zero_grad()
        batch_size = len(src_sents)
        example_losses = -model(src_sents, tgt_sents)
        batch_loss = example_losses.sum()
        loss = batch_loss / batch_size
        loss.backward()
        grad_norm = torch.nn.utils.clip_grad_norm_(model.parameters(), clip_grad)
        optimizer.step()
        batch_losses_val = batch_loss.item()
        report_loss += batch_losses_val
        tgt_words_num_to_predict = sum(len(s[1:]) for s in tgt_sents)
        report_tgt_words += tgt_words_num_to_predict
        report_examples += batch_size
    print('epoch %d, iter %d, avg. loss %.2f, avg. ppl %.2f grad_norm %.3f' % (
        epoch, train_iter, report_loss / report_examples, math.exp(report_loss / report_tgt_words), grad_norm))
    report_loss = report_tgt_words = report_examples = 0
print(type(grad_norm), grad_norm.dtype, grad_norm.shape)

# %%
def evaluate_ppl(model, dev_data, batch_size=32):
    was_training = model.training
    model.eval()
    cum_loss = 0.
    cum_tgt_words = 0.
    with torch.no_grad():
        for src_sents, tgt_sents in dev_data:
            loss = -model(src_sents, tgt_sents).sum()
            cum_loss += loss.item()
            cum_tgt_words += sum(len(s[1:]) for s in tgt_sents)
        ppl = np.exp(cum_loss / cum_tgt_words)
    if was_training:
        model.train()
    return ppl

dev_data = list(batch_iter(4, 2))
dev_ppl = evaluate_ppl(model, dev_data)
print('validation: iter %d, dev. ppl %f' % (train_iter, dev_ppl), type(dev_ppl).__name__, model.training)
valid_metric = -dev_ppl
is_better = len(hist_valid_scores) == 0 or valid_metric > max(hist_valid_scores)
hist_valid_scores.append(valid_metric)
print(is_better)

# %%
buf = io.BytesIO()
model.save(buf)
optim_buf = io.BytesIO()
torch.save(optimizer.state_dict(), optim_buf)
lr = optimizer.param_groups[0]['lr'] * lr_decay
print('decay lr to %f, restore parameters' % lr)
buf.seek(0)
params = torch.load(buf, map_location=lambda storage, loc: storage)
print(sorted(params.keys()), params['args'])
model2 = TinyNMT(**params['args'], V=V)
print(model2.load_state_dict(params['state_dict']))
optim_buf.seek(0)
optimizer.load_state_dict(torch.load(optim_buf))
for param_group in optimizer.param_groups:
    param_group['lr'] = lr
print(optimizer.param_groups[0]['lr'], len(optimizer.state_dict()['state']))
print(evaluate_ppl(model2, dev_data) == dev_ppl)

# %%
norms = []
for max_norm in [0.0, 1e-3, float('inf')]:
    model.zero_grad()
    (-model(*dev_data[0]).sum()).backward()
    norms.append(torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm))
print(norms[0] == norms[2], [round(n.item(), 4) for n in norms])
print(torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0, norm_type='inf'))
print(torch.nn.utils.clip_grad_norm_([], 1.0))
try:
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0, norm_type=-1)
except Exception as e:
    print(type(e).__name__, e)
try:
    model2.load_state_dict({k: v for k, v in params['state_dict'].items() if 'encoder' not in k})
except Exception as e:
    print(type(e).__name__, e)
