"""An op with many parameters (an LSTM layer's weight_ih, weight_hh, bias_ih, bias_hh) draws them on several rows
instead of one: the graph of a one-layer nn.LSTM was 1344 px wide (four parameter boxes side by side), too wide
for a notebook at 1024 px even at the diagram's smallest scale; a two-layer bidirectional one 2856 px."""
import re

from test_loops_models import grad_cell
from autograd_magic.views import graph as graph_view
from autograd_magic.views.diagram import natural_width

LSTM = """import torch
torch.manual_seed(0)
lstm = torch.nn.LSTM(input_size=3, hidden_size=4, batch_first=True)
out, (h, c) = lstm(torch.randn(2, 5, 3))
loss = out.pow(2).mean()
loss.backward()
"""


def _accumulate_edges(dot):
    """{AccumulateGrad node: the DOT attributes of the edge that reaches it}."""
    acc = set(re.findall(r"^\s*(n\d+) \[label=<AccumulateGrad>", dot, re.M))
    return {dst: attrs for src, dst, attrs in re.findall(r"^\s*(n\d+) -> (n\d+)(.*)$", dot, re.M) if dst in acc}


def test_an_lstm_layers_four_parameters_take_two_rows_and_the_picture_narrows(ip, monkeypatch):
    _, res = grad_cell(ip, LSTM)
    view = res.views["graph"]
    edges = _accumulate_edges(view.dot)
    assert len(edges) == 4
    assert sorted("minlen=2" in a for a in edges.values()) == [False, False, True, True]
    staggered = natural_width(view.svg)
    monkeypatch.setattr(graph_view, "STAGGER_FROM", 10**6)     # the same graph drawn on one row
    res.views["graph"]._rendered.clear()
    one_row = natural_width(res.views["graph"].svg)
    assert "minlen" not in res.views["graph"].dot
    assert staggered < 0.85 * one_row


def test_ops_with_fewer_parameters_keep_them_on_one_row(ip):
    _, res = grad_cell(ip, "import torch\nlin = torch.nn.Linear(3, 2)\nloss = lin(torch.ones(4, 3)).sum()\n"
                           "loss.backward()\n")
    assert "minlen" not in res.views["graph"].dot
