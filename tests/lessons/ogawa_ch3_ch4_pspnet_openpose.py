# Imitates Yutaro Ogawa, 'つくりながら学ぶ! PyTorchによる発展ディープラーニング' ch3 and ch4 (repo YutaroOgawa/pytorch_advanced,
# 3_semantic_segmentation/utils/pspnet.py and 4_pose_estimation/utils/openpose_net.py) at tiny sizes on random tensors:
# conv2DBatchNormRelu, the PyramidPooling module (AdaptiveAvgPool2d pyramid, F.interpolate bilinear align_corners=True,
# torch.cat), DecodePSPFeature / AuxiliaryPSPlayers with Dropout2d, weights_init with xavier_normal_, PSPLoss with the
# auxiliary loss weight, SGD with per-module learning rates and LambdaLR's poly schedule; OpenPose's make_OpenPose_block
# from a cfg dict (Conv2d/ReLU(inplace) blocks with the last ReLU dropped), the stage outputs concatenated with the
# features, OpenPoseLoss (F.mse_loss on masked PAFs and heatmaps over 6 stages) and a training step.
import math

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.nn.init as init
import torch.optim as optim


# %%
class conv2DBatchNormRelu(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size, stride, padding, dilation, bias):
        super(conv2DBatchNormRelu, self).__init__()
        self.conv = nn.Conv2d(in_channels, out_channels, kernel_size, stride, padding, dilation, bias=bias)
        self.batchnorm = nn.BatchNorm2d(out_channels)
        self.relu = nn.ReLU(inplace=True)
        # inplase設定で入力を保存せずに出力を計算し、メモリ削減する

    def forward(self, x):
        x = self.conv(x)
        x = self.batchnorm(x)
        outputs = self.relu(x)
        return outputs


class PyramidPooling(nn.Module):
    def __init__(self, in_channels, pool_sizes, height, width):
        super(PyramidPooling, self).__init__()
        self.height = height
        self.width = width
        out_channels = int(in_channels / len(pool_sizes))
        self.avpool_1 = nn.AdaptiveAvgPool2d(output_size=pool_sizes[0])
        self.cbr_1 = conv2DBatchNormRelu(in_channels, out_channels, kernel_size=1, stride=1, padding=0, dilation=1, bias=False)
        self.avpool_2 = nn.AdaptiveAvgPool2d(output_size=pool_sizes[1])
        self.cbr_2 = conv2DBatchNormRelu(in_channels, out_channels, kernel_size=1, stride=1, padding=0, dilation=1, bias=False)
        self.avpool_3 = nn.AdaptiveAvgPool2d(output_size=pool_sizes[2])
        self.cbr_3 = conv2DBatchNormRelu(in_channels, out_channels, kernel_size=1, stride=1, padding=0, dilation=1, bias=False)
        self.avpool_4 = nn.AdaptiveAvgPool2d(output_size=pool_sizes[3])
        self.cbr_4 = conv2DBatchNormRelu(in_channels, out_channels, kernel_size=1, stride=1, padding=0, dilation=1, bias=False)

    def forward(self, x):
        out1 = self.cbr_1(self.avpool_1(x))
        out1 = F.interpolate(out1, size=(self.height, self.width), mode="bilinear", align_corners=True)
        out2 = self.cbr_2(self.avpool_2(x))
        out2 = F.interpolate(out2, size=(self.height, self.width), mode="bilinear", align_corners=True)
        out3 = self.cbr_3(self.avpool_3(x))
        out3 = F.interpolate(out3, size=(self.height, self.width), mode="bilinear", align_corners=True)
        out4 = self.cbr_4(self.avpool_4(x))
        out4 = F.interpolate(out4, size=(self.height, self.width), mode="bilinear", align_corners=True)
        output = torch.cat([x, out1, out2, out3, out4], dim=1)
        return output


