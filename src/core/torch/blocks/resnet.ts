import type { BlockParams } from '../../kind-types';
import { pyCall } from '../python';
import type { BlockTorch } from '../torch-types';

type BasicBlockParams = BlockParams<'BasicBlock'>;
type BottleneckParams = BlockParams<'Bottleneck'>;

/**
 * ResNet's blocks as torchvision's resnet.py writes them, with its attribute names (conv1, bn1, …,
 * downsample.0 and .1), so a design imported from a torchvision ResNet exports its state dict's
 * keys ("layer1.0.conv1.weight"). The block's expansion labels its primitives by these very paths.
 */
const samePath = (inner: string): string => inner;

export const basicBlockTorch: BlockTorch<BasicBlockParams> = {
  className: 'BasicBlock',
  source: `class BasicBlock(nn.Module):
    """ResNet's basic block (He et al. 2016), as torchvision's: 3×3 conv (strided) + BN + ReLU, 3×3 conv
    + BN, added to the shortcut (1×1 conv + BN when the shape changes), then ReLU.

    batch_norm=False is the deploy form: each norm folded into its conv, which gets a bias instead.
    """

    def __init__(self, in_channels, out_channels, stride=1, batch_norm=True):
        super().__init__()
        norm = nn.BatchNorm2d if batch_norm else (lambda channels: nn.Identity())
        self.conv1 = nn.Conv2d(in_channels, out_channels, 3, stride, 1, bias=not batch_norm)
        self.bn1 = norm(out_channels)
        self.relu = nn.ReLU()
        self.conv2 = nn.Conv2d(out_channels, out_channels, 3, 1, 1, bias=not batch_norm)
        self.bn2 = norm(out_channels)
        self.downsample = None
        if stride != 1 or in_channels != out_channels:
            self.downsample = conv_bn_act(in_channels, out_channels, 1, stride, batch_norm=batch_norm)

    def forward(self, x):
        # torchvision's order: the main branch, then the shortcut.
        identity = x
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        if self.downsample is not None:
            identity = self.downsample(x)
        return self.relu(out + identity)`,
  helpers: ['conv_bn_act'],
  construct: (p, inputs) =>
    pyCall(
      'BasicBlock',
      [inputs[0]?.[1] ?? 0, p.outChannels],
      [
        ['stride', p.stride, 1],
        ['batch_norm', p.batchNorm, true],
      ],
    ),
  modulePath: samePath,
};

export const bottleneckTorch: BlockTorch<BottleneckParams> = {
  className: 'Bottleneck',
  source: `class Bottleneck(nn.Module):
    """ResNet's bottleneck block (He et al. 2016), as torchvision's (the stride on the 3×3 conv): 1×1 conv
    down to \`width\` + BN + ReLU, 3×3 conv (strided; grouped for ResNeXt) + BN + ReLU, 1×1 conv up + BN,
    added to the shortcut (1×1 conv + BN when the shape changes), then ReLU.

    batch_norm=False is the deploy form: each norm folded into its conv, which gets a bias instead.
    """

    def __init__(self, in_channels, out_channels, width=64, stride=1, groups=1, batch_norm=True):
        super().__init__()
        norm = nn.BatchNorm2d if batch_norm else (lambda channels: nn.Identity())
        self.conv1 = nn.Conv2d(in_channels, width, 1, bias=not batch_norm)
        self.bn1 = norm(width)
        self.conv2 = nn.Conv2d(width, width, 3, stride, 1, groups=groups, bias=not batch_norm)
        self.bn2 = norm(width)
        self.conv3 = nn.Conv2d(width, out_channels, 1, bias=not batch_norm)
        self.bn3 = norm(out_channels)
        self.relu = nn.ReLU()
        self.downsample = None
        if stride != 1 or in_channels != out_channels:
            self.downsample = conv_bn_act(in_channels, out_channels, 1, stride, batch_norm=batch_norm)

    def forward(self, x):
        # torchvision's order: the main branch, then the shortcut (its ONNX export imports back as the block).
        identity = x
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.relu(self.bn2(self.conv2(out)))
        out = self.bn3(self.conv3(out))
        if self.downsample is not None:
            identity = self.downsample(x)
        return self.relu(out + identity)`,
  helpers: ['conv_bn_act'],
  construct: (p, inputs) =>
    pyCall(
      'Bottleneck',
      [inputs[0]?.[1] ?? 0, p.outChannels],
      [
        ['width', p.width, 64],
        ['stride', p.stride, 1],
        ['groups', p.groups, 1],
        ['batch_norm', p.batchNorm, true],
      ],
    ),
  modulePath: samePath,
};
