# Imitates pytorch/examples siamese_network/main.py (APP_MATCHER's grouped_examples with np.where on a tensor, numpy
# indices into tensors, a small CNN in place of resnet18 cut with list(children())[:-1], init_weights with
# xavier_uniform_ and bias.data.fill_, BCELoss, torch.where(outputs > 0.5, 1, 0)), mnist_rnn (LSTM batch_first,
# BatchNorm1d, Dropout2d on 2-D input), mnist_forward_forward (overlay_y_on_x, Layer(nn.Linear) with its own Adam),
# and gcn/gat (GraphConv with torch.spmm on a normalised sparse adjacency, GAT's masked attention).
import random
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
torch.manual_seed(0); random.seed(0); np.random.seed(0)
targets = torch.randint(0, 3, (30,))
data = torch.randint(0, 256, (30, 8, 8), dtype=torch.uint8)
grouped = {}
for i in range(0, 3):
    grouped[i] = np.where((targets == i))[0]
print(grouped[0], type(grouped[0][0]))
idx = grouped[1][random.randint(0, grouped[1].shape[0] - 1)]
image_1 = data[idx].clone().float()
print(image_1.shape, image_1.dtype, data[grouped[2]].shape, data[np.int64(3)].shape)
image_1 = image_1.unsqueeze(0)
print(torch.tensor(1, dtype=torch.float), targets[np.array([1, 2])], data[grouped[0][:2]].float().mean())
print(np.where(targets.numpy() == 0), np.asarray(targets == 2).dtype)
for f in [lambda: np.nonzero(targets == 1), lambda: np.sum(targets == 2), lambda: np.mean(targets.float()), lambda: np.max(targets), lambda: np.argmax(targets), lambda: np.unique(targets), lambda: np.concatenate([targets, targets])[:3], lambda: np.round(torch.tensor([1.26]), 1), lambda: np.exp(torch.tensor([1.0])), lambda: np.std(torch.tensor([1.0, 2.0])), lambda: np.clip(torch.tensor([1.0, 2.0]), 0, 1), lambda: np.mean(torch.tensor([1.0, 2.0], requires_grad=True))]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(torch.where(targets == 1)[0], torch.where(torch.tensor([0.2, 0.7]) > 0.5, 1, 0), torch.where(torch.tensor([0.2, 0.7]) > 0.5, 1.0, 0))
out = torch.tensor([[0.2], [0.7], [0.9]])
pred = torch.where(out > 0.5, 1, 0)
t = torch.tensor([0., 1., 0.])
print(pred.eq(t.view_as(pred)).sum().item(), pred.dtype)
class SiameseNetwork(nn.Module):
    def __init__(self):
        super(SiameseNetwork, self).__init__()
        self.resnet = nn.Sequential(nn.Conv2d(1, 4, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), bias=False), nn.BatchNorm2d(4), nn.ReLU(inplace=True), nn.AdaptiveAvgPool2d(output_size=(1, 1)), nn.Linear(1, 1))
        self.fc_in_features = self.resnet[-1].in_features * 4
        self.resnet = torch.nn.Sequential(*(list(self.resnet.children())[:-1]))
        self.fc = nn.Sequential(nn.Linear(self.fc_in_features * 2, 16), nn.ReLU(inplace=True), nn.Linear(16, 1))
        self.sigmoid = nn.Sigmoid()
        self.resnet.apply(self.init_weights)
        self.fc.apply(self.init_weights)
    def init_weights(self, m):
        if isinstance(m, nn.Linear):
            torch.nn.init.xavier_uniform_(m.weight)
            m.bias.data.fill_(0.01)
    def forward_once(self, x):
        output = self.resnet(x)
        output = output.view(output.size()[0], -1)
        return output
    def forward(self, input1, input2):
        output1 = self.forward_once(input1)
        output2 = self.forward_once(input2)
        output = torch.cat((output1, output2), 1)
        output = self.fc(output)
        output = self.sigmoid(output)
        return output
model = SiameseNetwork()
print(model)
print(list(model.resnet.children())[-1], model.fc_in_features)
opt = torch.optim.Adadelta(model.parameters(), lr=1.0)
from torch.optim.lr_scheduler import StepLR
sched = StepLR(opt, step_size=1, gamma=0.7)
loss_fn = nn.BCELoss()
i1, i2 = torch.randn(4, 1, 8, 8), torch.randn(4, 1, 8, 8)
tg = torch.tensor([1., 0., 1., 1.])
outputs = model(i1, i2).squeeze()
loss = loss_fn(outputs, tg)
loss.backward(); opt.step(); sched.step()
print(outputs, loss, sched.get_last_lr())
try:
    loss_fn(model(i1, i2), tg)
except Exception as e:
    print(type(e).__name__, e)
try:
    loss_fn(outputs, torch.tensor([1, 0, 1, 1]))
except Exception as e:
    print(type(e).__name__, e)
with torch.no_grad():
    o = model(i1[:1], i2[:1]).squeeze()
    print(o, o.shape, torch.where(o > 0.5, 1, 0))
