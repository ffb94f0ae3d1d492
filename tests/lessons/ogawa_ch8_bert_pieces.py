# Imitates Yutaro Ogawa, 'つくりながら学ぶ! PyTorchによる発展ディープラーニング' ch8 (repo YutaroOgawa/pytorch_advanced,
# 8_nlp_sentiment_bert/utils/bert.py, 8-2-3_bert_base.ipynb and 8-4_bert_IMDb.ipynb) with a tiny config on random ids
# (no vocab files, no pretrained weights): gelu written with torch.erf, BertLayerNorm by hand with mean/pow/sqrt,
# BertEmbeddings (word/position/token-type, torch.arange position ids, expand_as, zeros_like), BertSelfAttention with
# transpose_for_scores (view/permute) and the extended attention mask (1.0 - mask) * -10000.0, BertIntermediate /
# BertOutput / BertLayer / BertEncoder with output_all_encoded_layers, BertPooler on the first token, the weight loading
# by position from another state_dict (state_dict().copy()), freezing all but the last layer and Adam with param groups,
# and the word-vector comparison with F.cosine_similarity.
import copy
import io
import math
from types import SimpleNamespace

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim


# %%
config = SimpleNamespace(vocab_size=20, hidden_size=8, num_hidden_layers=2, num_attention_heads=2,
                         intermediate_size=16, hidden_act="gelu", hidden_dropout_prob=0.1,
                         attention_probs_dropout_prob=0.1, max_position_embeddings=10, type_vocab_size=2,
                         initializer_range=0.02)
print(config.hidden_size, config.num_attention_heads)


def gelu(x):
    '''Gaussian Error Linear Unitという活性化関数です。
    LeLUが0でカクっと不連続なので、そこを連続になるように滑らかにした形のLeLUです。
    '''
    return x * 0.5 * (1.0 + torch.erf(x / math.sqrt(2.0)))


t = torch.linspace(-3, 3, 7, requires_grad=True)
g = gelu(t)
print(g)
print(torch.allclose(g, F.gelu(t), atol=1e-6), g.grad_fn)
g.sum().backward()
print(t.grad)


class BertLayerNorm(nn.Module):
    """LayerNormalization層です。
    学習済みモデルをそのままロードするため、学習済みモデルの変数名に変えています。
    オリジナルのGitHubの実装から変数名を変えています。
    weight→gamma、bias→beta
    """

    def __init__(self, hidden_size, eps=1e-12):
        super(BertLayerNorm, self).__init__()
        self.gamma = nn.Parameter(torch.ones(hidden_size))  # weightのこと
        self.beta = nn.Parameter(torch.zeros(hidden_size))  # biasのこと
        self.variance_epsilon = eps

    def forward(self, x):
        u = x.mean(-1, keepdim=True)
        s = (x - u).pow(2).mean(-1, keepdim=True)
        x = (x - u) / torch.sqrt(s + self.variance_epsilon)
        return self.gamma * x + self.beta


torch.manual_seed(0)
ln = BertLayerNorm(8)
h = torch.randn(2, 3, 8)
print(ln(h)[0, 0], nn.LayerNorm(8, eps=1e-12)(h)[0, 0])
print(torch.allclose(ln(h), F.layer_norm(h, (8,), eps=1e-12), atol=1e-5))
ln

# %%
class BertEmbeddings(nn.Module):
    """文章の単語ID列と、1文目か2文目かの情報を、埋め込みベクトルに変換する
    """

    def __init__(self, config):
        super(BertEmbeddings, self).__init__()
        self.word_embeddings = nn.Embedding(config.vocab_size, config.hidden_size, padding_idx=0)
        self.position_embeddings = nn.Embedding(config.max_position_embeddings, config.hidden_size)
        self.token_type_embeddings = nn.Embedding(config.type_vocab_size, config.hidden_size)
        self.LayerNorm = BertLayerNorm(config.hidden_size, eps=1e-12)
        self.dropout = nn.Dropout(config.hidden_dropout_prob)

    def forward(self, input_ids, token_type_ids=None):
        words_embeddings = self.word_embeddings(input_ids)
        if token_type_ids is None:
            token_type_ids = torch.zeros_like(input_ids)
        token_type_embeddings = self.token_type_embeddings(token_type_ids)
        seq_length = input_ids.size(1)  # 文章の長さ
        position_ids = torch.arange(seq_length, dtype=torch.long, device=input_ids.device)
        position_ids = position_ids.unsqueeze(0).expand_as(input_ids)
        position_embeddings = self.position_embeddings(position_ids)
        embeddings = words_embeddings + position_embeddings + token_type_embeddings
        embeddings = self.LayerNorm(embeddings)
        embeddings = self.dropout(embeddings)
        return embeddings


