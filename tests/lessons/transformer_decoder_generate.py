# Imitates a "tiny seq2seq transformer" tutorial: nn.Transformer pieces, causal masks from
# generate_square_subsequent_mask, key padding masks, a decoder layer, and greedy decoding under eval()/no_grad.
import math
import torch
import torch.nn as nn

torch.manual_seed(0)
mask = nn.Transformer.generate_square_subsequent_mask(4)
print(mask)
print(torch.triu(torch.full((3, 3), float('-inf')), diagonal=1))
bool_mask = torch.triu(torch.ones(3, 3, dtype=torch.bool), diagonal=1)
print(bool_mask)

# %%
d_model, nhead = 8, 2
dec_layer = nn.TransformerDecoderLayer(d_model, nhead, dim_feedforward=16, dropout=0.0, batch_first=True)
print(dec_layer)
decoder = nn.TransformerDecoder(dec_layer, num_layers=2)
print(sum(p.numel() for p in decoder.parameters()))

# %%
memory = torch.randn(2, 5, d_model)
tgt = torch.randn(2, 4, d_model, requires_grad=True)
out = decoder(tgt, memory, tgt_mask=nn.Transformer.generate_square_subsequent_mask(4))
print(out.shape, out.grad_fn)
print(out[0, 0])
(out * torch.arange(8.)).sum().backward()
print(tgt.grad[1, -1])

# %%
mem_pad = torch.tensor([[False, False, False, True, True], [False] * 5])
out2 = decoder(tgt, memory, tgt_mask=nn.Transformer.generate_square_subsequent_mask(4), memory_key_padding_mask=mem_pad, tgt_is_causal=True)
print(out2[0, 1])

# %%
class TinySeq2Seq(nn.Module):
    def __init__(self, vocab=12, d_model=8):
        super().__init__()
        self.emb = nn.Embedding(vocab, d_model)
        self.tf = nn.Transformer(d_model, nhead=2, num_encoder_layers=1, num_decoder_layers=1,
                                 dim_feedforward=16, dropout=0.0, batch_first=True)
        self.out = nn.Linear(d_model, vocab)
    def forward(self, src, tgt):
        m = self.tf.generate_square_subsequent_mask(tgt.size(1))
        h = self.tf(self.emb(src) * math.sqrt(8), self.emb(tgt) * math.sqrt(8), tgt_mask=m)
        return self.out(h)

model = TinySeq2Seq()
src = torch.randint(3, 12, (2, 6))
tgt = torch.randint(3, 12, (2, 5))
logits = model(src, tgt[:, :-1])
print(logits.shape)
loss = nn.functional.cross_entropy(logits.reshape(-1, 12), tgt[:, 1:].reshape(-1))
loss.backward()
print(loss, model.emb.weight.grad.abs().sum() > 0)

# %%
opt = torch.optim.Adam(model.parameters(), lr=1e-2)
for step in range(5):
    opt.zero_grad()
    logits = model(src, tgt[:, :-1])
    loss = nn.functional.cross_entropy(logits.reshape(-1, 12), tgt[:, 1:].reshape(-1))
    loss.backward()
    opt.step()
print(round(loss.item(), 4))
model.eval()
with torch.no_grad():
    ys = torch.full((2, 1), 1, dtype=torch.long)
    for _ in range(4):
        nxt = model(src, ys)[:, -1].argmax(-1, keepdim=True)
        ys = torch.cat([ys, nxt], dim=1)
print(ys)