torch.manual_seed(0)
pp = PyramidPooling(in_channels=8, pool_sizes=[6, 3, 2, 1], height=5, width=5)
x = torch.randn(2, 8, 5, 5)
y = pp(x)
print(y.shape, y.grad_fn)
print(pp.avpool_2(x).shape, pp.avpool_2)
print(y[0, 8:, 0, 0])
print(F.interpolate(torch.arange(4.).view(1, 1, 2, 2), size=(3, 3), mode="bilinear", align_corners=True))
pp

# %%
class DecodePSPFeature(nn.Module):
    def __init__(self, in_channels, height, width, n_classes):
        super(DecodePSPFeature, self).__init__()
        self.height = height
        self.width = width
        self.cbr = conv2DBatchNormRelu(in_channels=in_channels, out_channels=8, kernel_size=3, stride=1,
                                       padding=1, dilation=1, bias=False)
        self.dropout = nn.Dropout2d(p=0.1)
        self.classification = nn.Conv2d(in_channels=8, out_channels=n_classes, kernel_size=1, stride=1, padding=0)

    def forward(self, x):
        x = self.cbr(x)
        x = self.dropout(x)
        x = self.classification(x)
        output = F.interpolate(x, size=(self.height, self.width), mode="bilinear", align_corners=True)
        return output


class TinyPSPNet(nn.Module):
    def __init__(self, n_classes):
        super(TinyPSPNet, self).__init__()
        self.feature_conv = conv2DBatchNormRelu(3, 8, kernel_size=3, stride=2, padding=1, dilation=1, bias=False)
        self.feature_dilated = conv2DBatchNormRelu(8, 8, kernel_size=3, stride=1, padding=2, dilation=2, bias=False)
        self.pyramid_pooling = PyramidPooling(in_channels=8, pool_sizes=[6, 3, 2, 1], height=6, width=6)
        self.decode_feature = DecodePSPFeature(16, height=12, width=12, n_classes=n_classes)
        self.aux = DecodePSPFeature(8, height=12, width=12, n_classes=n_classes)

    def forward(self, x):
        x = self.feature_conv(x)
        x = self.feature_dilated(x)
        output_aux = self.aux(x)
        x = self.pyramid_pooling(x)
        output = self.decode_feature(x)
        return (output, output_aux)


class PSPLoss(nn.Module):
    """PSPNetの損失関数のクラスです。"""

    def __init__(self, aux_weight=0.4):
        super(PSPLoss, self).__init__()
        self.aux_weight = aux_weight

    def forward(self, outputs, targets):
        loss = F.cross_entropy(outputs[0], targets, reduction='mean')
        loss_aux = F.cross_entropy(outputs[1], targets, reduction='mean')
        return loss + self.aux_weight * loss_aux


def weights_init(m):
    if isinstance(m, nn.Conv2d):
        nn.init.xavier_normal_(m.weight.data)
        if m.bias is not None:  # バイアス項がある場合
            nn.init.constant_(m.bias, 0.0)


torch.manual_seed(1)
net = TinyPSPNet(n_classes=3)
net.decode_feature.apply(weights_init)
net.aux.apply(weights_init)
print(net.decode_feature.classification.bias)
imgs = torch.randn(2, 3, 12, 12)
anno = torch.randint(0, 3, (2, 12, 12))
net.train()
outputs = net(imgs)
print(outputs[0].shape, outputs[1].shape)
criterion = PSPLoss(aux_weight=0.4)
loss = criterion(outputs, anno.long())
print(loss)
loss.backward()
print(net.decode_feature.classification.weight.grad.shape, net.aux.classification.bias.grad)

# %%
optimizer = optim.SGD([
    {'params': net.feature_conv.parameters(), 'lr': 1e-3},
    {'params': net.feature_dilated.parameters(), 'lr': 1e-3},
    {'params': net.pyramid_pooling.parameters(), 'lr': 1e-3},
    {'params': net.decode_feature.parameters(), 'lr': 1e-2},
    {'params': net.aux.parameters(), 'lr': 1e-2},
], momentum=0.9, weight_decay=0.0001)


