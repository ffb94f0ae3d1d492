# Imitates Alfredo Canziani's NYU Deep Learning course (Atcold/pytorch-Deep-Learning, NYU-DLSP20/21), notebooks
# 09-echo_data.ipynb (an echo task: the target is the input delayed by a few steps, a stateful nn.RNN trained with
# truncated BPTT, hidden.detach() and repackaging of LSTM hidden tuples), 10-autoencoder.ipynb (a Linear/Tanh
# autoencoder, MSE, Adam, the noise-corrupted denoising variant with do = nn.Dropout()) and 11-VAE.ipynb
# (reparameterise with std = logvar.mul(0.5).exp_(), eps = std.data.new(std.size()).normal_(), BCE with
# reduction='sum' plus the KLD formula), on random data at tiny sizes.
import torch
from torch import nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(1)

# %%
train_size = 64
echo_step = 3
batch_size = 4
series_length = train_size // batch_size
x_seq = torch.randint(0, 2, (train_size,))
y_seq = torch.roll(x_seq, echo_step)
y_seq[0:echo_step] = 0
X = x_seq.reshape((batch_size, -1)).unsqueeze(-1).float()
Y = y_seq.reshape((batch_size, -1)).unsqueeze(-1).float()
print(X.shape, Y.shape, X[0, :8, 0], Y[0, :8, 0])

class SimpleRNN(torch.nn.Module):
    def __init__(self, input_size, rnn_hidden_size, output_size):
        super().__init__()
        self.rnn = torch.nn.RNN(input_size, rnn_hidden_size, num_layers=1, nonlinearity='relu', batch_first=True)
        self.linear = torch.nn.Linear(rnn_hidden_size, output_size)

    def forward(self, x, hidden):
        x, hidden = self.rnn(x, hidden)
        x = self.linear(x)
        return x, hidden

model = SimpleRNN(1, 4, 1)
criterion = torch.nn.BCEWithLogitsLoss()
optimizer = torch.optim.RMSprop(model.parameters(), lr=1e-2)
bptt_t = 4
for epoch in range(3):
    hidden = None
    correct = 0
    for t in range(0, series_length, bptt_t):
        data, target = X[:, t:t + bptt_t], Y[:, t:t + bptt_t]
        if hidden is not None:
            hidden.detach_()
        logits, hidden = model(data, hidden)
        optimizer.zero_grad()
        loss = criterion(logits, target)
        loss.backward()
        optimizer.step()
        pred = (torch.sigmoid(logits) > 0.5)
        correct += (pred == target.byte()).int().sum().item()
    print(epoch, round(loss.item(), 5), correct, hidden.requires_grad, hidden.grad_fn)

# %%
hidden = torch.zeros(1, batch_size, 4, requires_grad=False)
logits, hidden = model(X[:, :4], hidden)
logits.sum().backward()
logits, hidden2 = model(X[:, 4:8], hidden)
try:
    logits.sum().backward()
except Exception as e:
    print(type(e).__name__, str(e)[:120])
logits, hidden2 = model(X[:, 4:8], hidden.detach())
logits.sum().backward()
print(hidden.is_leaf, hidden.detach().is_leaf, hidden2.grad_fn.name())
try:
    hidden.detach_()
except Exception as e:
    print(type(e).__name__, e)
print(hidden.requires_grad, hidden.grad_fn)

# %%
def repackage_hidden(h):
    """Wraps hidden states in new Tensors, to detach them from their history."""
    if isinstance(h, torch.Tensor):
        return h.detach()
    else:
        return tuple(repackage_hidden(v) for v in h)

lstm = nn.LSTM(1, 3, batch_first=True)
h = (torch.zeros(1, batch_size, 3), torch.zeros(1, batch_size, 3))
for t in range(0, 8, bptt_t):
    h = repackage_hidden(h)
    out, h = lstm(X[:, t:t + bptt_t], h)
    out.pow(2).mean().backward()
print(type(h), [v.grad_fn.name() for v in h], [v.shape for v in repackage_hidden(h)])
print(lstm.weight_hh_l0.grad.shape, lstm.bias_ih_l0.grad[:3])
try:
    lstm(X[:, :4], h[0])
except Exception as e:
    print(type(e).__name__, e)

# %%
d = 16
n = 12
x_img = torch.rand(32, 1, 4, 4)

class Autoencoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Linear(n, d),
            nn.Tanh(),
        )
        self.decoder = nn.Sequential(
            nn.Linear(d, n),
            nn.Tanh(),
        )

    def forward(self, x):
        x = self.encoder(x)
        x = self.decoder(x)
        return x

