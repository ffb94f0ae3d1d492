# Imitates Stanford CS224N assignment 4 (Winter 2021-2023), nmt_model.py beam_search(): hypotheses kept as lists
# of words, hyp_scores as a tensor, exp_src_encodings via expand, the step of the decoder, log_softmax over the
# vocabulary, contiuating scores flattened with view(-1) and torch.topk, prev_hyp_ids by integer division // and
# word ids by %, the Hypothesis namedtuple, completed hypotheses sorted by score, and the greedy decoding variant,
# at tiny sizes on random data.
from collections import namedtuple
import torch
import torch.nn as nn
import torch.nn.functional as F

Hypothesis = namedtuple('Hypothesis', ['value', 'score'])

# %%
torch.manual_seed(0)
h, e, V = 4, 3, 7
id2word = ['<pad>', '<s>', '</s>', 'le', 'chat', 'noir', 'dort']
src_encodings = torch.randn(1, 5, 2 * h)
att_projection = nn.Linear(2 * h, h, bias=False)
decoder = nn.LSTMCell(e + h, h)
combined = nn.Linear(3 * h, h, bias=False)
vocab_proj = nn.Linear(h, V, bias=False)
tgt_embed = nn.Embedding(V, e, padding_idx=0)

def step(Ybar_t, dec_state, enc_hiddens, enc_hiddens_proj):
    dec_hidden, dec_cell = decoder(Ybar_t, dec_state)
    e_t = torch.bmm(enc_hiddens_proj, dec_hidden.unsqueeze(2)).squeeze(2)
    alpha_t = F.softmax(e_t, dim=1)
    a_t = torch.bmm(alpha_t.unsqueeze(1), enc_hiddens).squeeze(1)
    O_t = torch.tanh(combined(torch.cat((dec_hidden, a_t), dim=1)))
    return (dec_hidden, dec_cell), O_t, e_t

def beam_search(src_encodings, beam_size=3, max_decoding_time_step=6):
    src_encodings_att_linear = att_projection(src_encodings)
    h_tm1 = (torch.zeros(1, h), torch.zeros(1, h))
    att_tm1 = torch.zeros(1, h)
    eos_id = 2
    hypotheses = [['<s>']]
    hyp_scores = torch.zeros(len(hypotheses), dtype=torch.float)
    completed_hypotheses = []
    t = 0
    while len(completed_hypotheses) < beam_size and t < max_decoding_time_step:
        t += 1
        hyp_num = len(hypotheses)
        exp_src_encodings = src_encodings.expand(hyp_num, src_encodings.size(1), src_encodings.size(2))
        exp_src_encodings_att_linear = src_encodings_att_linear.expand(hyp_num, src_encodings_att_linear.size(1),
                                                                       src_encodings_att_linear.size(2))
        y_tm1 = torch.tensor([id2word.index(hyp[-1]) for hyp in hypotheses], dtype=torch.long)
        y_t_embed = tgt_embed(y_tm1)
        x = torch.cat([y_t_embed, att_tm1], dim=-1)
        (h_t, cell_t), att_t, _ = step(x, h_tm1, exp_src_encodings, exp_src_encodings_att_linear)
        log_p_t = F.log_softmax(vocab_proj(att_t), dim=-1)
        live_hyp_num = beam_size - len(completed_hypotheses)
        contiuating_hyp_scores = (hyp_scores.unsqueeze(1).expand_as(log_p_t) + log_p_t).view(-1)
        top_cand_hyp_scores, top_cand_hyp_pos = torch.topk(contiuating_hyp_scores, k=live_hyp_num)
        prev_hyp_ids = top_cand_hyp_pos // len(id2word)
        hyp_word_ids = top_cand_hyp_pos % len(id2word)
        new_hypotheses = []
        live_hyp_ids = []
        new_hyp_scores = []
        for prev_hyp_id, hyp_word_id, cand_new_hyp_score in zip(prev_hyp_ids, hyp_word_ids, top_cand_hyp_scores):
            prev_hyp_id = prev_hyp_id.item()
            hyp_word_id = hyp_word_id.item()
            cand_new_hyp_score = cand_new_hyp_score.item()
            hyp_word = id2word[hyp_word_id]
            new_hyp_sent = hypotheses[prev_hyp_id] + [hyp_word]
            if hyp_word == '</s>':
                completed_hypotheses.append(Hypothesis(value=new_hyp_sent[1:-1], score=cand_new_hyp_score))
            else:
                new_hypotheses.append(new_hyp_sent)
                live_hyp_ids.append(prev_hyp_id)
                new_hyp_scores.append(cand_new_hyp_score)
        if len(completed_hypotheses) == beam_size:
            break
        live_hyp_ids = torch.tensor(live_hyp_ids, dtype=torch.long)
        h_tm1 = (h_t[live_hyp_ids], cell_t[live_hyp_ids])
        att_tm1 = att_t[live_hyp_ids]
        hypotheses = new_hypotheses
        hyp_scores = torch.tensor(new_hyp_scores, dtype=torch.float)
        print(t, [" ".join(x) for x in hypotheses], hyp_scores)
    if len(completed_hypotheses) == 0:
        completed_hypotheses.append(Hypothesis(value=hypotheses[0][1:], score=hyp_scores[0].item()))
    completed_hypotheses.sort(key=lambda hyp: hyp.score, reverse=True)
    return completed_hypotheses

