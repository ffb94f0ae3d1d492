# Imitates Stanford CS224N assignment 4 (Winter 2021-2023), nmt_model.py: decode() with nn.LSTMCell over the target
# embeddings split by torch.split, step() computing attention scores with
# torch.bmm(enc_hiddens_proj, dec_hidden.unsqueeze(2)).squeeze(2), masked_fill of padding with -float('inf'),
# F.softmax, the context via bmm, the combined output through tanh and dropout, generate_sent_masks, and forward()'s
# target log-likelihood with F.log_softmax, torch.gather and the target masks; sanity checks print shapes.
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
torch.manual_seed(0)
b, src_len, tgt_len, h, e, V = 3, 5, 4, 3, 4, 9
enc_hiddens = torch.randn(b, src_len, 2 * h, requires_grad=True)
source_lengths = [5, 3, 2]

def generate_sent_masks(enc_hiddens, source_lengths):
    enc_masks = torch.zeros(enc_hiddens.size(0), enc_hiddens.size(1), dtype=torch.float)
    for e_id, src_len in enumerate(source_lengths):
        enc_masks[e_id, src_len:] = 1
    return enc_masks.to(enc_hiddens.device)

enc_masks = generate_sent_masks(enc_hiddens, source_lengths)
print(enc_masks, enc_masks.dtype, enc_masks.requires_grad)
print(enc_masks.bool(), enc_masks.byte().dtype)

# %%
decoder = nn.LSTMCell(e + h, h, bias=True)
att_projection = nn.Linear(2 * h, h, bias=False)
combined_output_projection = nn.Linear(3 * h, h, bias=False)
target_vocab_projection = nn.Linear(h, V, bias=False)
dropout = nn.Dropout(0.3)
target_embed = nn.Embedding(V, e, padding_idx=0)
print(decoder, decoder.weight_ih.shape, decoder.weight_hh.shape, decoder.bias_ih.shape)

def step(Ybar_t, dec_state, enc_hiddens, enc_hiddens_proj, enc_masks):
    combined_output = None
    dec_state = decoder(Ybar_t, dec_state)
    (dec_hidden, dec_cell) = dec_state
    e_t = torch.bmm(enc_hiddens_proj, dec_hidden.unsqueeze(2)).squeeze(2)
    if enc_masks is not None:
        e_t.data.masked_fill_(enc_masks.bool(), -float('inf'))
    alpha_t = F.softmax(e_t, dim=1)
    a_t = torch.bmm(alpha_t.unsqueeze(1), enc_hiddens).squeeze(1)
    U_t = torch.cat((dec_hidden, a_t), dim=1)
    V_t = combined_output_projection(U_t)
    O_t = dropout(torch.tanh(V_t))
    combined_output = O_t
    return dec_state, combined_output, e_t

# %%
target_padded = torch.tensor([[1, 1, 1], [5, 4, 7], [6, 2, 2], [2, 0, 0]])
dec_init_state = (torch.zeros(b, h), torch.zeros(b, h))

def decode(enc_hiddens, enc_masks, dec_init_state, target_padded):
    target_padded = target_padded[:-1]
    dec_state = dec_init_state
    batch_size = enc_hiddens.size(0)
    o_prev = torch.zeros(batch_size, h, device=enc_hiddens.device)
    combined_outputs = []
    enc_hiddens_proj = att_projection(enc_hiddens)
    Y = target_embed(target_padded)
    for Y_t in torch.split(Y, 1, dim=0):
        Y_t = torch.squeeze(Y_t, dim=0)
        Ybar_t = torch.cat((Y_t, o_prev), dim=1)
        dec_state, o_t, e_t = step(Ybar_t, dec_state, enc_hiddens, enc_hiddens_proj, enc_masks)
        combined_outputs.append(o_t)
        o_prev = o_t
    combined_outputs = torch.stack(combined_outputs, dim=0)
    return combined_outputs, e_t

torch.manual_seed(1)
combined_outputs, e_t = decode(enc_hiddens, enc_masks, dec_init_state, target_padded)
print("combined_outputs Sanity Checked!", combined_outputs.shape)
print(e_t)
print(F.softmax(e_t, dim=1))
print(combined_outputs.grad_fn, len(torch.split(target_embed(target_padded), 1)))

# %%
P = F.log_softmax(target_vocab_projection(combined_outputs), dim=-1)
target_masks = (target_padded != 0).float()
print(target_masks)
target_gold_words_log_prob = torch.gather(P, index=target_padded[1:].unsqueeze(-1), dim=-1).squeeze(-1) * target_masks[1:]
print(target_gold_words_log_prob.shape)
scores = target_gold_words_log_prob.sum(dim=0)
print(scores)
example_losses = -scores
batch_loss = example_losses.sum()
loss = batch_loss / b
loss.backward()
print(loss, batch_loss.grad_fn)
print(enc_hiddens.grad[2, 2:], enc_hiddens.grad[0].abs().sum() > 0)
print(target_embed.weight.grad[0], decoder.bias_hh.grad.shape)
tgt_words_num_to_predict = sum(len(s[1:]) for s in [[1, 5, 6, 2], [1, 4, 2], [1, 7, 2]])
print(batch_loss.item() / tgt_words_num_to_predict, torch.exp(batch_loss / tgt_words_num_to_predict))

# %%
e = torch.randn(2, 4, requires_grad=True)
m = torch.tensor([[0, 0, 1, 1], [0, 0, 0, 0]]).bool()
masked = e.masked_fill(m, -float('inf'))
alpha = F.softmax(masked, dim=1)
print(masked, alpha)
alpha[:, 1].sum().backward()
print(e.grad)
all_masked = torch.ones(1, 4).bool()
print(F.softmax(torch.zeros(1, 4).masked_fill(all_masked, -float('inf')), dim=1))
for bad in [lambda: e.masked_fill(torch.tensor([[0, 0, 1, 1]]), -float('inf')),
            lambda: e.masked_fill(m.float(), 0.),
            lambda: e.masked_fill(m[:, :3], 0.),
            lambda: e.data.masked_fill_(m, torch.tensor([1., 2.])),
            lambda: torch.bmm(enc_hiddens, torch.ones(b, h, 1)),
            lambda: torch.bmm(enc_hiddens[0], torch.ones(2 * h, 1)),
            lambda: torch.gather(P, -1, target_padded[1:]),
            lambda: torch.gather(P, -1, target_padded[1:].unsqueeze(-1).int()),
            lambda: decoder(torch.ones(b, e), dec_init_state),
            lambda: decoder(torch.ones(b, 4), dec_init_state),
            lambda: decoder(torch.ones(b, 4 + h), (torch.zeros(b, h),)),
            lambda: decoder(torch.ones(b, 4 + h), (torch.zeros(b, h + 1), torch.zeros(b, h))),
            lambda: decoder(torch.ones(b, 1, 4 + h)),
            lambda: decoder(torch.ones(4 + h))[0]]:
    try:
        r = bad()
        print(r.shape)
    except Exception as ex:
        print(type(ex).__name__, ex)
