# Imitates the UvA Deep Learning course, Tutorial 7 ("Graph Neural Networks"), without torch_geometric: the GCNLayer
# on a dense adjacency matrix (sum of neighbours, bmm, division by the degree) with the tutorial's 4-node example,
# the GATLayer (edges from adj_matrix.nonzero(), index_select of the flattened node features, einsum of the
# attention vector, leaky ReLU, the -9e15 filled attention matrix written through a boolean mask, softmax and einsum
# back), a node classifier trained on a small random graph with masks, and a graph-level readout.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(42)

class GCNLayer(nn.Module):
    def __init__(self, c_in, c_out):
        super().__init__()
        self.projection = nn.Linear(c_in, c_out)

    def forward(self, node_feats, adj_matrix):
        num_neighbours = adj_matrix.sum(dim=-1, keepdims=True)
        node_feats = self.projection(node_feats)
        node_feats = torch.bmm(adj_matrix, node_feats)
        node_feats = node_feats / num_neighbours
        return node_feats

node_feats = torch.arange(8, dtype=torch.float32).view(1, 4, 2)
adj_matrix = torch.Tensor([[[1, 1, 0, 0],
                            [1, 1, 1, 1],
                            [0, 1, 1, 1],
                            [0, 1, 1, 1]]])
print("Node features:\n", node_feats)
print("\nAdjacency matrix:\n", adj_matrix)
layer = GCNLayer(c_in=2, c_out=2)
layer.projection.weight.data = torch.Tensor([[1., 0.], [0., 1.]])
layer.projection.bias.data = torch.Tensor([0., 0.])
with torch.no_grad():
    out_feats = layer(node_feats, adj_matrix)
print("Adjacency matrix", adj_matrix)
print("Input features", node_feats)
print("Output features", out_feats)
print(adj_matrix.sum(dim=-1, keepdims=True), adj_matrix.dtype, layer.projection.weight)
try:
    layer(node_feats, adj_matrix[0])
except Exception as e:
    print(type(e).__name__, e)
try:
    layer(node_feats, adj_matrix.long())
except Exception as e:
    print(type(e).__name__, e)

# %%
class GATLayer(nn.Module):
    def __init__(self, c_in, c_out, num_heads=1, concat_heads=True, alpha=0.2):
        super().__init__()
        self.num_heads = num_heads
        self.concat_heads = concat_heads
        if self.concat_heads:
            assert c_out % num_heads == 0, "Number of output features must be a multiple of the count of heads."
            c_out = c_out // num_heads
        self.projection = nn.Linear(c_in, c_out * num_heads)
        self.a = nn.Parameter(torch.Tensor(num_heads, 2 * c_out))
        self.leakyrelu = nn.LeakyReLU(alpha)
        nn.init.xavier_uniform_(self.projection.weight.data, gain=1.414)
        nn.init.xavier_uniform_(self.a.data, gain=1.414)

    def forward(self, node_feats, adj_matrix, print_attn_probs=False):
        batch_size, num_nodes = node_feats.size(0), node_feats.size(1)
        node_feats = self.projection(node_feats)
        node_feats = node_feats.view(batch_size, num_nodes, self.num_heads, -1)
        edges = adj_matrix.nonzero(as_tuple=False)
        node_feats_flat = node_feats.view(batch_size * num_nodes, self.num_heads, -1)
        edge_indices_row = edges[:, 0] * num_nodes + edges[:, 1]
        edge_indices_col = edges[:, 0] * num_nodes + edges[:, 2]
        a_input = torch.cat([
            torch.index_select(input=node_feats_flat, index=edge_indices_row, dim=0),
            torch.index_select(input=node_feats_flat, index=edge_indices_col, dim=0)
        ], dim=-1)
        attn_logits = torch.einsum("bhc,hc->bh", a_input, self.a)
        attn_logits = self.leakyrelu(attn_logits)
        attn_matrix = attn_logits.new_zeros(adj_matrix.shape + (self.num_heads,)).fill_(-9e15)
        attn_matrix[adj_matrix[..., None].repeat(1, 1, 1, self.num_heads) == 1] = attn_logits.reshape(-1)
        attn_probs = F.softmax(attn_matrix, dim=2)
        if print_attn_probs:
            print("Attention probs\n", attn_probs.permute(0, 3, 1, 2))
        node_feats = torch.einsum("bijh,bjhc->bihc", attn_probs, node_feats)
        if self.concat_heads:
            node_feats = node_feats.reshape(batch_size, num_nodes, -1)
        else:
            node_feats = node_feats.mean(dim=2)
        return node_feats

