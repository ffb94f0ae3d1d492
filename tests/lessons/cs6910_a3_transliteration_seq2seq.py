# Imitates CS6910 Assignment 3 (IIT Madras, Mitesh Khapra) student solutions on the Aksharantar / Dakshina
# transliteration data: character vocabularies with <pad>/<sos>/<eos>, padded index tensors, an Encoder with
# nn.Embedding and nn.GRU / nn.LSTM (num_layers, dropout, bidirectional), a Decoder stepping one character at a time
# with a teacher forcing ratio, Bahdanau (additive) attention whose weights are printed as a heat-map table, greedy and
# beam search decoding, and word-level exact-match accuracy. Small made-up word pairs stand in for the download.
import random
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
pairs = [("ghar", "घर"), ("pani", "पानी"), ("dil", "दिल"), ("kal", "कल"), ("nadi", "नदी"), ("aam", "आम")]
PAD, SOS, EOS = 0, 1, 2
def build_vocab(words):
    chars = sorted(set("".join(words)))
    itos = ["<pad>", "<sos>", "<eos>"] + chars
    return {c: i for i, c in enumerate(itos)}, itos
src_stoi, src_itos = build_vocab([p[0] for p in pairs])
tgt_stoi, tgt_itos = build_vocab([p[1] for p in pairs])
print(len(src_itos), len(tgt_itos), src_itos[3:8])

def encode(word, stoi, max_len):
    ids = [SOS] + [stoi[c] for c in word] + [EOS]
    return ids + [PAD] * (max_len - len(ids))
ML_S = max(len(p[0]) for p in pairs) + 2
ML_T = max(len(p[1]) for p in pairs) + 2
src = torch.tensor([encode(p[0], src_stoi, ML_S) for p in pairs])
tgt = torch.tensor([encode(p[1], tgt_stoi, ML_T) for p in pairs])
print(src.shape, tgt.shape, src.dtype)
print(src[:2])
lengths = (src != PAD).sum(dim=1)
print(lengths, lengths.dtype)

# %%
class Encoder(nn.Module):
    def __init__(self, vocab, emb, hid, layers=1, cell="GRU", dropout=0.0, bidirectional=False):
        super().__init__()
        self.embedding = nn.Embedding(vocab, emb, padding_idx=PAD)
        rnn_cls = {"GRU": nn.GRU, "LSTM": nn.LSTM, "RNN": nn.RNN}[cell]
        self.rnn = rnn_cls(emb, hid, num_layers=layers, dropout=dropout, batch_first=True,
                           bidirectional=bidirectional)
        self.cell = cell

    def forward(self, x):
        e = self.embedding(x)
        out, hidden = self.rnn(e)
        return out, hidden

torch.manual_seed(0)
for cell in ["GRU", "LSTM", "RNN"]:
    enc = Encoder(len(src_itos), 8, 16, layers=2, cell=cell)
    out, hidden = enc(src)
    if cell == "LSTM":
        print(cell, out.shape, hidden[0].shape, hidden[1].shape, out.grad_fn)
    else:
        print(cell, out.shape, hidden.shape, out.grad_fn)
try:
    Encoder(len(src_itos), 8, 16, layers=1, cell="GRU", dropout=0.3)
except Exception as e:
    print(type(e).__name__, e)
enc_bi = Encoder(len(src_itos), 8, 16, layers=2, cell="GRU", bidirectional=True)
out, hidden = enc_bi(src)
print(out.shape, hidden.shape, hidden.view(2, 2, len(pairs), 16)[-1].shape)
print(enc_bi.embedding.weight[PAD].abs().sum(), enc_bi.embedding)
print(enc_bi.rnn)

# %%
class BahdanauAttention(nn.Module):
    def __init__(self, hid):
        super().__init__()
        self.W = nn.Linear(hid, hid, bias=False)
        self.U = nn.Linear(hid, hid, bias=False)
        self.v = nn.Linear(hid, 1, bias=False)

    def forward(self, s, enc_out, mask=None):
        scores = self.v(torch.tanh(self.W(s).unsqueeze(1) + self.U(enc_out))).squeeze(-1)
        if mask is not None:
            scores = scores.masked_fill(mask == 0, float("-inf"))
        alpha = F.softmax(scores, dim=-1)
        context = torch.bmm(alpha.unsqueeze(1), enc_out).squeeze(1)
        return context, alpha

class AttnDecoder(nn.Module):
    def __init__(self, vocab, emb, hid):
        super().__init__()
        self.embedding = nn.Embedding(vocab, emb, padding_idx=PAD)
        self.attn = BahdanauAttention(hid)
        self.rnn = nn.GRU(emb + hid, hid, batch_first=True)
        self.out = nn.Linear(hid, vocab)

    def forward(self, tok, hidden, enc_out, mask):
        e = self.embedding(tok).unsqueeze(1)
        context, alpha = self.attn(hidden[-1], enc_out, mask)
        x = torch.cat([e, context.unsqueeze(1)], dim=2)
        out, hidden = self.rnn(x, hidden)
        return self.out(out.squeeze(1)), hidden, alpha