class BertSelfAttention(nn.Module):
    def __init__(self, config):
        super(BertSelfAttention, self).__init__()
        self.num_attention_heads = config.num_attention_heads
        self.attention_head_size = int(config.hidden_size / config.num_attention_heads)
        self.all_head_size = self.num_attention_heads * self.attention_head_size
        self.query = nn.Linear(config.hidden_size, self.all_head_size)
        self.key = nn.Linear(config.hidden_size, self.all_head_size)
        self.value = nn.Linear(config.hidden_size, self.all_head_size)
        self.dropout = nn.Dropout(config.attention_probs_dropout_prob)

    def transpose_for_scores(self, x):
        '''multi-head Attention用にテンソルの形を変換する
        [batch_size, seq_len, hidden] → [batch_size, 12, seq_len, hidden/12]
        '''
        new_x_shape = x.size()[:-1] + (self.num_attention_heads, self.attention_head_size)
        x = x.view(*new_x_shape)
        return x.permute(0, 2, 1, 3)

    def forward(self, hidden_states, attention_mask, attention_show_flg=False):
        mixed_query_layer = self.query(hidden_states)
        mixed_key_layer = self.key(hidden_states)
        mixed_value_layer = self.value(hidden_states)
        query_layer = self.transpose_for_scores(mixed_query_layer)
        key_layer = self.transpose_for_scores(mixed_key_layer)
        value_layer = self.transpose_for_scores(mixed_value_layer)
        attention_scores = torch.matmul(query_layer, key_layer.transpose(-1, -2))
        attention_scores = attention_scores / math.sqrt(self.attention_head_size)
        attention_scores = attention_scores + attention_mask
        attention_probs = nn.Softmax(dim=-1)(attention_scores)
        attention_probs = self.dropout(attention_probs)
        context_layer = torch.matmul(attention_probs, value_layer)
        context_layer = context_layer.permute(0, 2, 1, 3).contiguous()
        new_context_layer_shape = context_layer.size()[:-2] + (self.all_head_size,)
        context_layer = context_layer.view(*new_context_layer_shape)
        if attention_show_flg == True:
            return context_layer, attention_probs
        elif attention_show_flg == False:
            return context_layer


torch.manual_seed(1)
emb = BertEmbeddings(config)
input_ids = torch.LongTensor([[2, 5, 7, 3, 0, 0], [2, 9, 11, 4, 3, 0]])
attention_mask = torch.ones_like(input_ids)
attention_mask[input_ids == 0] = 0
token_type_ids = torch.LongTensor([[0, 0, 0, 0, 0, 0], [0, 0, 0, 1, 1, 1]])
print(attention_mask)
extended_attention_mask = attention_mask.unsqueeze(1).unsqueeze(2)
extended_attention_mask = extended_attention_mask.to(dtype=torch.float32)
extended_attention_mask = (1.0 - extended_attention_mask) * -10000.0
print(extended_attention_mask.shape, extended_attention_mask[0])
emb.eval()
e = emb(input_ids, token_type_ids)
print(e.shape, emb.word_embeddings.weight[0])
sa = BertSelfAttention(config)
sa.eval()
ctx, probs = sa(e, extended_attention_mask, attention_show_flg=True)
print(ctx.shape, probs.shape)
print(probs[0, 0, 0], probs[1, 1, 2])
print(sa.transpose_for_scores(e).shape, sa.transpose_for_scores(e).is_contiguous())
try:
    sa.transpose_for_scores(e).view(2, 6, 8)
except Exception as e2:
    print(type(e2).__name__, e2)

# %%
class BertIntermediate(nn.Module):
    def __init__(self, config):
        super(BertIntermediate, self).__init__()
        self.dense = nn.Linear(config.hidden_size, config.intermediate_size)
        self.intermediate_act_fn = gelu

    def forward(self, hidden_states):
        hidden_states = self.dense(hidden_states)
        hidden_states = self.intermediate_act_fn(hidden_states)
        return hidden_states


class BertSelfOutput(nn.Module):
    def __init__(self, config, size):
        super(BertSelfOutput, self).__init__()
        self.dense = nn.Linear(size, config.hidden_size)
        self.LayerNorm = BertLayerNorm(config.hidden_size, eps=1e-12)
        self.dropout = nn.Dropout(config.hidden_dropout_prob)

    def forward(self, hidden_states, input_tensor):
        hidden_states = self.dense(hidden_states)
        hidden_states = self.dropout(hidden_states)
        hidden_states = self.LayerNorm(hidden_states + input_tensor)
        return hidden_states


