# Imitates Yutaro Ogawa, 'つくりながら学ぶ! PyTorchによる発展ディープラーニング' ch7 (repo YutaroOgawa/pytorch_advanced,
# 7_nlp_sentiment_transformer/utils/transformer.py and 7-6_Transformer.ipynb, 7-7_transformer_training_inference.ipynb)
# at tiny sizes on random vectors (no torchtext, no IMDb): Embedder with nn.Embedding.from_pretrained(freeze=True),
# PositionalEncoder filled with math.sin/cos loops into torch.zeros then pe.requires_grad = False, Attention with
# torch.matmul(q, k.transpose(1, 2)) / math.sqrt(d_k) and masked_fill(mask == 0, -1e9), FeedForward, TransformerBlock
# with LayerNorm and Dropout, ClassificationHead on the first token, weights_init with kaiming_normal_, the training
# loop with torch.set_grad_enabled, torch.max(outputs, 1), torch.sum(preds == labels.data), .double() accuracy, and the
# attention-weight HTML highlighting read with .item().
import math

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim


# %%
class Embedder(nn.Module):
    '''idで示されている単語をベクトルに変換します'''

    def __init__(self, text_embedding_vectors):
        super(Embedder, self).__init__()
        self.embeddings = nn.Embedding.from_pretrained(embeddings=text_embedding_vectors, freeze=True)
        # freeze=Trueによりバックプロパゲーションで更新されず変化しなくなります

    def forward(self, x):
        x_vec = self.embeddings(x)
        return x_vec


torch.manual_seed(0)
vocab_vectors = torch.randn(12, 8)
vocab_vectors[1] = 0  # <pad>
net1 = Embedder(vocab_vectors)
x = torch.tensor([[2, 5, 7, 1, 1], [3, 4, 9, 11, 1]])
x1 = net1(x)
print("入力のテンソルサイズ：", x.shape)
print("出力のテンソルサイズ：", x1.shape)
print(net1.embeddings.weight.requires_grad, x1.requires_grad, x1.grad_fn)
print(net1.embeddings)
list(net1.parameters())[0].shape

# %%
class PositionalEncoder(nn.Module):
    '''入力された単語の位置を示すベクトル情報を付加する'''

    def __init__(self, d_model=300, max_seq_len=256):
        super().__init__()
        self.d_model = d_model  # 単語ベクトルの次元数
        pe = torch.zeros(max_seq_len, d_model)
        device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
        pe = pe.to(device)
        for pos in range(max_seq_len):
            for i in range(0, d_model, 2):
                pe[pos, i] = math.sin(pos / (10000 ** ((2 * i) / d_model)))
                pe[pos, i + 1] = math.cos(pos / (10000 ** ((2 * (i + 1)) / d_model)))
        # 表peの先頭に、ミニバッチ次元となる次元を足す
        self.pe = pe.unsqueeze(0)
        # 勾配を計算しないようにする
        self.pe.requires_grad = False

    def forward(self, x):
        ret = math.sqrt(self.d_model) * x + self.pe
        return ret


net2 = PositionalEncoder(d_model=8, max_seq_len=5)
x2 = net2(x1)
print("出力のテンソルサイズ：", x2.shape)
print(net2.pe[0, :3])
print(x2.requires_grad, net2.pe.is_leaf, net2.pe._base is None, list(net2.state_dict().keys()))
try:
    PositionalEncoder(d_model=8, max_seq_len=4)(x1)
except Exception as e:
    print(type(e).__name__, e)
try:
    PositionalEncoder(d_model=7, max_seq_len=5)
except Exception as e:
    print(type(e).__name__, e)

