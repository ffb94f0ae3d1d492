# Imitates the mixture-of-experts code people read and copy: DeepSpeed / fairseq top1gating for the Switch
# Transformer (argmax, one_hot masks, cumsum locations, capacity dropping with torch.lt, einsum dispatch and
# combine tensors, l_aux = sum(me * ce) * E), Hugging Face's Mixtral sparse MoE block (softmax in float, topk,
# renormalised routing weights, one_hot(...).permute(2, 1, 0), torch.where on the expert mask, index_add_ of the
# expert outputs) with its load_balancing_loss_func and the router z-loss, and printed gradient norms.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

def top1gating(logits, capacity_factor=1.0, min_capacity=2):
    gates = F.softmax(logits, dim=1)
    num_tokens, num_experts = gates.shape
    capacity = max(int(torch.ceil(torch.tensor(num_tokens / num_experts * capacity_factor))), min_capacity)
    indices1_s = torch.argmax(gates, dim=1)
    mask1 = F.one_hot(indices1_s, num_classes=num_experts)
    exp_counts = torch.sum(mask1, dim=0).detach().to("cpu")
    me = torch.mean(gates, dim=0)
    ce = torch.mean(mask1.float(), dim=0)
    l_aux = torch.sum(me * ce) * num_experts
    locations1 = torch.cumsum(mask1, dim=0) - 1
    mask1 = mask1 * torch.lt(locations1, capacity)
    locations1_s = torch.sum(locations1 * mask1, dim=1)
    mask1_float = mask1.float()
    gates = gates * mask1_float
    locations1_sc = F.one_hot(locations1_s, num_classes=capacity).float()
    combine_weights = torch.einsum("se,sc->sec", gates, locations1_sc)
    dispatch_mask = combine_weights.bool()
    return l_aux, combine_weights, dispatch_mask, exp_counts

x = torch.randn(10, 4)
wg = nn.Linear(4, 3, bias=False)
logits = wg(x)
l_aux, combine_weights, dispatch_mask, exp_counts = top1gating(logits)
print(l_aux, exp_counts, exp_counts.dtype)
print(combine_weights.shape, combine_weights.grad_fn, dispatch_mask.dtype, dispatch_mask.sum(dim=(0, 2)))
print(mask_dropped := (dispatch_mask.sum(dim=(1, 2)) == 0).nonzero().flatten())

# %%
experts = nn.ModuleList([nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 4)) for _ in range(3)])
dispatched_input = torch.einsum("sec,sm->ecm", dispatch_mask.type_as(x), x)
print(dispatched_input.shape, dispatched_input.dtype)
chunks = dispatched_input.chunk(3, dim=0)
expert_outputs = torch.cat([e(c) for e, c in zip(experts, chunks)], dim=0)
combined_output = torch.einsum("sec,ecm->sm", combine_weights.type_as(x), expert_outputs)
print(combined_output.shape, combined_output.grad_fn)
loss = combined_output.pow(2).mean() + 0.01 * l_aux
loss.backward()
print(loss, wg.weight.grad.norm(), [f"{e[0].weight.grad.norm().item():.4f}" for e in experts])
print(torch.nn.utils.clip_grad_norm_(list(wg.parameters()) + list(experts.parameters()), max_norm=0.5))

# %%
class MixtralSparseMoeBlock(nn.Module):
    def __init__(self, hidden_dim=4, ffn_dim=8, num_experts=4, top_k=2):
        super().__init__()
        self.hidden_dim, self.num_experts, self.top_k = hidden_dim, num_experts, top_k
        self.gate = nn.Linear(hidden_dim, num_experts, bias=False)
        self.experts = nn.ModuleList([nn.Sequential(nn.Linear(hidden_dim, ffn_dim, bias=False), nn.SiLU(),
                                                    nn.Linear(ffn_dim, hidden_dim, bias=False))
                                      for _ in range(num_experts)])

    def forward(self, hidden_states):
        batch_size, sequence_length, hidden_dim = hidden_states.shape
        hidden_states = hidden_states.view(-1, hidden_dim)
        router_logits = self.gate(hidden_states)
        routing_weights = F.softmax(router_logits, dim=1, dtype=torch.float)
        routing_weights, selected_experts = torch.topk(routing_weights, self.top_k, dim=-1)
        routing_weights /= routing_weights.sum(dim=-1, keepdim=True)
        routing_weights = routing_weights.to(hidden_states.dtype)
        final_hidden_states = torch.zeros((batch_size * sequence_length, hidden_dim), dtype=hidden_states.dtype,
                                          device=hidden_states.device)
        expert_mask = torch.nn.functional.one_hot(selected_experts, num_classes=self.num_experts).permute(2, 1, 0)
        expert_hit = torch.greater(expert_mask.sum(dim=(-1, -2)), 0).nonzero()
        for expert_idx in expert_hit:
            expert_layer = self.experts[expert_idx]
            idx, top_x = torch.where(expert_mask[expert_idx].squeeze(0))
            current_state = hidden_states[None, top_x].reshape(-1, hidden_dim)
            current_hidden_states = expert_layer(current_state) * routing_weights[top_x, idx, None]
            final_hidden_states.index_add_(0, top_x, current_hidden_states.to(hidden_states.dtype))
        final_hidden_states = final_hidden_states.reshape(batch_size, sequence_length, hidden_dim)
        return final_hidden_states, router_logits

