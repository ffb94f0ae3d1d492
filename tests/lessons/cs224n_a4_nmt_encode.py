# Imitates Stanford CS224N assignment 4 (Winter 2021-2023), model_embeddings.py and nmt_model.py: ModelEmbeddings
# with padding_idx from the vocab's <pad>, Vocab.to_input_tensor padding sentences to a (src_len, b) tensor, the
# encoder nn.LSTM(bidirectional=True) over pack_padded_sequence / pad_packed_sequence (enforce_sorted=True),
# torch.cat of last_hidden[0] and last_hidden[1] through h_projection / c_projection, att_projection, and the
# sanity checks printing shapes, at tiny sizes on random data.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils.rnn import pad_packed_sequence, pack_padded_sequence

# %%
class ModelEmbeddings(nn.Module):
    def __init__(self, embed_size, src_vocab_size, tgt_vocab_size, src_pad=0, tgt_pad=0):
        super(ModelEmbeddings, self).__init__()
        self.embed_size = embed_size
        self.source = nn.Embedding(src_vocab_size, embed_size, padding_idx=src_pad)
        self.target = nn.Embedding(tgt_vocab_size, embed_size, padding_idx=tgt_pad)

torch.manual_seed(0)
embeds = ModelEmbeddings(4, 12, 10)
print(embeds)
print(embeds.source.weight[0], embeds.source.padding_idx)
print(embeds.target.weight.shape, embeds.target.weight.requires_grad)

# %%
def pad_sents(sents, pad_token):
    max_len = max(len(s) for s in sents)
    return [s + [pad_token] * (max_len - len(s)) for s in sents]

def to_input_tensor(sents, device=torch.device('cpu')):
    sents_var = torch.tensor(pad_sents(sents, 0), dtype=torch.long, device=device)
    return torch.t(sents_var)

source = [[3, 5, 7, 2, 9], [4, 4, 8], [11, 6]]
source_lengths = [len(s) for s in source]
source_padded = to_input_tensor(source)
print(source_padded, source_padded.shape, source_padded.device)

# %%
class Encoder(nn.Module):
    def __init__(self, embed_size, hidden_size):
        super().__init__()
        self.hidden_size = hidden_size
        self.model_embeddings = embeds
        self.encoder = nn.LSTM(embed_size, hidden_size, bias=True, bidirectional=True)
        self.h_projection = nn.Linear(2 * hidden_size, hidden_size, bias=False)
        self.c_projection = nn.Linear(2 * hidden_size, hidden_size, bias=False)
        self.att_projection = nn.Linear(2 * hidden_size, hidden_size, bias=False)

    def encode(self, source_padded, source_lengths):
        X = self.model_embeddings.source(source_padded)
        X_packed = pack_padded_sequence(X, source_lengths)
        enc_hiddens, (last_hidden, last_cell) = self.encoder(X_packed)
        (enc_hiddens, _) = pad_packed_sequence(enc_hiddens)
        enc_hiddens = enc_hiddens.permute(1, 0, 2)
        init_decoder_hidden = self.h_projection(torch.cat((last_hidden[0], last_hidden[1]), 1))
        init_decoder_cell = self.c_projection(torch.cat((last_cell[0], last_cell[1]), 1))
        dec_init_state = (init_decoder_hidden, init_decoder_cell)
        return enc_hiddens, dec_init_state

torch.manual_seed(1)
enc = Encoder(4, 3)
print(enc.encoder)
for name, p in enc.encoder.named_parameters():
    print(name, tuple(p.shape))
enc_hiddens, (h0, c0) = enc.encode(source_padded, source_lengths)
print("enc_hiddens Sanity Checked!", enc_hiddens.shape, h0.shape, c0.shape)
print(enc_hiddens[1])
print(enc_hiddens.grad_fn, h0.grad_fn)
print(h0)

# %%
X = embeds.source(source_padded)
packed = pack_padded_sequence(X, source_lengths)
print(type(packed).__name__, packed.batch_sizes, packed.sorted_indices, packed.unsorted_indices)
print(packed.data.shape)
out, (hn, cn) = enc.encoder(packed)
print(type(out).__name__, out.data.shape, hn.shape, cn.shape)
padded, lens = pad_packed_sequence(out, batch_first=True)
print(padded.shape, lens, lens.dtype)
print(padded[2, 2:])
print(torch.allclose(padded[:, 0, 3:], hn[1]))
padded2, lens2 = pad_packed_sequence(out, total_length=7)
print(padded2.shape, padded2[5:].abs().sum())

# %%
enc_hiddens_proj = enc.att_projection(enc_hiddens)
print(enc_hiddens_proj.shape)
loss = enc_hiddens_proj.sum() + h0.pow(2).sum()
loss.backward()
print(embeds.source.weight.grad[0], embeds.source.weight.grad.shape)
print(enc.h_projection.weight.grad.shape, enc.encoder.weight_hh_l0_reverse.grad.shape)
print((embeds.source.weight.grad.abs().sum(1) > 0).nonzero().flatten())

# %%
for lengths in [[3, 5, 2], [5, 3, 0], [5, 3]]:
    try:
        p = pack_padded_sequence(X, lengths)
        print(p.batch_sizes)
    except Exception as e:
        print(type(e).__name__, e)
try:
    pack_padded_sequence(X, torch.tensor(source_lengths), enforce_sorted=True)
    print("tensor lengths ok")
    p = pack_padded_sequence(X, [3, 5, 2], enforce_sorted=False)
    print(p.sorted_indices, p.unsorted_indices, p.batch_sizes)
    o, (hh, cc) = enc.encoder(p)
    print(hh.shape, pad_packed_sequence(o)[1])
except Exception as e:
    print(type(e).__name__, e)
try:
    enc.encoder(X[:, :, :3])
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.cat((h0, c0.unsqueeze(0)), 1)
except Exception as e:
    print(type(e).__name__, e)

# %%
# mistakes met when the encoder is fed a PackedSequence: PyTorch's LSTM checks no shapes of a packed input,
# so the kernel speaks
wrong_embed = nn.Embedding(12, 5, padding_idx=0)
for make in [lambda: enc.encoder(pack_padded_sequence(wrong_embed(source_padded), source_lengths)),
             lambda: enc.encoder(pack_padded_sequence(X.double(), source_lengths)),
             lambda: enc.encoder(packed, (torch.zeros(2, 4, 3), torch.zeros(2, 4, 3))),
             lambda: enc.encoder(packed, (torch.zeros(2, 1, 3), torch.zeros(2, 1, 3))),
             lambda: enc.encoder(packed, (torch.zeros(1, 3, 3), torch.zeros(1, 3, 3))),
             lambda: enc.encoder(packed, (torch.zeros(4, 3, 3), torch.zeros(4, 3, 3))),
             lambda: enc.encoder(packed, (torch.zeros(3, 3), torch.zeros(3, 3))),
             lambda: enc.encoder(packed, (torch.zeros(2, 3, 3), torch.zeros(2, 3, 6))),
             lambda: enc.encoder(packed, (torch.zeros(2, 3, 3),)),
             lambda: enc.encoder(packed, (torch.zeros(2, 3, 3), torch.zeros(2, 3, 3)))]:
    try:
        out, (hn, cn) = make()
        print(out.data.shape, hn.shape, cn.shape)
    except Exception as e:
        print(type(e).__name__, e)
