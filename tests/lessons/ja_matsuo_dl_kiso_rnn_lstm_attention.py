# 東京大学 松尾・岩澤研究室「Deep Learning 基礎講座」の系列モデルの演習 (RNN をスクラッチで書いて nn.RNN と比べる、
# 勾配爆発と clip_grad_norm_、LSTM による文の分類、pack_padded_sequence、Encoder-Decoder と注意機構 (Attention)、
# nn.MultiheadAttention) の写し。語彙・データは小さな人工データ、出力は日本語の f 文字列。
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils.rnn import pad_sequence, pack_padded_sequence, pad_packed_sequence

torch.manual_seed(2)

# %%
# スクラッチの RNN セルと nn.RNN の比較
class RNNCellScratch(nn.Module):
    def __init__(self, in_dim, hid_dim):
        super().__init__()
        self.W_x = nn.Parameter(torch.randn(in_dim, hid_dim) * 0.3)
        self.W_h = nn.Parameter(torch.randn(hid_dim, hid_dim) * 0.3)
        self.b = nn.Parameter(torch.zeros(hid_dim))

    def forward(self, x, h):
        return torch.tanh(x @ self.W_x + h @ self.W_h + self.b)

cell = RNNCellScratch(4, 3)
rnn = nn.RNN(4, 3, batch_first=True)
with torch.no_grad():
    rnn.weight_ih_l0.copy_(cell.W_x.t())
    rnn.weight_hh_l0.copy_(cell.W_h.t())
    rnn.bias_ih_l0.zero_()
    rnn.bias_hh_l0.zero_()
x = torch.randn(2, 5, 4)
h = torch.zeros(2, 3)
hs = []
for t in range(x.size(1)):
    h = cell(x[:, t], h)
    hs.append(h)
hs = torch.stack(hs, dim=1)
out, h_n = rnn(x)
print(f"出力の形：{tuple(out.shape)}、最後の隠れ状態：{tuple(h_n.shape)}")
print("スクラッチと一致：", torch.allclose(hs, out, atol=1e-6), torch.allclose(h_n[0], hs[:, -1], atol=1e-6))
hs.sum().backward()
print(cell.W_h.grad)
print(out.grad_fn.__class__.__name__ in ("TransposeBackward0", "CudnnRnnBackward0", "StackBackward0") or out.grad_fn)

# %%
# 勾配爆発と勾配クリッピング
W = nn.Parameter(torch.eye(3) * 3.0)
h = torch.ones(1, 3)
for t in range(20):
    h = h @ W
loss = h.sum()
loss.backward()
print(f"クリッピング前のノルム：{W.grad.norm():.4e}")
total = nn.utils.clip_grad_norm_([W], max_norm=1.0)
print(f"返り値（元のノルム）：{total:.4e}、クリッピング後：{W.grad.norm():.4f}")
W.grad = torch.full((3, 3), 5.0)
nn.utils.clip_grad_value_([W], clip_value=0.5)
print(W.grad)
W.grad = torch.full((3, 3), float('nan'))
try:
    nn.utils.clip_grad_norm_([W], 1.0, error_if_nonfinite=True)
except RuntimeError as e:
    print("RuntimeError：", e)

# %%
# LSTM による系列分類（可変長、padding と pack）
語彙 = ["<pad>", "私", "は", "猫", "が", "好き", "嫌い", "です", "。"]
単語ID = {w: i for i, w in enumerate(語彙)}
文 = [["私", "は", "猫", "が", "好き", "です", "。"], ["猫", "が", "嫌い"], ["私", "は", "好き"]]
ラベル = torch.tensor([1, 0, 1])
seqs = [torch.tensor([単語ID[w] for w in s]) for s in 文]
lengths = torch.tensor([len(s) for s in seqs])
padded = pad_sequence(seqs, batch_first=True, padding_value=0)
print(padded)
print("長さ：", lengths.tolist())

class LSTMClassifier(nn.Module):
    def __init__(self, vocab, emb, hid, n_class):
        super().__init__()
        self.emb = nn.Embedding(vocab, emb, padding_idx=0)
        self.lstm = nn.LSTM(emb, hid, batch_first=True, bidirectional=True)
        self.fc = nn.Linear(hid * 2, n_class)

    def forward(self, x, lengths):
        e = self.emb(x)
        packed = pack_padded_sequence(e, lengths, batch_first=True, enforce_sorted=False)
        out, (h, c) = self.lstm(packed)
        h = torch.cat([h[0], h[1]], dim=1)
        return self.fc(h), out

