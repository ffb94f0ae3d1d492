# Imitates Edward Raff's "Inside Deep Learning" (Manning; repo EdwardRaff/Inside-Deep-Learning), chapter 10
# (attention mechanisms: the DotScore / GeneralScore (nn.Bilinear) / AdditiveAttentionScore modules, ApplyAttention
# with `attention_scores[~mask] = -1000.0`, getMaskByFill, the Flatten-free SmarterAttentionNet with a
# torch.no_grad() mask) and chapter 11 (sequence-to-sequence: the Seq2SeqAttention model with nn.LSTMCell decoders,
# teacher forcing, CrossEntropyLoss(ignore_index=PAD) over stacked predictions, greedy decoding), at tiny sizes on
# synthetic "largest digit" bags and a reversal task.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(10)
np.random.seed(10)

class DotScore(nn.Module):
    def __init__(self, H):
        super(DotScore, self).__init__()
        self.H = H

    def forward(self, states, context):
        T = states.size(1)
        scores = torch.bmm(states, context.unsqueeze(2)) / np.sqrt(self.H)
        return scores

class GeneralScore(nn.Module):
    def __init__(self, H):
        super(GeneralScore, self).__init__()
        self.w = nn.Bilinear(H, H, 1)

    def forward(self, states, context):
        T = states.size(1)
        context = torch.stack([context for _ in range(T)], dim=1)
        scores = self.w(states, context)
        return scores

class AdditiveAttentionScore(nn.Module):
    def __init__(self, H):
        super(AdditiveAttentionScore, self).__init__()
        self.v = nn.Linear(H, 1)
        self.w = nn.Linear(2 * H, H)

    def forward(self, states, context):
        T = states.size(1)
        context = torch.stack([context for _ in range(T)], dim=1)
        state_context_combined = torch.cat((states, context), dim=2)
        scores = self.v(torch.tanh(self.w(state_context_combined)))
        return scores

class ApplyAttention(nn.Module):
    def __init__(self):
        super(ApplyAttention, self).__init__()

    def forward(self, states, attention_scores, mask=None):
        if mask is not None:
            attention_scores[~mask] = -1000.0
        weights = F.softmax(attention_scores, dim=1)
        final_context = (states * weights).sum(dim=1)
        return final_context, weights

def getMaskByFill(x, time_dimension=1, fill=0):
    to_sum_over = list(range(1, len(x.shape)))
    if time_dimension in to_sum_over:
        to_sum_over.remove(time_dimension)
    with torch.no_grad():
        mask = torch.sum((x != fill), dim=to_sum_over) > 0
    return mask

B, T, H = 3, 5, 4
encoder = nn.Linear(H, H)
states = encoder(torch.randn(B, T, H))
states[0, 3:] = 0
states[2, 4:] = 0
context = states.mean(dim=1)
mask = getMaskByFill(states)
print(mask, mask.dtype, mask.requires_grad)
for score in [DotScore(H), GeneralScore(H), AdditiveAttentionScore(H)]:
    s = score(states, context)
    print(type(score).__name__, s.shape, s.grad_fn.name())
print(GeneralScore(H).w, GeneralScore(H).w.weight.shape)

# %%
scores = AdditiveAttentionScore(H)(states, context)
final_context, weights = ApplyAttention()(states, scores, mask.unsqueeze(-1))
print(final_context.shape, weights.shape, weights.squeeze(-1))
print(weights.sum(1).squeeze(), scores.grad_fn)
final_context.sum().backward()
try:
    ApplyAttention()(states, scores, mask)
except Exception as e:
    print(type(e).__name__, e)
leaf_scores = torch.randn(B, T, 1, requires_grad=True)
try:
    ApplyAttention()(states, leaf_scores, mask.unsqueeze(-1))
except Exception as e:
    print(type(e).__name__, e)
try:
    ApplyAttention()(states, scores, mask.unsqueeze(-1).long())
except Exception as e:
    print(type(e).__name__, e)
w2 = F.softmax(scores.masked_fill(~mask.unsqueeze(-1), float("-inf")), dim=1)
print(torch.allclose(w2, weights, atol=1e-6), w2[0, 3:].squeeze(-1))
try:
    DotScore(H)(states, context.unsqueeze(1))
except Exception as e:
    print(type(e).__name__, e)
try:
    GeneralScore(H)(states, context[:, :3])
except Exception as e:
    print(type(e).__name__, e)

# %%
class SmarterAttentionNet(nn.Module):
    def __init__(self, input_size, hidden_size, out_size, score_net=None):
        super(SmarterAttentionNet, self).__init__()
        self.backbone = nn.Sequential(
            nn.Flatten(start_dim=2) if False else nn.Identity(),
            nn.Linear(input_size, hidden_size),
            nn.LeakyReLU(),
            nn.Linear(hidden_size, hidden_size),
            nn.LeakyReLU(),
        )
        self.score_net = AdditiveAttentionScore(hidden_size) if (score_net is None) else score_net
        self.apply_attn = ApplyAttention()
        self.prediction_net = nn.Sequential(
            nn.BatchNorm1d(hidden_size),
            nn.Linear(hidden_size, hidden_size),
            nn.LeakyReLU(),
            nn.BatchNorm1d(hidden_size),
            nn.Linear(hidden_size, out_size)
        )

    def forward(self, input):
        mask = getMaskByFill(input)
        h = self.backbone(input)
        h_context = (mask.unsqueeze(-1) * h).sum(dim=1)
        h_context = h_context / (mask.sum(dim=1).unsqueeze(-1) + 1e-10)
        scores = self.score_net(h, h_context)
        final_context, _ = self.apply_attn(h, scores, mask=mask)
        return self.prediction_net(final_context)