def lambda_epoch(epoch):
    max_epoch = 30
    return math.pow((1 - epoch / max_epoch), 0.9)


scheduler = optim.lr_scheduler.LambdaLR(optimizer, lr_lambda=lambda_epoch)
torch.manual_seed(2)
batch_multiplier = 2
for epoch in range(3):
    net.train()
    epoch_train_loss = 0.0
    count = 0
    for it in range(2):
        if count == 0:
            optimizer.step()
            optimizer.zero_grad()
            count = batch_multiplier
        with torch.set_grad_enabled(True):
            outputs = net(imgs)
            loss = criterion(outputs, anno.long()) / batch_multiplier
            loss.backward()
            count -= 1
            epoch_train_loss += loss.item() * batch_multiplier
    scheduler.step()
    print('epoch {} || Epoch_TRAIN_Loss:{:.4f}'.format(epoch + 1, epoch_train_loss / 2),
          [round(g['lr'], 6) for g in optimizer.param_groups])
net.eval()
with torch.no_grad():
    y = net(imgs[:1])[0]
y = y[0].detach().numpy()
y = np.argmax(y, axis=0)
print(y.shape, y.dtype, np.bincount(y.ravel(), minlength=3).sum())

# %%
bad = anno.clone()
bad[0, 0, 0] = 255
try:
    criterion(outputs, bad)
except Exception as e:
    print(type(e).__name__, e)
print(F.cross_entropy(outputs[0], bad, ignore_index=255))
try:
    criterion(outputs, anno.float())
except Exception as e:
    print(type(e).__name__, e)
try:
    F.interpolate(imgs, size=(5, 5), mode="bilinear")
    F.interpolate(imgs[0], size=(5, 5), mode="bilinear", align_corners=True)
except Exception as e:
    print(type(e).__name__, e)

# %%
# OpenPose: cfg からブロックを作る
def make_OpenPose_block(block_name):
    blocks = {}
    blocks['block1_1'] = [{'conv5_1_CPM_L1': [8, 8, 3, 1, 1]},
                          {'conv5_2_CPM_L1': [8, 8, 3, 1, 1]},
                          {'conv5_5_CPM_L1': [8, 4, 1, 1, 0]}]
    blocks['block1_2'] = [{'conv5_1_CPM_L2': [8, 8, 3, 1, 1]},
                          {'conv5_2_CPM_L2': [8, 8, 3, 1, 1]},
                          {'conv5_5_CPM_L2': [8, 2, 1, 1, 0]}]
    for i in range(2, 7):
        blocks['block%d_1' % i] = [{'Mconv1_stage%d_L1' % i: [14, 8, 7, 1, 3]},
                                   {'Mconv2_stage%d_L1' % i: [8, 8, 7, 1, 3]},
                                   {'Mconv7_stage%d_L1' % i: [8, 4, 1, 1, 0]}]
        blocks['block%d_2' % i] = [{'Mconv1_stage%d_L2' % i: [14, 8, 7, 1, 3]},
                                   {'Mconv2_stage%d_L2' % i: [8, 8, 7, 1, 3]},
                                   {'Mconv7_stage%d_L2' % i: [8, 2, 1, 1, 0]}]
    cfg_dict = blocks[block_name]
    layers = []
    for i in range(len(cfg_dict)):
        for k, v in cfg_dict[i].items():
            if 'pool' in k:
                layers += [nn.MaxPool2d(kernel_size=v[0], stride=v[1], padding=v[2])]
            else:
                conv2d = nn.Conv2d(in_channels=v[0], out_channels=v[1], kernel_size=v[2], stride=v[3], padding=v[4])
                layers += [conv2d, nn.ReLU(inplace=True)]
    net = nn.Sequential(*layers[:-1])

    def _initialize_weights_norm(self):
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                init.normal_(m.weight, std=0.01)
                if m.bias is not None:
                    init.constant_(m.bias, 0.0)

    net.apply(_initialize_weights_norm)
    return net


