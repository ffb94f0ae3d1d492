# Imitates d2l.ai (PyTorch edition) "Natural Language Inference: Using Attention" (decomposable attention, Parikh
# et al.): the mlp helper with Dropout/Flatten, the Attend, Compare and Aggregate blocks with bmm and softmax over
# the score matrix, the DecomposableAttention model, plus the chapter's masked_softmax (sequence_mask with valid
# lengths, repeat_interleave) that learners add so padding tokens get no attention, and predict_snli.
import torch
from torch import nn
from torch.nn import functional as F

torch.manual_seed(0)

def mlp(num_inputs, num_hiddens, flatten):
    net = []
    net.append(nn.Dropout(0.2))
    net.append(nn.Linear(num_inputs, num_hiddens))
    net.append(nn.ReLU())
    if flatten:
        net.append(nn.Flatten(start_dim=1))
    net.append(nn.Dropout(0.2))
    net.append(nn.Linear(num_hiddens, num_hiddens))
    net.append(nn.ReLU())
    if flatten:
        net.append(nn.Flatten(start_dim=1))
    return nn.Sequential(*net)

class Attend(nn.Module):
    def __init__(self, num_inputs, num_hiddens, **kwargs):
        super(Attend, self).__init__(**kwargs)
        self.f = mlp(num_inputs, num_hiddens, flatten=False)

    def forward(self, A, B):
        f_A = self.f(A)
        f_B = self.f(B)
        e = torch.bmm(f_A, f_B.permute(0, 2, 1))
        beta = torch.bmm(F.softmax(e, dim=-1), B)
        alpha = torch.bmm(F.softmax(e.permute(0, 2, 1), dim=-1), A)
        return beta, alpha

attend = Attend(4, 6)
attend.eval()
A, B = torch.randn(2, 3, 4), torch.randn(2, 5, 4)
beta, alpha = attend(A, B)
print(beta.shape, alpha.shape, beta.grad_fn, alpha.grad_fn)
print(attend.f)

# %%
class Compare(nn.Module):
    def __init__(self, num_inputs, num_hiddens, **kwargs):
        super(Compare, self).__init__(**kwargs)
        self.g = mlp(num_inputs, num_hiddens, flatten=False)

    def forward(self, A, B, beta, alpha):
        V_A = self.g(torch.cat([A, beta], dim=2))
        V_B = self.g(torch.cat([B, alpha], dim=2))
        return V_A, V_B

class Aggregate(nn.Module):
    def __init__(self, num_inputs, num_hiddens, num_outputs, **kwargs):
        super(Aggregate, self).__init__(**kwargs)
        self.h = mlp(num_inputs, num_hiddens, flatten=True)
        self.linear = nn.Linear(num_hiddens, num_outputs)

    def forward(self, V_A, V_B):
        V_A = V_A.sum(dim=1)
        V_B = V_B.sum(dim=1)
        Y_hat = self.linear(self.h(torch.cat([V_A, V_B], dim=1)))
        return Y_hat

class DecomposableAttention(nn.Module):
    def __init__(self, vocab_size, embed_size, num_hiddens, num_inputs_attend=8, num_inputs_compare=16,
                 num_inputs_agg=2 * 6, **kwargs):
        super(DecomposableAttention, self).__init__(**kwargs)
        self.embedding = nn.Embedding(vocab_size, embed_size)
        self.attend = Attend(num_inputs_attend, num_hiddens)
        self.compare = Compare(num_inputs_compare, num_hiddens)
        self.aggregate = Aggregate(num_inputs_agg, num_hiddens, num_outputs=3)

    def forward(self, X):
        premises, hypotheses = X
        A = self.embedding(premises)
        B = self.embedding(hypotheses)
        beta, alpha = self.attend(A, B)
        V_A, V_B = self.compare(A, B, beta, alpha)
        Y_hat = self.aggregate(V_A, V_B)
        return Y_hat

vocab_size = 15
net = DecomposableAttention(vocab_size, 8, 6)
print(sum(p.numel() for p in net.parameters()))
print([n for n, _ in net.named_parameters()][:6])
premises = torch.randint(1, vocab_size, (4, 5))
hypotheses = torch.randint(1, vocab_size, (4, 3))
net.eval()
Y_hat = net([premises, hypotheses])
print(Y_hat.shape, Y_hat.grad_fn)
try:
    net((premises, hypotheses.float()))
except Exception as e:
    print(type(e).__name__, e)
try:
    net.attend(net.embedding(premises), net.embedding(hypotheses)[:3])
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.bmm(net.embedding(premises), net.embedding(hypotheses))
except Exception as e:
    print(type(e).__name__, e)

# %%
def sequence_mask(X, valid_len, value=0):
    maxlen = X.size(1)
    mask = torch.arange((maxlen), dtype=torch.float32, device=X.device)[None, :] < valid_len[:, None]
    X[~mask] = value
    return X

def masked_softmax(X, valid_lens):
    if valid_lens is None:
        return nn.functional.softmax(X, dim=-1)
    shape = X.shape
    if valid_lens.dim() == 1:
        valid_lens = torch.repeat_interleave(valid_lens, shape[1])
    else:
        valid_lens = valid_lens.reshape(-1)
    X = sequence_mask(X.reshape(-1, shape[-1]), valid_lens, value=-1e6)
    return nn.functional.softmax(X.reshape(shape), dim=-1)

print(masked_softmax(torch.rand(2, 2, 4), torch.tensor([2, 3])))
print(masked_softmax(torch.rand(2, 2, 4), torch.tensor([[1, 3], [2, 4]])))
e = torch.randn(2, 3, 4, requires_grad=True)
p = masked_softmax(e, torch.tensor([2, 0]))
print(p[1])
p.sum().backward()
print(e.grad.abs().max() < 1e-5)
scores = torch.randn(2, 3, 4, requires_grad=True)
pad = torch.tensor([[False, False, True, True], [False, True, True, True]])
masked = scores.masked_fill(pad[:, None, :], float('-inf'))
w = masked.softmax(dim=-1)
print(w[0, 0], w.grad_fn)
(w * torch.arange(4.)).sum().backward()
print(scores.grad[1])
allpad = torch.ones(1, 4, dtype=torch.bool)
print(torch.randn(1, 1, 4).masked_fill(allpad[:, None], float('-inf')).softmax(-1))
try:
    scores.masked_fill(pad, 0.)
except Exception as e:
    print(type(e).__name__, e)
try:
    scores.masked_fill(pad.long()[:, None, :], 0.)
except Exception as e:
    print(type(e).__name__, e)

# %%
net.train()
trainer = torch.optim.Adam(net.parameters(), lr=0.005)
loss = nn.CrossEntropyLoss(reduction="none")
y = torch.tensor([0, 1, 2, 1])
for epoch in range(3):
    trainer.zero_grad()
    l = loss(net([premises, hypotheses]), y)
    l.sum().backward()
    trainer.step()
    print(epoch, f'{l.sum().item() / y.numel():.4f}')

def predict_snli(net, premise, hypothesis):
    net.eval()
    premise = torch.tensor(premise).reshape((1, -1))
    hypothesis = torch.tensor(hypothesis).reshape((1, -1))
    label = torch.argmax(net([premise, hypothesis]), dim=1)
    return 'entailment' if label == 0 else 'contradiction' if label == 1 else 'neutral'

print(predict_snli(net, [1, 2, 3], [4, 5]) in ('entailment', 'contradiction', 'neutral'))
out = net([torch.tensor([[1, 2, 3]]), torch.tensor([[4, 5]])])
print(out.shape, F.softmax(out, dim=1).sum())
