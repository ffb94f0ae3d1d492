# Imitates pytorch/examples regression/main.py (POLY_DEGREE, make_features, f, poly_desc formatting 0-dim tensors
# with '{:+.2f}', get_batch, the hand-written update with param.data.add_, itertools.count loop) and
# time_sequence_prediction (generate_sine_wave data from numpy in float64, the Sequence of two LSTMCells with a
# `future` loop, seq.double(), LBFGS with a printing closure, predictions under no_grad) at small sizes.
import torch
import torch.nn as nn
import torch.nn.functional as F
import numpy as np

# %%
POLY_DEGREE = 4
torch.manual_seed(0)
W_target = torch.randn(POLY_DEGREE, 1) * 5
b_target = torch.randn(1) * 5

def make_features(x):
    x = x.unsqueeze(1)
    return torch.cat([x ** i for i in range(1, POLY_DEGREE+1)], 1)

def f(x):
    return x.mm(W_target) + b_target.item()

def poly_desc(W, b):
    result = 'y = '
    for i, w in enumerate(W):
        result += '{:+.2f} x^{} '.format(w, i + 1)
    result += '{:+.2f}'.format(b[0])
    return result

def get_batch(batch_size=32):
    random = torch.randn(batch_size)
    x = make_features(random)
    y = f(x)
    return x, y
fc = torch.nn.Linear(W_target.size(0), 1)
from itertools import count
for batch_idx in count(1):
    batch_x, batch_y = get_batch()
    fc.zero_grad()
    output = F.smooth_l1_loss(fc(batch_x), batch_y)
    loss = output.item()
    output.backward()
    for param in fc.parameters():
        param.data.add_(-0.1 * param.grad)
    if loss < 1e-3 or batch_idx > 300:
        break
print('Loss: {:.6f} after {} batches'.format(loss, batch_idx))
print('==> Learned function:\t' + poly_desc(fc.weight.view(-1), fc.bias))
print('==> Actual function:\t' + poly_desc(W_target.view(-1), b_target))
print('{:+.2f}'.format(fc.bias), f"{fc.bias[0]:+.2f}", f"{fc.weight.view(-1)[0]:>10.3e}", f"{W_target[0]:.1f}")
for spec in ['', 'd', '5d', '.2%', 'g', 'x', 's', '>20', '+', 'n', 'e']:
    for t in [torch.tensor(2.5), torch.tensor(3), torch.tensor([1.5]), torch.tensor(True), torch.tensor(2.5, requires_grad=True), torch.tensor([1.,2.])]:
        try:
            print(repr(spec), repr(format(t, spec)))
        except Exception as e:
            print(repr(spec), type(e).__name__, e)
# %%
torch.manual_seed(2)
T, L, N = 20, 60, 6
x = np.empty((N, L), 'int64')
x[:] = np.array(range(L)) + np.random.RandomState(0).randint(-4 * T, 4 * T, N).reshape(N, 1)
data = np.sin(x / 1.0 / T).astype('float64')
input = torch.from_numpy(data[3:, :-1])
target = torch.from_numpy(data[3:, 1:])
test_input = torch.from_numpy(data[:3, :-1])
test_target = torch.from_numpy(data[:3, 1:])
print(input.dtype, input.shape)
class Sequence(nn.Module):
    def __init__(self):
        super(Sequence, self).__init__()
        self.lstm1 = nn.LSTMCell(1, 11)
        self.lstm2 = nn.LSTMCell(11, 11)
        self.linear = nn.Linear(11, 1)

    def forward(self, input, future = 0):
        outputs = []
        h_t = torch.zeros(input.size(0), 11, dtype=torch.double)
        c_t = torch.zeros(input.size(0), 11, dtype=torch.double)
        h_t2 = torch.zeros(input.size(0), 11, dtype=torch.double)
        c_t2 = torch.zeros(input.size(0), 11, dtype=torch.double)

        for input_t in input.split(1, dim=1):
            h_t, c_t = self.lstm1(input_t, (h_t, c_t))
            h_t2, c_t2 = self.lstm2(h_t, (h_t2, c_t2))
            output = self.linear(h_t2)
            outputs += [output]
        for i in range(future):# if we should predict the future
            h_t, c_t = self.lstm1(output, (h_t, c_t))
            h_t2, c_t2 = self.lstm2(h_t, (h_t2, c_t2))
            output = self.linear(h_t2)
            outputs += [output]
        outputs = torch.stack(outputs, 1).squeeze(2)
        return outputs
seq = Sequence()
try:
    seq(input)
except Exception as e:
    print(type(e).__name__, e)
seq.double()
criterion = nn.MSELoss()
optimizer = torch.optim.LBFGS(seq.parameters(), lr=0.8)
print(optimizer)
for i in range(2):
    print('STEP: ', i)
    def closure():
        optimizer.zero_grad()
        out = seq(input)
        loss = criterion(out, target)
        print('loss:', loss.item())
        loss.backward()
        return loss
    r = optimizer.step(closure)
    print(r)
    future = 5
    with torch.no_grad():
        pred = seq(test_input, future=future)
        loss = criterion(pred[:, :-future], test_target)
        print('test loss:', loss.item())
        y = pred.detach().numpy()
    print(y.shape, y.dtype)
print(optimizer.state_dict()['state'][0].keys())
print(optimizer.state[optimizer._params[0]]['func_evals'], optimizer.state[optimizer._params[0]]['n_iter'])