class OpenPoseNet(nn.Module):
    def __init__(self):
        super(OpenPoseNet, self).__init__()
        self.model0 = nn.Sequential(nn.Conv2d(3, 8, 3, 1, 1), nn.ReLU(inplace=True), nn.MaxPool2d(2, 2, 0))
        self.model1_1 = make_OpenPose_block('block1_1')
        self.model1_2 = make_OpenPose_block('block1_2')
        for i in range(2, 7):
            setattr(self, 'model%d_1' % i, make_OpenPose_block('block%d_1' % i))
            setattr(self, 'model%d_2' % i, make_OpenPose_block('block%d_2' % i))

    def forward(self, x):
        out1 = self.model0(x)
        saved_for_loss = []
        out = out1
        for i in range(1, 7):
            o_1 = getattr(self, 'model%d_1' % i)(out)
            o_2 = getattr(self, 'model%d_2' % i)(out)
            out = torch.cat([o_1, o_2, out1], 1)
            saved_for_loss.append(o_1)
            saved_for_loss.append(o_2)
        return (o_1, o_2), saved_for_loss


torch.manual_seed(3)
op_net = OpenPoseNet()
print(op_net.model1_1)
print(op_net.model2_1[0].weight.std() < 0.02, op_net.model2_1[0].bias.abs().sum())
dummy_img = torch.rand(1, 3, 8, 8)
outputs, saved = op_net(dummy_img)
print(outputs[0].shape, outputs[1].shape, len(saved))

# %%
class OpenPoseLoss(nn.Module):
    """OpenPoseの損失関数のクラスです。"""

    def __init__(self):
        super(OpenPoseLoss, self).__init__()

    def forward(self, saved_for_loss, heatmap_target, heat_mask, paf_target, paf_mask):
        total_loss = 0
        # ステージごとに計算します
        for j in range(6):
            # PAFsとheatmapsにおいて、マスクされている部分（paf_mask=0など）は無視させる
            pred1 = saved_for_loss[2 * j] * paf_mask
            gt1 = paf_target.float() * paf_mask
            pred2 = saved_for_loss[2 * j + 1] * heat_mask
            gt2 = heatmap_target.float() * heat_mask
            total_loss += F.mse_loss(pred1, gt1, reduction='mean') + \
                F.mse_loss(pred2, gt2, reduction='mean')
        return total_loss


torch.manual_seed(4)
criterion = OpenPoseLoss()
paf_target = torch.rand(2, 4, 4, 4).double()
heatmap_target = torch.rand(2, 2, 4, 4)
mask = (torch.rand(2, 4, 4) > 0.2).float()
paf_mask = mask.unsqueeze(1).repeat(1, 4, 1, 1)
heat_mask = mask.unsqueeze(1).expand(2, 2, 4, 4)
optimizer = optim.SGD(op_net.parameters(), lr=1e-2, momentum=0.9, weight_decay=0.0001)
imgs = torch.rand(2, 3, 8, 8)
for it in range(3):
    optimizer.zero_grad()
    _, saved_for_loss = op_net(imgs)
    loss = criterion(saved_for_loss, heatmap_target, heat_mask, paf_target, paf_mask)
    loss.backward()
    optimizer.step()
    print('イテレーション {} || Loss: {:.4f} ||'.format(it, loss.item()), loss.dtype)
print(op_net.model6_2[-1].weight.grad.abs().sum() > 0)
try:
    criterion(saved_for_loss, heatmap_target, heat_mask[:, :1], paf_target, paf_mask.squeeze())
except Exception as e:
    print(type(e).__name__, e)
try:
    F.mse_loss(saved_for_loss[0], paf_target[:, :3])
except Exception as e:
    print(type(e).__name__, e)