bags = torch.randint(1, 10, (16, 6)).float()
for i in range(16):
    bags[i, 6 - i % 3:] = 0
labels = (bags.max(dim=1).values >= 9).long()
net = SmarterAttentionNet(1, 8, 2)
opt = torch.optim.AdamW(net.parameters(), lr=0.01)
for epoch in range(4):
    logits = net(bags.unsqueeze(-1) / 9)
    loss = F.cross_entropy(logits, labels)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(epoch, round(loss.item(), 2))   # (Adam amplifies the last bits of near-zero gradients: two decimals)
net.eval()
with torch.no_grad():
    h = net.backbone(bags[:2].unsqueeze(-1) / 9)
    print(h.shape, getMaskByFill(bags[:2].unsqueeze(-1)))
try:
    SmarterAttentionNet(1, 8, 2)(bags / 9)
except Exception as e:
    print(type(e).__name__, e)

# %%
PAD, SOS, EOS = 0, 1, 2
vocab_size = 8

def make_pair():
    n = np.random.randint(2, 5)
    seq = np.random.randint(3, vocab_size, size=n).tolist()
    return torch.tensor(seq), torch.tensor(seq[::-1] + [EOS])

pairs = [make_pair() for _ in range(6)]
X = nn.utils.rnn.pad_sequence([p[0] for p in pairs], batch_first=True, padding_value=PAD)
Y = nn.utils.rnn.pad_sequence([p[1] for p in pairs], batch_first=True, padding_value=PAD)
print(X)
print(Y)

class Seq2SeqAttention(nn.Module):
    def __init__(self, num_embeddings, embd_size, hidden_size, padding_idx=None, layers=1, max_decode_length=6):
        super(Seq2SeqAttention, self).__init__()
        self.padding_idx = padding_idx
        self.hidden_size = hidden_size
        self.embd = nn.Embedding(num_embeddings, embd_size, padding_idx=padding_idx)
        self.encode_layers = nn.GRU(input_size=embd_size, hidden_size=hidden_size // 2,
                                    num_layers=layers, bidirectional=True, batch_first=True)
        self.decode_layers = nn.ModuleList([nn.GRUCell(embd_size, hidden_size)] +
                                           [nn.GRUCell(hidden_size, hidden_size) for i in range(layers - 1)])
        self.score_net = DotScore(hidden_size)
        self.predict_word = nn.Sequential(
            nn.Linear(2 * hidden_size, hidden_size),
            nn.LeakyReLU(),
            nn.LayerNorm(hidden_size),
            nn.Linear(hidden_size, num_embeddings)
        )
        self.max_decode_length = max_decode_length
        self.apply_attn = ApplyAttention()

    def forward(self, input):
        if isinstance(input, tuple):
            input, target = input
        else:
            target = None
        B = input.size(0)
        T = input.size(1)
        x = self.embd(input)
        mask = getMaskByFill(x)
        x, h_last = self.encode_layers(x)
        h_last = h_last.view(-1, 2, B, self.hidden_size // 2)[-1, :, :, :]
        h_last = h_last.permute(1, 0, 2).reshape(B, -1)
        h_prevs = [h_last for l in range(len(self.decode_layers))]
        decoder_input = self.embd(torch.tensor([SOS] * B))
        T_out = self.max_decode_length if target is None else target.size(1)
        all_predictions = []
        for t in range(T_out):
            x_in = decoder_input
            for l in range(len(self.decode_layers)):
                h_prev = h_prevs[l]
                h = self.decode_layers[l](x_in, h_prev)
                h_prevs[l] = h
                x_in = h
            h_decoder = x_in
            scores = self.score_net(x, h_decoder)
            context, weights = self.apply_attn(x, scores, mask=mask)
            word_pred = self.predict_word(torch.cat((context, h_decoder), dim=1))
            all_predictions.append(word_pred)
            with torch.no_grad():
                word_pred = word_pred.detach()
            if self.training:
                decoder_input = self.embd(target[:, t].squeeze())
            else:
                decoder_input = self.embd(word_pred.argmax(dim=1))
        return torch.stack(all_predictions, dim=1)

seq2seq = Seq2SeqAttention(vocab_size, 6, 8, padding_idx=PAD)
loss_func = nn.CrossEntropyLoss(ignore_index=PAD)

def CrossEntLossTime(x, y):
    cel = nn.CrossEntropyLoss(ignore_index=PAD)
    T = min(x.size(1), y.size(1))
    loss = 0
    for t in range(T):
        loss += cel(x[:, t, :], y[:, t])
    return loss

# %%
opt = torch.optim.AdamW(seq2seq.parameters(), lr=0.02)
for epoch in range(5):
    seq2seq.train()
    y_hat = seq2seq((X, Y))
    loss = CrossEntLossTime(y_hat, Y)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(epoch, y_hat.shape, f"{loss.item():.4f}", loss.grad_fn.name())
print(loss_func(y_hat.permute(0, 2, 1), Y), loss_func(y_hat.reshape(-1, vocab_size), Y.reshape(-1)))
try:
    loss_func(y_hat, Y)
except Exception as e:
    print(type(e).__name__, e)
seq2seq.eval()
with torch.no_grad():
    out = seq2seq(X[:2])
    print(out.shape, out.argmax(-1))
try:
    seq2seq.train()
    seq2seq(X[:2])
except Exception as e:
    print(type(e).__name__, e)
print(seq2seq.embd.weight.grad[PAD], seq2seq.decode_layers[0])
