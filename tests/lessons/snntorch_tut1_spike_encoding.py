# Imitates snnTorch's Tutorial 1 ("Spike Encoding") written in plain torch, as course notebooks re-derive
# snntorch.spikegen: rate coding with torch.bernoulli and torch.rand_like(x) < x over num_steps, latency coding
# (tau * log(x / (x - threshold)) with torch.clamp, normalize, linear), delta modulation, spike counts and
# firing rates, raster data as nonzero indices, on a random batch of 28x28 "images".
import torch

torch.manual_seed(0)
num_steps = 10
data_it = torch.rand(4, 1, 28, 28)
targets_it = torch.randint(0, 10, (4,))
print(data_it.size(), targets_it)

def rate(data, num_steps=False, gain=1, offset=0):
    time_data = data.repeat(tuple([num_steps] + torch.ones(len(data.size()), dtype=int).tolist()))
    clipped = torch.clamp(time_data * gain + offset, min=0, max=1)
    return torch.bernoulli(clipped)

spike_data = rate(data_it, num_steps=num_steps)
print(spike_data.size(), spike_data.dtype, spike_data.sum())
spike_data_sample = spike_data[:, 0, 0]
print(spike_data_sample.size())
print(f"The corresponding target is: {targets_it[0]}")
print(spike_data_sample.mean(), data_it[0].mean())

# %%
spike_data = rate(data_it, num_steps=num_steps, gain=0.25)
print(spike_data.mean(dim=0).mean(), (data_it * 0.25).mean())
raw_vector = torch.ones(10) * 0.5
rate_coded_vector = torch.bernoulli(raw_vector)
print(rate_coded_vector)
print(f"The output is spiking {rate_coded_vector.sum()*100/len(rate_coded_vector):.2f}% of the time.")
raw_vector = torch.ones(1000) * 0.5
rate_coded_vector = torch.bernoulli(raw_vector)
print(f"The output is spiking {rate_coded_vector.sum()*100/len(rate_coded_vector):.2f}% of the time.")
spk = (torch.rand_like(data_it) < data_it).float()
print(spk.shape, spk.dtype, spk.sum(), (torch.rand_like(data_it) < data_it).dtype)
try:
    torch.bernoulli(torch.tensor([0.5, 1.5]))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.bernoulli(torch.tensor([1, 0]))
except Exception as e:
    print(type(e).__name__, e)
print(torch.bernoulli(torch.tensor([0., 1.])), torch.bernoulli(torch.zeros(3), p=1.0))

# %%
def convert_to_time(data, tau=5, threshold=0.01):
    spike_time = tau * torch.log(data / (data - threshold))
    return spike_time

raw_input = torch.arange(0, 5, 0.05)
spike_times = convert_to_time(raw_input)
print(spike_times[:4], spike_times[-3:])
print(torch.isnan(spike_times).sum(), torch.isinf(spike_times).sum())

def latency_code(data, num_steps, tau=5, threshold=0.01, clip=False, normalize=False, linear=False, epsilon=1e-7):
    idx = data < threshold
    if not linear:
        tensor = torch.clamp(data, threshold + epsilon)
        spike_time = tau * torch.log(tensor / (tensor - threshold))
        if normalize:
            tmax = torch.Tensor([tau * torch.log(torch.tensor(threshold + epsilon) / epsilon)])
            spike_time = spike_time * (num_steps - 1) / tmax
    else:
        spike_time = torch.clamp_max((-tau * (data - 1)), -tau * (threshold - 1))
        if normalize:
            spike_time = spike_time * (num_steps - 1) / tau
    spike_time[idx] = num_steps - 1 if clip is False else num_steps
    return spike_time

def latency(data, num_steps, **kw):
    spike_time = latency_code(data, num_steps, **kw)
    spike_data = torch.zeros((num_steps,) + data.shape)
    clamp_flag = spike_time.round().long().clamp_max(num_steps - 1)
    spike_data = spike_data.scatter(0, clamp_flag.unsqueeze(0), torch.ones_like(spike_data))
    return spike_data, spike_time

x = torch.tensor([0.0, 0.005, 0.2, 0.5, 0.9, 1.0])
for kw in [dict(), dict(normalize=True), dict(linear=True, normalize=True), dict(clip=True, normalize=True)]:
    sd, st = latency(x, num_steps, tau=5, threshold=0.01, **kw)
    print(kw, st, sd.sum(0), sd.argmax(0))

# %%
spike_data, _ = latency(data_it, num_steps=num_steps, tau=5, threshold=0.01, normalize=True, linear=True)
print(spike_data.shape, spike_data.sum(), spike_data.sum(dim=0).max())
first = spike_data[:, 0].view(num_steps, -1)
idx = first.nonzero()
print(idx.shape, idx[:5], idx.dtype)
print(first.sum(dim=0)[:10], first.argmax(dim=0)[:10])
print(torch.where(first[:, :8] == 1))

def delta(data, threshold=0.1, padding=False, off_spike=False):
    if padding:
        data_offset = torch.cat((data[0].unsqueeze(0), data))[:-1]
    else:
        data_offset = torch.cat((torch.zeros_like(data[0]).unsqueeze(0), data))[:-1]
    if not off_spike:
        return torch.ones_like(data) * ((data - data_offset) >= threshold)
    on_spk = torch.ones_like(data) * ((data - data_offset) >= threshold)
    off_spk = -torch.ones_like(data) * ((data - data_offset) <= -threshold)
    return on_spk + off_spk

data = torch.Tensor([0, 1, 0, 2, 8, -20, 20, -5, 0, 1, 0])
print(delta(data, threshold=4))
print(delta(data, threshold=4, off_spike=True))
print(delta(data, threshold=4, padding=True, off_spike=True).dtype)
print(torch.ones_like(data) * (data > 1), (torch.ones(3, dtype=torch.int64) * (data[:3] > 0)).dtype)
