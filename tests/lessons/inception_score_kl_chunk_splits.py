# Imitates the Inception Score written by hand in GAN course notebooks: class probabilities with softmax, the
# marginal p(y) per split (chunk), KL divergences through F.kl_div / torch.xlogy / p * (log p - log q), exp of the
# mean KL, mean and std over splits, float64 vs float32, and learners' mistakes (log of zeros, wrong kl_div inputs).
import torch
import torch.nn.functional as F

torch.manual_seed(1)
logits = torch.randn(50, 10) * 3
p_yx = F.softmax(logits, dim=1)
print(p_yx.shape, p_yx.sum(1)[:4], p_yx.dtype)
p_y = p_yx.mean(0, keepdim=True)
kl = p_yx * (torch.log(p_yx) - torch.log(p_y))
print(kl.sum(1)[:5])
print(torch.exp(kl.sum(1).mean()))

# %%
def inception_score(p, splits=5):
    scores = []
    for part in p.chunk(splits, dim=0):
        py = part.mean(dim=0, keepdim=True)
        kl = (torch.xlogy(part, part) - torch.xlogy(part, py)).sum(dim=1)
        scores.append(kl.mean().exp())
    scores = torch.stack(scores)
    return scores.mean(), scores.std()

print(inception_score(p_yx))
print(inception_score(p_yx, splits=3))
print([c.shape for c in p_yx.chunk(7)])
print([c.shape[0] for c in torch.tensor_split(p_yx, 7)])
m, s = inception_score(p_yx.double())
print(m.dtype, m, s)

# %%
log_p = F.log_softmax(logits, dim=1)
py = log_p.exp().mean(0)
kl_a = F.kl_div(py.log().expand_as(log_p), log_p, reduction='none', log_target=True).sum(1)
kl_b = F.kl_div(py.log().expand_as(log_p), p_yx, reduction='batchmean')
kl_c = F.kl_div(py.log().expand_as(log_p), p_yx, reduction='sum') / 50
print(kl_a[:4], kl_b, kl_c)
print(F.kl_div(py.log().expand_as(log_p), p_yx, reduction='mean'))
print(torch.xlogy(torch.tensor([0., 0., 1.]), torch.tensor([0., 1., 0.])))
print(torch.special.xlogy(2, torch.tensor([1., 2.])), torch.xlogy(torch.tensor([1., 0.5]), 3))
print(torch.special.entr(p_yx[:2]).sum(1), -(p_yx[:2] * p_yx[:2].log()).sum(1))

# %%
onehot = F.one_hot(torch.tensor([0, 1, 2, 1]), 4).float()
print((onehot * onehot.log()).sum(1), torch.xlogy(onehot, onehot).sum(1))
print(onehot.log()[0], (onehot + 1e-12).log()[0])
try:
    torch.xlogy(torch.tensor([1, 2]), torch.tensor([3, 4]))
    print(torch.xlogy(torch.tensor([1, 2]), torch.tensor([3, 4])).dtype)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.kl_div(p_yx, p_yx[:4])
except Exception as e:
    print(type(e).__name__, e)
try:
    p_yx.chunk(0)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.stack([p_yx[:10].mean(0), p_yx[:9]])
except Exception as e:
    print(type(e).__name__, e)

# %%
z = torch.randn(20, 10, requires_grad=True)
pz = z.softmax(-1)
pyz = pz.mean(0)
score = torch.xlogy(pz, pz / pyz).sum(1).mean().exp()
print(score, score.grad_fn.name())
score.backward()
print(z.grad[:2])
w = torch.randn(6, 4, requires_grad=True)
klv = F.kl_div(F.log_softmax(w, 1), torch.full((6, 4), 0.25), reduction='batchmean')
klv.backward()
print(klv, klv.grad_fn, w.grad[:2])