# %%
class Attention(nn.Module):
    '''Transformerは本当はマルチヘッドAttentionですが、
    分かりやすさを優先しシングルAttentionで実装します'''

    def __init__(self, d_model=300):
        super().__init__()
        self.q_linear = nn.Linear(d_model, d_model)
        self.v_linear = nn.Linear(d_model, d_model)
        self.k_linear = nn.Linear(d_model, d_model)
        self.out = nn.Linear(d_model, d_model)
        self.d_k = d_model

    def forward(self, q, k, v, mask):
        k = self.k_linear(k)
        q = self.q_linear(q)
        v = self.v_linear(v)
        weights = torch.matmul(q, k.transpose(1, 2)) / math.sqrt(self.d_k)
        # ここでmaskを計算
        mask = mask.unsqueeze(1)
        weights = weights.masked_fill(mask == 0, -1e9)
        normlized_weights = F.softmax(weights, dim=-1)
        output = torch.matmul(normlized_weights, v)
        output = self.out(output)
        return output, normlized_weights


class FeedForward(nn.Module):
    def __init__(self, d_model, d_ff=1024, dropout=0.1):
        super().__init__()
        self.linear_1 = nn.Linear(d_model, d_ff)
        self.dropout = nn.Dropout(dropout)
        self.linear_2 = nn.Linear(d_ff, d_model)

    def forward(self, x):
        x = self.linear_1(x)
        x = self.dropout(F.relu(x))
        x = self.linear_2(x)
        return x


class TransformerBlock(nn.Module):
    def __init__(self, d_model, dropout=0.1):
        super().__init__()
        self.norm_1 = nn.LayerNorm(d_model)
        self.norm_2 = nn.LayerNorm(d_model)
        self.attn = Attention(d_model)
        self.ff = FeedForward(d_model, d_ff=16)
        self.dropout_1 = nn.Dropout(dropout)
        self.dropout_2 = nn.Dropout(dropout)

    def forward(self, x, mask):
        x_normlized = self.norm_1(x)
        output, normlized_weights = self.attn(x_normlized, x_normlized, x_normlized, mask)
        x2 = x + self.dropout_1(output)
        x_normlized2 = self.norm_2(x2)
        output = x2 + self.dropout_2(self.ff(x_normlized2))
        return output, normlized_weights


torch.manual_seed(1)
input_pad = 1
input_mask = (x != input_pad)
print(input_mask)
net3 = TransformerBlock(d_model=8)
net3.eval()
x3, normlized_weights = net3(x2, input_mask)
print("出力のテンソルサイズ：", x3.shape)
print("Attentionのサイズ：", normlized_weights.shape)
print(normlized_weights[0])
print(normlized_weights[0, 0, 3:], normlized_weights.grad_fn)

# %%
class ClassificationHead(nn.Module):
    '''Transformer_Blockの出力を使用し、最後にクラス分類させる'''

    def __init__(self, d_model=300, output_dim=2):
        super().__init__()
        self.linear = nn.Linear(d_model, output_dim)
        nn.init.normal_(self.linear.weight, std=0.02)
        nn.init.normal_(self.linear.bias, 0)

    def forward(self, x):
        x0 = x[:, 0, :]  # 各ミニバッチの各文の先頭の単語の特徴量（300次元）を取り出す
        out = self.linear(x0)
        return out


class TransformerClassification(nn.Module):
    def __init__(self, text_embedding_vectors, d_model=300, max_seq_len=256, output_dim=2):
        super().__init__()
        self.net1 = Embedder(text_embedding_vectors)
        self.net2 = PositionalEncoder(d_model=d_model, max_seq_len=max_seq_len)
        self.net3_1 = TransformerBlock(d_model=d_model)
        self.net3_2 = TransformerBlock(d_model=d_model)
        self.net4 = ClassificationHead(output_dim=output_dim, d_model=d_model)

    def forward(self, x, mask):
        x1 = self.net1(x)
        x2 = self.net2(x1)
        x3_1, normlized_weights_1 = self.net3_1(x2, mask)
        x3_2, normlized_weights_2 = self.net3_2(x3_1, mask)
        x4 = self.net4(x3_2)
        return x4, normlized_weights_1, normlized_weights_2