layer = GATLayer(2, 2, num_heads=2)
layer.projection.weight.data = torch.Tensor([[1., 0.], [0., 1.]])
layer.projection.bias.data = torch.Tensor([0., 0.])
layer.a.data = torch.Tensor([[-0.2, 0.3], [0.1, -0.1]])
with torch.no_grad():
    out_feats = layer(node_feats, adj_matrix, print_attn_probs=True)
print("Adjacency matrix", adj_matrix)
print("Input features", node_feats)
print("Output features", out_feats)
edges = adj_matrix.nonzero(as_tuple=False)
print(edges.shape, edges.dtype, edges[:3], adj_matrix.nonzero(as_tuple=True)[2])

# %%
torch.manual_seed(0)
layer = GATLayer(2, 4, num_heads=2, concat_heads=False)
print(layer.a.shape, layer.projection, [n for n, p in layer.named_parameters()])
out = layer(node_feats, adj_matrix)
out.pow(2).sum().backward()
print(out.shape, out.grad_fn)
print(layer.a.grad)
print(layer.projection.weight.grad)
try:
    GATLayer(2, 3, num_heads=2)
except AssertionError as e:
    print("AssertionError", e)

# %%
class GNNModel(nn.Module):
    def __init__(self, c_in, c_hidden, c_out, num_layers=2, layer_name="GCN", dp_rate=0.1, **kwargs):
        super().__init__()
        gnn_layer = {"GCN": GCNLayer, "GAT": GATLayer}[layer_name]
        layers = []
        in_channels, out_channels = c_in, c_hidden
        for l_idx in range(num_layers - 1):
            layers += [gnn_layer(c_in=in_channels, c_out=out_channels, **kwargs), nn.ReLU(inplace=True),
                       nn.Dropout(dp_rate)]
            in_channels = c_hidden
        layers += [gnn_layer(c_in=in_channels, c_out=c_out, **kwargs)]
        self.layers = nn.ModuleList(layers)

    def forward(self, x, adj_matrix):
        for l in self.layers:
            if isinstance(l, (GCNLayer, GATLayer)):
                x = l(x, adj_matrix)
            else:
                x = l(x)
        return x

torch.manual_seed(1)
num_nodes, c_in, num_classes = 10, 6, 3
x = torch.randn(1, num_nodes, c_in)
adj = (torch.rand(num_nodes, num_nodes) < 0.3).float()
adj = ((adj + adj.T + torch.eye(num_nodes)) > 0).float()[None]
y = torch.randint(num_classes, (num_nodes,))
train_mask = torch.zeros(num_nodes, dtype=torch.bool)
train_mask[:6] = True
print(adj.sum(), train_mask, (~train_mask).sum())
for name in ["GCN", "GAT"]:
    torch.manual_seed(2)
    model = GNNModel(c_in, 8, num_classes, layer_name=name)
    optimizer = optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=2e-3)
    for epoch in range(20):
        model.train()
        logits = model(x, adj).squeeze(0)
        loss = F.cross_entropy(logits[train_mask], y[train_mask])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    model.eval()
    with torch.no_grad():
        pred = model(x, adj).squeeze(0).argmax(dim=-1)
    acc = (pred[train_mask] == y[train_mask]).sum().float() / train_mask.sum()
    print(name, f"loss {loss.item():.4f}", acc, pred)
print(model)

# %%
batch_idx = torch.tensor([0, 0, 0, 1, 1, 2, 2, 2, 2, 2])
node_out = torch.randn(10, 4, requires_grad=True)
graph_sum = torch.zeros(3, 4).index_add(0, batch_idx, node_out)
counts = torch.bincount(batch_idx).unsqueeze(-1)
graph_mean = graph_sum / counts
print(counts.dtype, graph_mean)
graph_max = torch.stack([node_out[batch_idx == b].max(dim=0).values for b in range(3)])
print(graph_max.grad_fn, graph_max.shape)
(graph_mean.sum() + graph_max.sum()).backward()
print(node_out.grad)
scatter_mean = torch.zeros(3, 4).scatter_reduce(0, batch_idx[:, None].expand(-1, 4), node_out, reduce="mean",
                                                include_self=False)
print(torch.allclose(scatter_mean, graph_mean), scatter_mean.grad_fn)