# %%
class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.rnn = nn.LSTM(input_size=8, hidden_size=12, batch_first=True)
        self.batchnorm = nn.BatchNorm1d(12)
        self.dropout1 = nn.Dropout2d(0.25)
        self.dropout2 = nn.Dropout2d(0.5)
        self.fc1 = nn.Linear(12, 10)
        self.fc2 = nn.Linear(10, 10)
    def forward(self, input):
        input = input.reshape(-1, 8, 8)
        output, hidden = self.rnn(input)
        output = output[:, -1, :]
        output = self.batchnorm(output)
        output = self.dropout1(output)
        output = self.fc1(output)
        output = F.relu(output)
        output = self.dropout2(output)
        output = self.fc2(output)
        output = F.log_softmax(output, dim=1)
        return output
torch.manual_seed(3)
net = Net()
x = torch.randn(5, 1, 8, 8)
import warnings
out = net(x)
print(out.shape, out[0])
F.nll_loss(out, torch.tensor([1, 2, 3, 4, 5])).backward()
print(net.rnn.weight_hh_l0.grad.shape)
net.eval()
print(net(x)[0])
# forward-forward
def overlay_y_on_x(x, y):
    x_ = x.clone()
    x_[:, :10] *= 0.0
    x_[range(x.shape[0]), y] = x.max()
    return x_
x = torch.rand(4, 20)
y = torch.tensor([1, 3, 5, 7])
xp = overlay_y_on_x(x, y)
print(xp[:, :10])
rnd = torch.randperm(x.size(0))
xn = overlay_y_on_x(x, y[rnd])
class Layer(nn.Linear):
    def __init__(self, in_features, out_features, bias=True, device=None, dtype=None):
        super().__init__(in_features, out_features, bias, device, dtype)
        self.relu = torch.nn.ReLU()
        self.opt = torch.optim.Adam(self.parameters(), lr=0.03)
        self.threshold = 2.0
        self.num_epochs = 3
    def forward(self, x):
        x_direction = x / (x.norm(2, 1, keepdim=True) + 1e-4)
        return self.relu(torch.mm(x_direction, self.weight.T) + self.bias.unsqueeze(0))
    def train(self, x_pos, x_neg):
        for i in range(self.num_epochs):
            g_pos = self.forward(x_pos).pow(2).mean(1)
            g_neg = self.forward(x_neg).pow(2).mean(1)
            loss = torch.log(1 + torch.exp(torch.cat([-g_pos + self.threshold, g_neg - self.threshold]))).mean()
            self.opt.zero_grad()
            loss.backward()
            self.opt.step()
        return self.forward(x_pos).detach(), self.forward(x_neg).detach()
L = Layer(20, 6)
print(L)
hp, hn = L.train(xp, xn)
print(hp.shape, L.weight.grad.norm() > 0)
try:
    L.eval()
except Exception as e:
    print(type(e).__name__, e)
# %%

torch.manual_seed(0)
N = 5
edges = torch.tensor([[0, 1], [1, 2], [2, 3], [3, 4], [4, 0], [1, 3]])
adj = torch.sparse_coo_tensor(edges.T, torch.ones(len(edges)), (N, N))
print(adj)
adj = adj + adj.t() if False else adj
dense = adj.to_dense() + torch.eye(N)
deg = dense.sum(1)
d = torch.diag(torch.pow(deg, -0.5))
norm = d @ dense @ d
sp = norm.to_sparse()
print(sp)
print(sp.is_sparse, sp.layout, sp._nnz(), sp.indices().shape, sp.values()[:3])
class GraphConv(nn.Module):
    def __init__(self, input_dim, output_dim, use_bias=False):
        super(GraphConv, self).__init__()
        self.kernel = nn.Parameter(torch.Tensor(input_dim, output_dim))
        nn.init.xavier_normal_(self.kernel)
        self.bias = None
        if use_bias:
            self.bias = nn.Parameter(torch.Tensor(output_dim))
            nn.init.zeros_(self.bias)
    def forward(self, input_tensor, adj_mat):
        support = torch.mm(input_tensor, self.kernel)
        output = torch.spmm(adj_mat, support)
        if self.bias is not None:
            output = output + self.bias
        return output
g = GraphConv(3, 2, use_bias=True)
x = torch.randn(N, 3)
out = g(x, sp)
print(out, out.grad_fn)
out.sum().backward()
print(g.kernel.grad, g.bias.grad)
print(torch.sparse.mm(sp, x).shape, (sp @ x).shape)
print(torch.sparse.sum(sp), torch.sparse.sum(sp, dim=1))
print(sp.coalesce().indices()[:, :4])
try:
    torch.spmm(x, sp)
except Exception as e:
    print(type(e).__name__, e)
# GAT
# %%
W = nn.Parameter(torch.empty(3, 4)); nn.init.xavier_normal_(W, gain=1.414)
a = nn.Parameter(torch.empty(2 * 2, 1)); nn.init.xavier_normal_(a, gain=1.414)
h = torch.mm(x, W).view(N, 2, 2).permute(1, 0, 2)
src = torch.matmul(h, a[:2, :]); dst = torch.matmul(h, a[2:, :])
e = F.leaky_relu(src + dst.mT, 0.2)
connectivity_mask = -9e16 * torch.ones_like(e)
e = torch.where(dense > 0, e, connectivity_mask)
att = F.softmax(e, dim=-1)
att = F.dropout(att, 0.6, training=False)
hp = torch.matmul(att, h)
print(hp.shape, hp.permute(1, 0, 2).contiguous().view(N, 4).shape, F.elu(hp).mean())
print(e[0, 0], att[0, 0])
