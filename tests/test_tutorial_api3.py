"""From the third probe of tutorials (/work/notes/probe_report3.md items 1, 3, 4, 9, 11): containers edited in place
(the fine-tuning idiom ``model.classifier[6] = nn.Linear(...)``), a DataLoader's shuffled epochs with an explicit
generator, Module.cuda() on a CPU-only build, an LSTM given a wrong hidden state, and the dotted-name lookups with
the extra-state pair. Each cell runs on PyTorch and on the engine (helpers.assert_same_as_pytorch: output, error
type and message, warnings)."""
import pytest

from helpers import assert_same_as_pytorch

TRY = ("    try: exec(c) if '=' in c.split('(')[0] or c.startswith('del ') else print(c, '->', eval(c))\n"
       "    except Exception as e: print(c, '!!', type(e).__name__, e)\n")

CELLS = {
    "sequential_edited_in_place": [   # transfer learning: replace, drop or add layers of a pretrained model
        ("import torch.nn as nn\n"
         "from collections import OrderedDict\n"
         "torch.manual_seed(0)\n"
         "model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Sequential(nn.Dropout(0.5), nn.Linear(8, 8), "
         "nn.ReLU(), nn.Linear(8, 3)))\n"
         "model[2][3] = nn.Linear(8, 10)\n"
         "model[-1][-2] = nn.Tanh()\n"
         "print(model, [(n, tuple(p.shape)) for n, p in model.named_parameters()], model(torch.ones(1, 4)).shape)"),
        ("seq = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))\n"
         "del seq[-1]\n"
         "print(seq, list(seq._modules))\n"
         "seq[1] = nn.Tanh(); seq[-1] = nn.Sigmoid(); print(seq)\n"
         'for c in ["seq[5]", "seq[-3] = nn.ReLU()", "seq[\'a\']", "seq[0] = 3", "seq + 3", "seq * 0", "seq * 2.0",\n'
         '          "2.5 * seq", "seq.insert(5, nn.ReLU())", "seq.insert(0, 3)", "del seq[7]"]:\n' + TRY),
        ("seq = nn.Sequential(nn.Linear(2, 3), nn.ReLU())\n"
         "print(seq + nn.Sequential(nn.Sigmoid()), 2 * seq, seq * 2)\n"
         "seq += nn.Sequential(nn.Tanh()); print(seq); seq *= 2; print(seq, len(seq))\n"
         "print(seq.pop(1), seq.pop(-1), seq)\n"
         "del seq[1:3]; print(seq)\n"
         "seq.insert(1, nn.Tanh()); seq.insert(-1, nn.ReLU()); print(seq)\n"
         "print(seq.extend([nn.ReLU()]).append(nn.GELU()), seq[1:3], list(reversed(seq)))"),
        ("seq = nn.Sequential(OrderedDict([('fc1', nn.Linear(2, 2)), ('act', nn.ReLU()), ('fc2', nn.Linear(2, 1))]))\n"
         "seq[1] = nn.Tanh(); print(seq, seq[0:2])\n"
         "del seq[0]; print(seq, [n for n, _ in seq.named_parameters()])\n"
         "seq = nn.Sequential(OrderedDict([('fc1', nn.Linear(2, 2)), ('act', nn.ReLU())]))\n"
         "seq.insert(0, nn.ReLU())"),
    ],
    "modulelist_and_moduledict_edited": [
        ("import torch.nn as nn\n"
         "ml = nn.ModuleList([nn.ReLU(), nn.Tanh()]); del ml[0]; print(ml, ml.pop(0), len(ml))\n"
         "ml = nn.ModuleList([nn.Linear(1, 1), nn.ReLU(), nn.Tanh(), nn.Sigmoid()])\n"
         "print(ml + [nn.GELU()], ml[1:3], ml[-1]); del ml[::2]; print(ml); ml += [nn.ReLU()]; print(ml, ml.pop(-1))\n"
         "ml.insert(0, nn.Linear(2, 2)); print(ml); ml.insert(10, nn.ReLU()); print(list(ml._modules))\n"
         'for c in ["ml[7]", "ml[-9] = nn.ReLU()", "ml.extend(3)", "ml.insert(-1, nn.ReLU())", "del ml[9]", '
         '"ml.pop(9)", "ml[\'x\']"]:\n' + TRY +
         "print(ml)"),
        ("md = nn.ModuleDict({'a': nn.ReLU()}); print(md.pop('a'), len(md)); md['b'] = nn.Tanh(); md.clear()\n"
         "print(md)\n"
         "md.update({'z': nn.ReLU(), 'a': nn.Tanh()}); md.update([('q', nn.GELU())])\n"
         "print(md, list(md.keys()), list(md.values()), list(md.items()))\n"
         'for c in ["md.pop(\'nope\')", "md.update(3)", "md.update([3])", "md.update([(\'a\', nn.ReLU(), 1)])"]:\n'
         + TRY),
    ],
    "dataloader_generator_epochs": [   # the reproducibility recipe: epochs 2, 3 ... shuffle as PyTorch's do
        ("from torch.utils.data import DataLoader, TensorDataset, RandomSampler, BatchSampler, SequentialSampler\n"
         "dl = DataLoader(list(range(8)), batch_size=4, shuffle=True, generator=torch.Generator().manual_seed(1))\n"
         "for ep in range(3):\n"
         "    print([b.tolist() for b in dl])"),
        ("g = torch.Generator().manual_seed(1)\n"
         "dl = DataLoader(list(range(10)), batch_size=4, shuffle=True, generator=g)\n"
         "print(next(iter(dl)))\n"
         "print([b.tolist() for b in dl], [b.tolist() for b in dl])\n"
         "dl = DataLoader(list(range(10)), batch_size=4, shuffle=True, generator=g, drop_last=True)\n"
         "print([b.tolist() for b in dl], [b.tolist() for b in dl], len(dl))\n"
         "it = iter(dl); print(torch.randint(0, 100, (3,), generator=g)); print(next(it), len(it))\n"
         "dl = DataLoader(list(range(7)), batch_size=None, shuffle=True, generator=g)\n"
         "print(list(dl), list(dl), len(dl))"),
        ("g = torch.Generator().manual_seed(3)\n"
         "dl = DataLoader(TensorDataset(torch.arange(6.)), batch_size=2, shuffle=True, generator=g)\n"
         "for ep in range(3):\n"
         "    for xb, in dl:\n"
         "        print(xb.tolist(), end=' ')\n"
         "    print(torch.rand(1, generator=g).item())\n"
         "torch.manual_seed(0)\n"
         "dl = DataLoader(list(range(8)), batch_size=4, shuffle=True)\n"
         "it = iter(dl); print(torch.rand(1)); print(next(it))\n"
         "print(type(dl.sampler).__name__, type(dl.batch_sampler).__name__, type(it).__name__)"),
        ("ds = TensorDataset(torch.arange(10.), torch.arange(10) % 3)\n"
         "torch.manual_seed(5)\n"
         "for kw in [dict(batch_size=None), dict(sampler=RandomSampler(ds, num_samples=12), batch_size=5),\n"
         "           dict(batch_sampler=BatchSampler(SequentialSampler(ds), 4, False), batch_size=2),\n"
         "           dict(batch_size=None, drop_last=True)]:\n"
         "    try:\n"
         "        dl = DataLoader(ds, **kw)\n"
         "        print(len(dl), [b[0].tolist() if isinstance(b, list) else b for b in dl])\n"
         "    except Exception as e: print(type(e).__name__, e)"),
    ],
    "module_cuda_on_a_cpu_build": [   # model.cuda() in countless lessons, often unguarded
        ('for c in ["torch.nn.Linear(2, 2).cuda()", "torch.nn.ReLU().cuda()", "torch.nn.Linear(2, 2).cuda(0)",\n'
         '          "torch.nn.Linear(2, 2).cuda(\'cuda:1\')", "torch.nn.BatchNorm1d(2).cuda()", '
         '"torch.nn.Sequential().cuda()",\n'
         '          "torch.nn.Linear(2, 2).cuda(device=0)", "torch.nn.Linear(2, 2).cuda(-1)", '
         '"torch.nn.Linear(2, 2).cuda(\'cpu\')",\n'
         '          "torch.nn.Linear(2, 2).to(\'cuda\')", "torch.nn.Linear(2, 2).cpu()", '
         '"torch.nn.Linear(2, 2).to(\'cpu\')"]:\n' + TRY),
    ],
    "lstm_given_a_wrong_hidden_state": [   # GRU code switched to LSTM: lstm(x, h0) instead of lstm(x, (h0, c0))
        ("torch.manual_seed(0)\n"
         "lstm = torch.nn.LSTM(4, 8, batch_first=True); gru = torch.nn.GRU(4, 8); x = torch.randn(2, 5, 4)\n"
         'for c in ["lstm(x, torch.zeros(1, 2, 8))", "lstm(x, torch.zeros(2, 2, 8))", '
         '"lstm(x, (torch.zeros(1, 2, 8),))",\n'
         '          "lstm(x, [torch.zeros(1, 2, 8), torch.zeros(1, 2, 8)])[0].shape",\n'
         '          "lstm(x, (torch.zeros(1, 3, 8), torch.zeros(1, 2, 8)))", '
         '"lstm(x, (torch.zeros(2, 8), torch.zeros(2, 8)))",\n'
         '          "lstm(x[0], torch.zeros(1, 8))", "lstm(x[0], torch.zeros(2, 8))", '
         '"lstm(x[:, :, :3], torch.zeros(1, 2, 8))",\n'
         '          "lstm(x, torch.zeros(1, 2, 8).unbind(0))", "lstm(x, [torch.zeros(1, 2, 8)] * 3)", '
         '"lstm(x, 3)",\n'
         '          "lstm(x, (torch.zeros(1, 2, 8), torch.zeros(1, 2, 8), 3))", '
         '"lstm(x[0], (torch.zeros(1, 8), torch.zeros(1, 8), 3))[1][0].shape",\n'
         '          "gru(x, (torch.zeros(1, 5, 8), torch.zeros(1, 5, 8)))", "gru(x, torch.zeros(1, 2, 8))"]:\n' + TRY),
        ("h0, c0 = torch.zeros(1, 2, 8), torch.zeros(1, 2, 8)\n"
         'for c in ["lstm(x, torch.stack((h0, c0)))", "lstm(x, (h0.double(), c0))", "lstm(x, (h0, c0.long()))",\n'
         '          "lstm(x, (h0.half(), c0))", "lstm(x, (h0, c0))[1][1].shape"]:\n' + TRY),
    ],
    "dotted_lookups_and_extra_state": [
        ('for c in ["torch.nn.Sequential(torch.nn.Linear(2, 2)).get_parameter(\'0.bias\').shape",\n'
         '          "torch.nn.Sequential(torch.nn.Linear(2, 2)).get_parameter(\'0.bia\')",\n'
         '          "torch.nn.Sequential(torch.nn.Linear(2, 2)).get_parameter(\'1.bias\')",\n'
         '          "torch.nn.Sequential(torch.nn.Linear(2, 2)).get_parameter(\'0\')",\n'
         '          "torch.nn.Sequential(torch.nn.Linear(2, 2)).get_parameter(\'0.in_features\')",\n'
         '          "torch.nn.Sequential(torch.nn.BatchNorm1d(2)).get_buffer(\'0.running_mean\')",\n'
         '          "torch.nn.Sequential(torch.nn.BatchNorm1d(2)).get_buffer(\'0.weight\')",\n'
         '          "torch.nn.Sequential(torch.nn.BatchNorm1d(2)).get_buffer(\'0.nope\')",\n'
         '          "torch.nn.Linear(2, 2).get_parameter(\'\')", "torch.nn.Linear(2, 2).get_parameter(\'weight.x\')",\n'
         '          "torch.nn.Linear(2, 2).get_extra_state()", "torch.nn.Linear(2, 2).set_extra_state(1)"]:\n' + TRY),
        ("import torch.nn as nn\n"
         "class Counter(nn.Module):\n"
         "    def __init__(self):\n"
         "        super().__init__()\n"
         "        self.lin = nn.Linear(2, 1)\n"
         "        self.register_buffer('steps', torch.zeros(()))\n"
         "        self.calls = 0\n"
         "    def get_extra_state(self):\n"
         "        return {'calls': self.calls}\n"
         "    def set_extra_state(self, state):\n"
         "        self.calls = state['calls']\n"
         "m = nn.Sequential(Counter(), nn.ReLU(), Counter())\n"
         "m[0].calls = 7\n"
         "sd = m.state_dict()\n"
         "print(list(sd.keys()), sd['0._extra_state'])\n"
         "m2 = nn.Sequential(Counter(), nn.ReLU(), Counter())\n"
         "print(m2.load_state_dict(sd), m2[0].calls, m2[2].calls)\n"
         "del sd['2._extra_state']\n"
         "print(m2.load_state_dict(sd, strict=False))\n"
         "sd2 = nn.Sequential(nn.Linear(2, 1)).state_dict(); sd2['0._extra_state'] = 1\n"
         "print(nn.Sequential(nn.Linear(2, 1)).load_state_dict(sd2, strict=False))\n"
         "m2.load_state_dict(sd)"),
        ("print(m.get_submodule('0.lin'), m.get_parameter('2.lin.weight').shape, m.get_buffer('0.steps'))\n"
         "m.set_submodule('0.lin', nn.Linear(2, 3)); print(m[0])\n"
         "for c in [\"m.set_submodule('', nn.ReLU())\", \"m.set_submodule('0.x', 3)\", "
         "\"m.set_submodule('0.x', nn.ReLU(), strict=True)\",\n"
         "          \"m.set_submodule('0.calls', nn.ReLU())\", \"m.set_submodule('5.x', nn.ReLU())\", "
         "\"m.get_buffer('0.calls')\",\n"
         "          \"m.get_parameter('0.calls')\", \"m.set_submodule('3', nn.Tanh())\"]:\n" + TRY +
         "print(m.get_parameter)"),
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_cells_match_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="api_breadth", name=name, warns="per_cell")