class BertAttention(nn.Module):
    def __init__(self, config):
        super(BertAttention, self).__init__()
        self.selfattn = BertSelfAttention(config)
        self.output = BertSelfOutput(config, config.hidden_size)

    def forward(self, input_tensor, attention_mask, attention_show_flg=False):
        if attention_show_flg == True:
            self_output, attention_probs = self.selfattn(input_tensor, attention_mask, attention_show_flg)
            attention_output = self.output(self_output, input_tensor)
            return attention_output, attention_probs
        self_output = self.selfattn(input_tensor, attention_mask, attention_show_flg)
        return self.output(self_output, input_tensor)


class BertLayer(nn.Module):
    def __init__(self, config):
        super(BertLayer, self).__init__()
        self.attention = BertAttention(config)
        self.intermediate = BertIntermediate(config)
        self.output = BertSelfOutput(config, config.intermediate_size)

    def forward(self, hidden_states, attention_mask, attention_show_flg=False):
        if attention_show_flg == True:
            attention_output, attention_probs = self.attention(hidden_states, attention_mask, attention_show_flg)
            intermediate_output = self.intermediate(attention_output)
            layer_output = self.output(intermediate_output, attention_output)
            return layer_output, attention_probs
        attention_output = self.attention(hidden_states, attention_mask, attention_show_flg)
        intermediate_output = self.intermediate(attention_output)
        return self.output(intermediate_output, attention_output)


class BertEncoder(nn.Module):
    def __init__(self, config):
        super(BertEncoder, self).__init__()
        self.layer = nn.ModuleList([BertLayer(config) for _ in range(config.num_hidden_layers)])

    def forward(self, hidden_states, attention_mask, output_all_encoded_layers=True, attention_show_flg=False):
        all_encoder_layers = []
        for layer_module in self.layer:
            if attention_show_flg == True:
                hidden_states, attention_probs = layer_module(hidden_states, attention_mask, attention_show_flg)
            else:
                hidden_states = layer_module(hidden_states, attention_mask, attention_show_flg)
            if output_all_encoded_layers:
                all_encoder_layers.append(hidden_states)
        if not output_all_encoded_layers:
            all_encoder_layers.append(hidden_states)
        if attention_show_flg == True:
            return all_encoder_layers, attention_probs
        return all_encoder_layers


class BertPooler(nn.Module):
    '''入力文章の1単語目[cls]の特徴量を変換して保持するためのモジュール'''

    def __init__(self, config):
        super(BertPooler, self).__init__()
        self.dense = nn.Linear(config.hidden_size, config.hidden_size)
        self.activation = nn.Tanh()

    def forward(self, hidden_states):
        first_token_tensor = hidden_states[:, 0]
        pooled_output = self.dense(first_token_tensor)
        pooled_output = self.activation(pooled_output)
        return pooled_output


class BertModel(nn.Module):
    def __init__(self, config):
        super(BertModel, self).__init__()
        self.embeddings = BertEmbeddings(config)
        self.encoder = BertEncoder(config)
        self.pooler = BertPooler(config)

    def forward(self, input_ids, token_type_ids=None, attention_mask=None, output_all_encoded_layers=True,
                attention_show_flg=False):
        if attention_mask is None:
            attention_mask = torch.ones_like(input_ids)
        if token_type_ids is None:
            token_type_ids = torch.zeros_like(input_ids)
        extended_attention_mask = attention_mask.unsqueeze(1).unsqueeze(2)
        extended_attention_mask = extended_attention_mask.to(dtype=torch.float32)
        extended_attention_mask = (1.0 - extended_attention_mask) * -10000.0
        embedding_output = self.embeddings(input_ids, token_type_ids)
        if attention_show_flg == True:
            encoded_layers, attention_probs = self.encoder(embedding_output, extended_attention_mask,
                                                           output_all_encoded_layers, attention_show_flg)
        else:
            encoded_layers = self.encoder(embedding_output, extended_attention_mask, output_all_encoded_layers,
                                          attention_show_flg)
        pooled_output = self.pooler(encoded_layers[-1])
        if not output_all_encoded_layers:
            encoded_layers = encoded_layers[-1]
        if attention_show_flg == True:
            return encoded_layers, pooled_output, attention_probs
        return encoded_layers, pooled_output


torch.manual_seed(2)
net = BertModel(config)
net.eval()
encoded_layers, pooled_output, attention_probs = net(input_ids, token_type_ids, attention_mask,
                                                     output_all_encoded_layers=False, attention_show_flg=True)