with torch.no_grad():
    hyps = beam_search(src_encodings)
for hyp in hyps:
    print(hyp.value, round(hyp.score, 4))

# %%
with torch.no_grad():
    for beam in [1, 2, 5]:
        torch.manual_seed(beam)
        vocab_proj.weight.normal_()
        res = beam_search(src_encodings, beam_size=beam, max_decoding_time_step=4)
        print(beam, [(" ".join(r.value), round(r.score, 3)) for r in res])

# %%
scores = torch.tensor([[-1.5, -0.2, -3.0], [-0.1, -2.0, -0.7]])
flat = scores.view(-1)
vals, pos = torch.topk(flat, k=4)
print(vals, pos, pos.dtype)
print(pos // 3, pos % 3, torch.div(pos, 3, rounding_mode='floor'), (pos // 3).dtype)
print(pos / 3)
print(torch.topk(flat, 2, largest=False), torch.topk(scores, 2, dim=1).indices)
print(torch.topk(flat, k=2, sorted=True).values.tolist())
ties = torch.tensor([0.5, 0.5, 0.1, 0.5])
print(torch.topk(ties, 2))
print(-7 // 3, torch.tensor(-7) // 3, torch.tensor([-7, 7]) // torch.tensor(3), torch.tensor([-7.5]) // 2)
for bad in [lambda: torch.topk(flat, k=7), lambda: torch.topk(scores, 4, dim=1), lambda: torch.topk(flat, k=-1),
            lambda: torch.topk(flat, 2, dim=1), lambda: flat.topk(2.0),
            lambda: torch.zeros(0).topk(1)]:
    try:
        print(bad())
    except Exception as ex:
        print(type(ex).__name__, ex)

# %%
hyp_scores = torch.tensor([-0.5, -1.25])
log_p = torch.log_softmax(torch.tensor([[1.0, 2.0, 0.5], [0.2, 0.1, 3.0]]), dim=-1)
cont = (hyp_scores.unsqueeze(1).expand_as(log_p) + log_p).view(-1)
print(cont)
top, pos = cont.topk(3)
print([(p.item() // 3, p.item() % 3, round(s.item(), 4)) for p, s in zip(pos, top)])
live = torch.tensor([], dtype=torch.long)
print(torch.randn(2, 3)[live].shape, torch.tensor([]).dtype, torch.tensor([], dtype=torch.float).shape)
hs = [Hypothesis(['a'], -1.2), Hypothesis(['b', 'c'], -0.4)]
print(sorted(hs, key=lambda hyp: hyp.score, reverse=True)[0], max(hs, key=lambda x: x.score))