moe = MixtralSparseMoeBlock()
h = torch.randn(2, 3, 4)
out, router_logits = moe(h)
print(out.shape, out.grad_fn, router_logits.shape)
print(moe.experts[torch.tensor([1])])
try:
    moe.experts[torch.tensor([1, 2])]
except Exception as e:
    print(type(e).__name__, e)

# %%
def load_balancing_loss_func(gate_logits, num_experts, top_k=2):
    concatenated_gate_logits = torch.cat([layer_gate for layer_gate in gate_logits], dim=0)
    routing_weights = torch.nn.functional.softmax(concatenated_gate_logits, dim=-1)
    _, selected_experts = torch.topk(routing_weights, top_k, dim=-1)
    expert_mask = torch.nn.functional.one_hot(selected_experts, num_experts)
    tokens_per_expert = torch.mean(expert_mask.float(), dim=0)
    router_prob_per_expert = torch.mean(routing_weights, dim=0)
    overall_loss = torch.sum(tokens_per_expert * router_prob_per_expert.unsqueeze(0))
    return overall_loss * num_experts

def router_z_loss(router_logits):
    return torch.logsumexp(router_logits, dim=-1).square().mean()

aux = load_balancing_loss_func((router_logits, router_logits * 0.5), 4)
z = router_z_loss(router_logits)
print(aux, z)
total = out.pow(2).sum() + 0.02 * aux + 1e-3 * z
total.backward()
print(moe.gate.weight.grad.norm(), [None if e[0].weight.grad is None else f"{e[0].weight.grad.norm().item():.4f}"
                                    for e in moe.experts])
counts = torch.bincount(torch.topk(router_logits, 2).indices.flatten(), minlength=4)
print(counts, counts / counts.sum(), counts.float().std(), counts.float().var(unbiased=False))

# %%
# scatter-based dispatch and the mistakes with one_hot / bincount / topk / index_add_
sel = torch.topk(router_logits, 2, dim=-1).indices
dispatch = torch.zeros(6, 4).scatter(1, sel, 1.0)
print(dispatch, dispatch.sum(0))
print(torch.zeros(6, 4).scatter_(1, sel, torch.ones(6, 2), reduce="add").sum())
for bad in [lambda: F.one_hot(torch.tensor([0, 4]), num_classes=4), lambda: F.one_hot(torch.tensor([0., 1.])),
            lambda: F.one_hot(torch.tensor([-1, 2])), lambda: torch.bincount(torch.tensor([0.5, 1.0])),
            lambda: torch.bincount(torch.tensor([-1, 2])), lambda: torch.bincount(torch.tensor([[0, 1]])),
            lambda: torch.topk(router_logits, 5, dim=-1),
            lambda: torch.zeros(3, 2).index_add_(0, torch.tensor([0, 1]), torch.ones(2, 2, dtype=torch.float64)),
            lambda: torch.zeros(3, 2).index_add_(0, torch.tensor([0., 1.]), torch.ones(2, 2)),
            lambda: torch.zeros(3, 2).index_add_(0, torch.tensor([0, 3]), torch.ones(2, 2)),
            lambda: torch.zeros(3, 2).index_add_(0, torch.tensor([0, 1]), torch.ones(3, 2))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(F.one_hot(torch.tensor([[0, 2], [1, 1]])).shape, F.one_hot(torch.tensor([], dtype=torch.long), 3).shape)
print(torch.bincount(torch.tensor([0, 2, 2]), weights=torch.tensor([0.5, 1.0, 2.0])),
      torch.bincount(torch.tensor([], dtype=torch.long)), torch.bincount(torch.tensor([1, 1]), minlength=0))