print("encoded_layersのテンソルサイズ：", encoded_layers.shape)
print("pooled_outputのテンソルサイズ：", pooled_output.shape)
print("attention_probsのテンソルサイズ：", attention_probs.shape)
all_layers, pooled = net(input_ids)
print(len(all_layers), all_layers[0].shape, pooled.grad_fn)
print(pooled_output[0])

# %%
# 学習済みモデルのロード（別のネットワークの state_dict を順番で読み込む）
torch.manual_seed(3)
src = BertModel(config)
buf = io.BytesIO()
torch.save(src.state_dict(), buf)
buf.seek(0)
loaded_state_dict = torch.load(buf)
param_names = []
for name, param in net.named_parameters():
    param_names.append(name)
new_state_dict = net.state_dict().copy()
for index, (key_name, value) in enumerate(loaded_state_dict.items()):
    name = param_names[index]
    new_state_dict[name] = value
    if index < 4:
        print(str(key_name) + "→" + str(name))
    if index + 1 >= len(param_names):
        break
print(net.load_state_dict(new_state_dict))
print(torch.equal(net.encoder.layer[1].output.dense.weight, src.encoder.layer[1].output.dense.weight))
print(type(new_state_dict).__name__, len(new_state_dict), len(param_names))
try:
    bad = copy.copy(new_state_dict)
    bad['pooler.dense.weight'] = torch.zeros(3, 3)
    net.load_state_dict(bad)
except Exception as e:
    print(type(e).__name__, e)

# %%
class BertForIMDb(nn.Module):
    def __init__(self, net_bert):
        super(BertForIMDb, self).__init__()
        self.bert = net_bert
        self.cls = nn.Linear(in_features=8, out_features=2)
        nn.init.normal_(self.cls.weight, std=0.02)
        nn.init.normal_(self.cls.bias, 0)

    def forward(self, input_ids, token_type_ids=None, attention_mask=None, output_all_encoded_layers=False,
                attention_show_flg=False):
        encoded_layers, pooled_output = self.bert(input_ids, token_type_ids, attention_mask,
                                                  output_all_encoded_layers, attention_show_flg)
        vec_0 = encoded_layers[:, 0, :]
        vec_0 = vec_0.view(-1, 8)
        out = self.cls(vec_0)
        return out


torch.manual_seed(4)
net_cls = BertForIMDb(net)
net_cls.train()
for name, param in net_cls.named_parameters():
    param.requires_grad = False
for name, param in net_cls.bert.encoder.layer[-1].named_parameters():
    param.requires_grad = True
for name, param in net_cls.cls.named_parameters():
    param.requires_grad = True
optimizer = optim.Adam([
    {'params': net_cls.bert.encoder.layer[-1].parameters(), 'lr': 5e-5},
    {'params': net_cls.cls.parameters(), 'lr': 5e-5}
], betas=(0.9, 0.999))
criterion = nn.CrossEntropyLoss()
labels = torch.tensor([0, 1])
for it in range(3):
    optimizer.zero_grad()
    outputs = net_cls(input_ids, token_type_ids=None, attention_mask=None, output_all_encoded_layers=False,
                      attention_show_flg=False)
    loss = criterion(outputs, labels)
    _, preds = torch.max(outputs, 1)
    loss.backward()
    optimizer.step()
    acc = (torch.sum(preds == labels.data)).double() / 2
    print('イテレーション {} || Loss: {:.4f} || 10iter. || 本イテレーションの正解率：{}'.format(it, loss.item(), acc))
print(net_cls.bert.embeddings.word_embeddings.weight.grad, net_cls.bert.encoder.layer[-1].output.dense.bias.grad.shape)
print(len(optimizer.param_groups), [len(g['params']) for g in optimizer.param_groups], optimizer.param_groups[1]['betas'])

# %%
# 単語ベクトルの比較（bank の意味の違い）
net.eval()
with torch.no_grad():
    encoded_layers, _ = net(input_ids, output_all_encoded_layers=False)
bank0 = encoded_layers[0, 2]
bank1 = encoded_layers[1, 2]
bank2 = encoded_layers[1, 3]
print("bank（お金）とbank（お金）", F.cosine_similarity(bank0, bank1, dim=0))
print("bank（お金）とbank（川）", F.cosine_similarity(bank1, bank2, dim=0))
print(F.cosine_similarity(encoded_layers[0], encoded_layers[1]).shape)
try:
    F.cosine_similarity(bank0, bank1.unsqueeze(0)[:, :4], dim=0)
except Exception as e:
    print(type(e).__name__, e)
