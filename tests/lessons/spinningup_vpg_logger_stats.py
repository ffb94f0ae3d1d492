# Imitates OpenAI Spinning Up's PyTorch VPG (spinup/algos/pytorch/vpg/vpg.py) and its EpochLogger as students rebuild
# them without MPI or gym: a VPGBuffer whose finish_path computes GAE-lambda advantages and rewards-to-go with a
# hand-written discounted cumulative sum, advantage normalisation, compute_loss_pi = -(logp * adv).mean() with
# approx_kl and entropy, several value-function steps, and log_tabular's mean / std / min / max lines (with_min_and_max)
# fed with .item() floats and with 0-d numpy arrays from v.numpy().
import numpy as np
import torch
import torch.nn as nn
from torch.distributions.categorical import Categorical

# %%
def discount_cumsum(x, discount):
    y = np.zeros_like(x, dtype=np.float64)
    for t in reversed(range(len(x))):
        y[t] = x[t] + (discount * y[t + 1] if t + 1 < len(x) else 0.0)
    return y

class EpochLogger:
    def __init__(self):
        self.epoch_dict = {}
    def store(self, **kwargs):
        for k, v in kwargs.items():
            self.epoch_dict.setdefault(k, []).append(v)
    def log_tabular(self, key, with_min_and_max=False, average_only=False):
        v = self.epoch_dict.pop(key)
        vals = np.concatenate(v) if isinstance(v[0], np.ndarray) and len(v[0].shape) > 0 else v
        stats = [np.mean(vals), np.std(vals)] + ([np.min(vals), np.max(vals)] if with_min_and_max else [])
        names = ['Average', 'Std', 'Min', 'Max'] if with_min_and_max else ['Average', 'Std']
        if average_only:
            stats, names = stats[:1], names[:1]
        for n, s in zip(names, stats):
            print('| %15s | %15s |' % (n + key, '%8.3g' % s))

print(discount_cumsum(np.array([1.0, 0.0, 2.0], dtype=np.float32), 0.9))
torch.manual_seed(0)
pi_net = nn.Sequential(nn.Linear(4, 16), nn.Tanh(), nn.Linear(16, 2))
v_net = nn.Sequential(nn.Linear(4, 16), nn.Tanh(), nn.Linear(16, 1))
logger = EpochLogger()

# %%
rng = np.random.RandomState(0)
N = 20
obs = rng.randn(N, 4).astype(np.float32)
with torch.no_grad():
    ot = torch.as_tensor(obs, dtype=torch.float32)
    pi = Categorical(logits=pi_net(ot))
    act = pi.sample()
    logp = pi.log_prob(act)
    vals = torch.squeeze(v_net(ot), -1)
for i in range(N):
    logger.store(VVals=vals[i].numpy())
rews = (act.numpy() == (obs[:, 0] > 0)).astype(np.float32)
gamma, lam = 0.99, 0.97
adv, ret = np.zeros(N, dtype=np.float32), np.zeros(N, dtype=np.float32)
for start, end in [(0, 7), (7, 15), (15, 20)]:
    r = np.append(rews[start:end], 0.0)
    v = np.append(vals.numpy()[start:end], 0.0)
    deltas = r[:-1] + gamma * v[1:] - v[:-1]
    adv[start:end] = discount_cumsum(deltas, gamma * lam)
    ret[start:end] = discount_cumsum(r, gamma)[:-1]
    logger.store(EpRet=r.sum(), EpLen=end - start)
adv = (adv - adv.mean()) / adv.std()
data = {k: torch.as_tensor(v, dtype=torch.float32) for k, v in
        dict(obs=obs, act=act.numpy(), ret=ret, adv=adv, logp=logp.numpy()).items()}
print({k: (tuple(v.shape), v.dtype) for k, v in data.items()}, data['act'][:6])

# %%
pi_opt = torch.optim.Adam(pi_net.parameters(), lr=3e-3)
vf_opt = torch.optim.Adam(v_net.parameters(), lr=1e-2)

def compute_loss_pi(data):
    pi = Categorical(logits=pi_net(data['obs']))
    logp = pi.log_prob(data['act'])
    loss_pi = -(logp * data['adv']).mean()
    approx_kl = (data['logp'] - logp).mean().item()
    ent = pi.entropy().mean().item()
    return loss_pi, dict(kl=approx_kl, ent=ent)

def compute_loss_v(data):
    return ((torch.squeeze(v_net(data['obs']), -1) - data['ret']) ** 2).mean()

pi_l_old, pi_info_old = compute_loss_pi(data)
pi_l_old = pi_l_old.item()
v_l_old = compute_loss_v(data).item()
pi_opt.zero_grad()
loss_pi, pi_info = compute_loss_pi(data)
loss_pi.backward()
pi_opt.step()
for i in range(10):
    vf_opt.zero_grad()
    loss_v = compute_loss_v(data)
    loss_v.backward()
    vf_opt.step()
kl, ent = pi_info['kl'], pi_info_old['ent']
logger.store(LossPi=pi_l_old, LossV=v_l_old, KL=kl, Entropy=ent,
             DeltaLossPi=(loss_pi.item() - pi_l_old), DeltaLossV=(loss_v.item() - v_l_old))
logger.log_tabular('EpRet', with_min_and_max=True)
logger.log_tabular('EpLen', average_only=True)
logger.log_tabular('VVals', with_min_and_max=True)
for k in ['LossPi', 'LossV', 'DeltaLossPi', 'DeltaLossV', 'Entropy', 'KL']:
    logger.log_tabular(k, average_only=True)
print(type(logger.epoch_dict), pi_net[2].bias.grad)

# %%
# a logger fed tensors instead of floats
logger.store(LossPi=loss_pi, LossV=loss_v.detach())
for make in [
        lambda: logger.log_tabular('LossV'),
        lambda: logger.log_tabular('LossPi'),
        lambda: np.mean([loss_v.detach(), loss_v.detach() * 2]),
        lambda: '%8.3g' % loss_v,
        lambda: '%8.3g' % data['adv'][:2],
        lambda: float(data['adv']),
        lambda: torch.as_tensor([vals[0].numpy(), vals[1].numpy()]),
        lambda: torch.as_tensor([float(vals[0]), vals[1].item()]),
]:
    try:
        out = make()
        print("ok", out)
    except Exception as e:
        print(type(e).__name__, e)
