# Imitates MachineLearningMastery's "Save and Load Your PyTorch Models" and GeeksforGeeks' "Saving and loading a
# model in PyTorch": torch.save of a state_dict and of a whole model into io.BytesIO, buffer.seek(0), torch.load
# with weights_only (its default, the UnpicklingError for a whole object, add_safe_globals / safe_globals),
# saving tensors, lists and dicts of tensors, shared storage, and the checkpoint dict of epoch/optimizer/loss.
import argparse
import io
import pickle
import warnings
import torch
import torch.nn as nn
import torch.optim as optim

# %%
class Multiclass(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(4, 8)
        self.act = nn.ReLU()
        self.output = nn.Linear(8, 3)
        self.logsoftmax = nn.LogSoftmax(dim=1)

    def forward(self, x):
        return self.logsoftmax(self.output(self.act(self.hidden(x))))

torch.manual_seed(0)
model = Multiclass()
X = torch.randn(5, 4)
print(model.state_dict().keys())
print(model.state_dict()['output.bias'])

# %%
buffer = io.BytesIO()
torch.save(model.state_dict(), buffer)
print(buffer.tell() > 0, type(buffer.getvalue()).__name__)
buffer.seek(0)
sd = torch.load(buffer)
print(type(sd).__name__, list(sd), sd['hidden.bias'].requires_grad, sd['hidden.bias'].is_leaf)
new_model = Multiclass()
print(new_model.load_state_dict(sd))
print(torch.equal(new_model(X), model(X)))

# %%
seq = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3), nn.LogSoftmax(dim=1))
buffer = io.BytesIO()
torch.save(seq, buffer)
buffer.seek(0)
try:
    torch.load(buffer)
except Exception as e:
    print(type(e).__name__, str(e).splitlines()[0])
buffer.seek(0)
whole = torch.load(buffer, weights_only=False)
print(type(whole).__name__, whole)
print(whole[0].weight.requires_grad, type(whole[0].weight).__name__, torch.equal(whole(X), seq(X)))
buffer = io.BytesIO()
try:
    torch.save(model, buffer)   # a class defined in the notebook itself
except Exception as e:
    print(type(e).__name__)
buffer.seek(0)
try:
    torch.load(buffer, weights_only=False)
except Exception as e:
    print(type(e).__name__, e)

# %%
buffer = io.BytesIO()
torch.save(model.hidden, buffer)
buffer.seek(0)
with torch.serialization.safe_globals([nn.Linear]):
    lin = torch.load(buffer)
print(lin)
buffer = io.BytesIO()
torch.save({'epoch': 3, 'model': model.state_dict(), 'loss': torch.tensor(0.25), 'lr': 0.1,
            'hist': [1.0, 0.5], 'name': 'run1', 'shape': torch.Size([2, 3]), 'dtype': torch.float64}, buffer)
buffer.seek(0)
ckpt = torch.load(buffer, weights_only=True)
print(sorted(ckpt), ckpt['epoch'], ckpt['loss'], ckpt['hist'], ckpt['shape'], ckpt['dtype'])

# %%
optimizer = optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
loss = nn.NLLLoss()(model(X), torch.tensor([0, 1, 2, 0, 1]))
loss.backward()
optimizer.step()
buffer = io.BytesIO()
torch.save({'epoch': 1, 'model_state_dict': model.state_dict(), 'optimizer_state_dict': optimizer.state_dict(),
            'loss': loss}, buffer)
buffer.seek(0)
checkpoint = torch.load(buffer, weights_only=True)
print(checkpoint['loss'], checkpoint['loss'].requires_grad)
opt2 = optim.SGD(new_model.parameters(), lr=0.5)
opt2.load_state_dict(checkpoint['optimizer_state_dict'])
print(opt2.param_groups[0]['lr'], opt2.param_groups[0]['momentum'], opt2.state_dict()['state'][3])

# %%
x = torch.arange(10.)
buffer = io.BytesIO()
torch.save([x, x[2:5], x.view(2, 5)], buffer)
buffer.seek(0)
a, b, c = torch.load(buffer)
b[0] = 100
print(a, c)
print(b.storage_offset(), c.is_contiguous(), a.untyped_storage().data_ptr() == b.untyped_storage().data_ptr())
buffer = io.BytesIO()
torch.save(x[:2], buffer)
buffer.seek(0)
y = torch.load(buffer)
print(y, y.untyped_storage().nbytes(), y.storage_offset())

# %%
Config = argparse.Namespace
buffer = io.BytesIO()
torch.save({'cfg': Config(lr=0.1), 'w': torch.ones(2)}, buffer)
buffer.seek(0)
try:
    torch.load(buffer, weights_only=True)
except pickle.UnpicklingError as e:
    lines = str(e).splitlines()
    print(type(e).__name__, lines[0])
    print([l for l in lines if 'GLOBAL' in l])
buffer.seek(0)
try:
    torch.load(buffer, weights_only=False, mmap=True)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.load(io.BytesIO(b"not a checkpoint"))
except Exception as e:
    print(type(e).__name__, str(e).splitlines()[0])
for raw in [b"", b"PK\x03\x04", b"1,2,3\n", pickle.dumps({'w': [1.0]}, protocol=2)]:
    for wo in [True, False]:
        try:
            torch.load(io.BytesIO(raw), weights_only=wo)
        except Exception as e:
            print(type(e).__name__, str(e).splitlines()[-3:])
buffer = io.BytesIO()
torch.save({'w': torch.ones(2)}, buffer, pickle_protocol=4)
buffer.seek(0)
try:
    torch.load(buffer)
except Exception as e:
    print(type(e).__name__, str(e).splitlines()[-3])
buffer.seek(0)
print(torch.load(buffer, weights_only=False))

# %%
torch.serialization.add_safe_globals([Config])
buffer = io.BytesIO()
torch.save({'cfg': Config(lr=0.1), 'w': torch.ones(2)}, buffer)
buffer.seek(0)
loaded = torch.load(buffer)
print(type(loaded['cfg']).__name__, loaded['cfg'].lr, loaded['w'])
print(Config in torch.serialization.get_safe_globals())
torch.serialization.clear_safe_globals()
print(torch.serialization.get_safe_globals())