class Seq2Seq(nn.Module):
    def __init__(self, enc, dec):
        super().__init__()
        self.enc, self.dec = enc, dec

    def forward(self, src, tgt, teacher_forcing_ratio=0.5):
        enc_out, hidden = self.enc(src)
        mask = (src != PAD)
        B, T = tgt.shape
        outputs = torch.zeros(B, T, self.dec.out.out_features)
        tok = tgt[:, 0]
        attns = []
        for t in range(1, T):
            logits, hidden, alpha = self.dec(tok, hidden, enc_out, mask)
            outputs[:, t] = logits
            attns.append(alpha)
            teacher = random.random() < teacher_forcing_ratio
            tok = tgt[:, t] if teacher else logits.argmax(1)
        return outputs, torch.stack(attns, dim=1)

torch.manual_seed(0)
random.seed(0)
model = Seq2Seq(Encoder(len(src_itos), 8, 16), AttnDecoder(len(tgt_itos), 8, 16))
outputs, attn = model(src, tgt, teacher_forcing_ratio=1.0)
print(outputs.shape, attn.shape, outputs.grad_fn, attn.grad_fn)
print(attn[0, 0], attn[0].sum(dim=1))
print(f"{sum(p.numel() for p in model.parameters() if p.requires_grad)} trainable parameters")

# %%
criterion = nn.CrossEntropyLoss(ignore_index=PAD)
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
torch.manual_seed(0)
random.seed(0)
for epoch in range(15):
    model.train()
    optimizer.zero_grad()
    outputs, _ = model(src, tgt, teacher_forcing_ratio=0.5)
    loss = criterion(outputs[:, 1:].reshape(-1, outputs.shape[-1]), tgt[:, 1:].reshape(-1))
    loss.backward()
    norm = nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
    optimizer.step()
    if epoch % 5 == 4:
        print(epoch, f"{loss.item():.4f}", f"{norm.item():.4f}")

# %%
def greedy_decode(model, src_row, max_len=ML_T):
    model.eval()
    with torch.no_grad():
        enc_out, hidden = model.enc(src_row.unsqueeze(0))
        mask = (src_row != PAD).unsqueeze(0)
        tok = torch.tensor([SOS])
        out, attns = [], []
        for _ in range(max_len):
            logits, hidden, alpha = model.dec(tok, hidden, enc_out, mask)
            tok = logits.argmax(dim=1)
            attns.append(alpha.squeeze(0))
            if tok.item() == EOS:
                break
            out.append(tgt_itos[tok.item()])
    return "".join(out), torch.stack(attns)

correct = 0
for i, (s, t) in enumerate(pairs):
    pred, attns = greedy_decode(model, src[i])
    correct += int(pred == t)
    print(s, t, pred, pred == t, tuple(attns.shape))
print(f"word accuracy {correct / len(pairs):.3f}")
pred, attns = greedy_decode(model, src[0])
torch.set_printoptions(precision=2)
print(attns[:, :lengths[0]])
torch.set_printoptions(profile="default")

# %%
def beam_search(model, src_row, beam_width=3, max_len=ML_T):
    model.eval()
    with torch.no_grad():
        enc_out, hidden = model.enc(src_row.unsqueeze(0))
        mask = (src_row != PAD).unsqueeze(0)
        beams = [(0.0, [SOS], hidden)]
        finished = []
        for _ in range(max_len):
            candidates = []
            for score, seq, h in beams:
                logits, h2, _ = model.dec(torch.tensor([seq[-1]]), h, enc_out, mask)
                logp = F.log_softmax(logits, dim=-1).squeeze(0)
                top_lp, top_ix = logp.topk(beam_width)
                for lp, ix in zip(top_lp, top_ix):
                    candidates.append((score + lp.item(), seq + [ix.item()], h2))
            candidates.sort(key=lambda c: c[0], reverse=True)
            beams = []
            for c in candidates[:beam_width]:
                (finished if c[1][-1] == EOS else beams).append(c)
            if not beams:
                break
        finished = finished or beams
        best = max(finished, key=lambda c: c[0] / len(c[1]))
    return "".join(tgt_itos[i] for i in best[1][1:] if i not in (EOS, PAD)), best[0]

for i, (s, t) in enumerate(pairs[:3]):
    word, score = beam_search(model, src[i])
    print(s, word, word == t, f"{score:.3f}")
logits = torch.tensor([[2.0, 1.0, 0.5, 0.5, -1.0]])
print(F.log_softmax(logits, dim=-1).topk(3), logits.topk(3, dim=1, largest=False, sorted=True))
try:
    logits.topk(6)
except Exception as e:
    print(type(e).__name__, e)

# %%
# an LSTM encoder's (h, c) handed to a GRU decoder: the mistake and its message
lstm_enc = Encoder(len(src_itos), 8, 16, cell="LSTM")
dec = AttnDecoder(len(tgt_itos), 8, 16)
enc_out, (h, c) = lstm_enc(src)
try:
    dec(tgt[:, 0], (h, c), enc_out, src != PAD)
except Exception as e:
    print(type(e).__name__, e)
try:
    dec.rnn(torch.randn(6, 1, 24), h.squeeze(0))
except Exception as e:
    print(type(e).__name__, e)
try:
    dec.rnn(torch.randn(6, 1, 20), h)
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.LSTM(24, 16, batch_first=True)(torch.randn(6, 1, 24), h)
except Exception as e:
    print(type(e).__name__, e)