model = LSTMClassifier(len(語彙), 6, 5, 2)
print(model)
logits, packed_out = model(padded, lengths)
print(type(packed_out).__name__, packed_out.data.shape, packed_out.batch_sizes)
unpacked, out_lens = pad_packed_sequence(packed_out, batch_first=True)
print(unpacked.shape, out_lens)
print(unpacked[1, 3:].abs().sum().item())
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
for epoch in range(5):
    optimizer.zero_grad()
    logits, _ = model(padded, lengths)
    loss = F.cross_entropy(logits, ラベル)
    loss.backward()
    optimizer.step()
    print(f"エポック{epoch}：損失＝{loss.item():.4f}")
print("padding の埋め込みの勾配：", model.emb.weight.grad[0])
try:
    pack_padded_sequence(padded, lengths, batch_first=True)
except RuntimeError as e:
    print("RuntimeError：", e)
try:
    model.lstm(torch.randn(3, 7, 5))
except RuntimeError as e:
    print("RuntimeError：", e)
try:
    model.emb(torch.tensor([[1.0, 2.0]]))
except RuntimeError as e:
    print("RuntimeError：", e)
try:
    model.emb(torch.tensor([[1, 20]]))
except IndexError as e:
    print("IndexError：", e)

# %%
# Encoder-Decoder の注意機構（内積注意）をスクラッチで
class Attention(nn.Module):
    def __init__(self, hid_dim):
        super().__init__()
        self.out = nn.Linear(hid_dim * 2, hid_dim)

    def forward(self, dec_h, enc_out, mask=None):
        # dec_h: (B, T_dec, H)、enc_out: (B, T_enc, H)
        score = torch.bmm(dec_h, enc_out.transpose(1, 2))  # (B, T_dec, T_enc)
        if mask is not None:
            score = score.masked_fill(mask.unsqueeze(1), float('-inf'))
        a = F.softmax(score, dim=-1)
        context = torch.bmm(a, enc_out)
        return torch.tanh(self.out(torch.cat([context, dec_h], dim=-1))), a

attn = Attention(4)
enc_out = torch.randn(2, 5, 4, requires_grad=True)
dec_h = torch.randn(2, 3, 4)
mask = torch.tensor([[False] * 5, [False, False, False, True, True]])
o, a = attn(dec_h, enc_out, mask)
print(f"注意の重み（2文目）：\n{a[1]}")
print("重みの和：", a.sum(-1))
o.sum().backward()
print("マスクした位置の勾配：", enc_out.grad[1, 3:].abs().sum().item())
try:
    torch.bmm(dec_h, enc_out)
except RuntimeError as e:
    print("RuntimeError：", e)
try:
    dec_h.masked_fill(mask, 0.0)
except RuntimeError as e:
    print("RuntimeError：", e)
try:
    dec_h.masked_fill(mask.unsqueeze(1).int(), 0.0)
except RuntimeError as e:
    print("RuntimeError：", e)

# %%
# nn.MultiheadAttention
mha = nn.MultiheadAttention(embed_dim=8, num_heads=2, batch_first=True)
q = torch.randn(2, 3, 8)
kv = torch.randn(2, 5, 8)
key_padding_mask = torch.tensor([[False] * 5, [False, False, False, True, True]])
out, w = mha(q, kv, kv, key_padding_mask=key_padding_mask)
print(out.shape, w.shape, w[1, 0])
out, w = mha(q, kv, kv, average_attn_weights=False)
print(w.shape)
causal = torch.triu(torch.ones(3, 3, dtype=torch.bool), diagonal=1)
out, w = mha(q, q, q, attn_mask=causal)
print(w[0])
try:
    nn.MultiheadAttention(embed_dim=10, num_heads=3)
except AssertionError as e:
    print("AssertionError：", e)
try:
    mha(q, kv, kv, attn_mask=torch.ones(3, 3, dtype=torch.bool))
except RuntimeError as e:
    print("RuntimeError：", e)