model = Autoencoder()
criterion = nn.MSELoss()
learning_rate = 1e-3
optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)
num_epochs = 3
do = nn.Dropout()
for epoch in range(num_epochs):
    img = x_img.view(x_img.size(0), -1)[:, :n]
    noise = do(torch.ones(img.shape))
    img_bad = (img * noise).to(img.device)
    output = model(img_bad)
    loss = criterion(output, img.data)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    print(f'epoch [{epoch + 1}/{num_epochs}], loss:{loss.item():.4f}')
print(noise.unique(), noise.mean())
print(model.encoder[0].weight.grad.norm(), model)
try:
    model(x_img)
except Exception as e:
    print(type(e).__name__, e)

# %%
d = 4

class VAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Linear(n, d ** 2),
            nn.ReLU(),
            nn.Linear(d ** 2, d * 2)
        )
        self.decoder = nn.Sequential(
            nn.Linear(d, d ** 2),
            nn.ReLU(),
            nn.Linear(d ** 2, n),
            nn.Sigmoid(),
        )

    def reparameterise(self, mu, logvar):
        if self.training:
            std = logvar.mul(0.5).exp_()
            eps = std.data.new(std.size()).normal_()
            return eps.mul(std).add_(mu)
        else:
            return mu

    def forward(self, x):
        mu_logvar = self.encoder(x.view(-1, n)).view(-1, 2, d)
        mu = mu_logvar[:, 0, :]
        logvar = mu_logvar[:, 1, :]
        z = self.reparameterise(mu, logvar)
        return self.decoder(z), mu, logvar

model = VAE()
learning_rate = 1e-3
optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)

def loss_function(x_hat, x, mu, logvar):
    BCE = nn.functional.binary_cross_entropy(x_hat, x.view(-1, n), reduction='sum')
    KLD = 0.5 * torch.sum(logvar.exp() - logvar - 1 + mu.pow(2))
    return BCE + KLD

epochs = 3
codes = dict(μ=list(), logσ2=list(), y=list())
for epoch in range(0, epochs + 1):
    if epoch > 0:
        model.train()
        train_loss = 0
        x = x_img.view(32, -1)[:, :n]
        x_hat, mu, logvar = model(x)
        loss = loss_function(x_hat, x, mu, logvar)
        train_loss += loss.item()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        print(f'====> Epoch: {epoch} Average loss: {train_loss / len(x):.4f}')
    with torch.no_grad():
        model.eval()
        test_loss = 0
        x = x_img.view(32, -1)[:, :n]
        x_hat, mu, logvar = model(x)
        test_loss += loss_function(x_hat, x, mu, logvar).item()
        means, logvars = mu, logvar
    codes['μ'].append(means)
    codes['logσ2'].append(logvars)
    test_loss /= len(x)
    print(f'====> Test set loss: {test_loss:.4f}')
print(len(codes['μ']), codes['μ'][-1].shape, codes['logσ2'][-1][0])

# %%
model.train()
x = x_img.view(32, -1)[:, :n]
mu_logvar = model.encoder(x).view(-1, 2, d)
std = mu_logvar[:, 1].mul(0.5).exp_()
print(std.grad_fn, std.data.new(2, 3).normal_().shape, std.new(std.size()).dtype, std.data.new(std.size()).requires_grad)
eps = Variable(std.data.new(std.size()).normal_())
print(type(eps), eps.requires_grad, eps[0])
z = eps.mul(std).add_(mu_logvar[:, 0])
print(z.grad_fn, z.shape)
with torch.no_grad():
    sample = torch.randn((8, d))
    sample = model.decoder(sample)
print(sample.shape, sample.min() >= 0)
try:
    F.binary_cross_entropy(x_hat, x.view(-1, n) * 2, reduction='sum')
except Exception as e:
    print(type(e).__name__, e)
try:
    F.binary_cross_entropy(x_hat, x.view(-1, n), size_average=False)
except Exception as e:
    print(type(e).__name__, e)
print(F.binary_cross_entropy(x_hat, x.view(-1, n), size_average=False))
try:
    F.binary_cross_entropy(x_hat, x.view(-1))
except Exception as e:
    print(type(e).__name__, e)
try:
    mu_logvar.mul(0.5).exp_().new(3).normal_(std=-1)
except Exception as e:
    print(type(e).__name__, e)