def weights_init(m):
    classname = m.__class__.__name__
    if classname.find('Linear') != -1:
        nn.init.kaiming_normal_(m.weight)
        if m.bias is not None:
            nn.init.constant_(m.bias, 0.0)


torch.manual_seed(2)
net = TransformerClassification(text_embedding_vectors=vocab_vectors, d_model=8, max_seq_len=5, output_dim=2)
net.train()
net.net3_1.apply(weights_init)
net.net3_2.apply(weights_init)
print('ネットワーク設定完了')
out, nw1, nw2 = net(x, input_mask)
print(out.shape, nw1.shape, out.grad_fn)
print(sum(p.numel() for p in net.parameters()), sum(p.numel() for p in net.parameters() if p.requires_grad))
print([n for n, p in net.named_parameters()][:3])

# %%
criterion = nn.CrossEntropyLoss()
learning_rate = 2e-3
optimizer = optim.Adam(net.parameters(), lr=learning_rate)
torch.manual_seed(3)
inputs_all = torch.randint(2, 12, (8, 5))
inputs_all[::3, 3:] = input_pad
labels_all = torch.randint(0, 2, (8,))
dataset_len = 8
num_epochs = 3
for epoch in range(num_epochs):
    for phase in ['train', 'val']:
        if phase == 'train':
            net.train()
        else:
            net.eval()
        epoch_loss = 0.0
        epoch_corrects = 0
        for b in range(2):
            inputs = inputs_all[b * 4:(b + 1) * 4]
            labels = labels_all[b * 4:(b + 1) * 4]
            optimizer.zero_grad()
            with torch.set_grad_enabled(phase == 'train'):
                input_mask = (inputs != input_pad)
                outputs, _, _ = net(inputs, input_mask)
                loss = criterion(outputs, labels)
                _, preds = torch.max(outputs, 1)
                if phase == 'train':
                    loss.backward()
                    optimizer.step()
                epoch_loss += loss.item() * inputs.size(0)
                epoch_corrects += torch.sum(preds == labels.data)
        epoch_loss = epoch_loss / dataset_len
        epoch_acc = epoch_corrects.double() / dataset_len
        print('Epoch {}/{} | {:^5} |  Loss: {:.4f} Acc: {:.4f}'.format(epoch + 1, num_epochs, phase, epoch_loss,
                                                                       epoch_acc))
print(epoch_corrects, epoch_acc, type(epoch_corrects))
print(net.net1.embeddings.weight.grad, net.net4.linear.bias.grad is not None)

# %%
def highlight(word, attn):
    "Attentionの値が大きいと文字の背景が濃い赤になるhtmlを出力させる関数"
    html_color = '#%02X%02X%02X' % (255, int(255 * (1 - attn)), int(255 * (1 - attn)))
    return '<span style="background-color: {}"> {}</span>'.format(html_color, word)


net.eval()
index = 0
inputs = inputs_all[:4]
input_mask = (inputs != input_pad)
outputs, normlized_weights_1, normlized_weights_2 = net(inputs, input_mask)
_, preds = torch.max(outputs, 1)
sentence = inputs[index]
label = labels_all[index]
pred = preds[index]
label_str = "Positive" if label == 1 else "Negative"
pred_str = "Positive" if pred == 1 else "Negative"
html = '正解ラベル：{}<br>推論ラベル：{}<br>'.format(label_str, pred_str)
attens1 = normlized_weights_1[index, 0, :]
attens1 /= attens1.max()
for word, attn in zip(sentence, attens1):
    html += highlight(str(word.item()), attn)
print(html)
print(attens1.grad_fn, normlized_weights_1[index, 0, :])
try:
    with torch.no_grad():
        a = normlized_weights_2[index, 0, :]
    a /= a.max()
except Exception as e:
    print(type(e).__name__, e)
