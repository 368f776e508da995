"""MobileNetV2: PyTorch code written by Compact Studio.

Input 1×3×224×224 (INPUT_SHAPE), output 1×1000.
Figures of the design at batch 1, in elements (× 4 for float32 bytes):
    params           3,504,872  trainable, as sum(p.numel() for p in model.parameters()) counts them
    buffers             34,112  batch-norm running mean and variance
    multiply-adds  300,774,272  conv and linear layers only; FLOPs = 2 × multiply-adds
    memory access   16,916,072  ShuffleNetV2's MAC: conv and linear input + output + weights
    activations      2,408,448  peak of live tensors when the layers run in order

Blocks: Inverted residual ×17 (Sandler et al. 2018, MobileNetV2; Howard et al. 2019, MobileNetV3).

Conventions: NCHW float32. build_model() returns the network in eval mode (batch norm uses its
running statistics, dropout is the identity); call .train() to train it. Module names follow the
design's labels, so the state dict's keys do too.
Weights: PyTorch's default initialisation (the design carries none); build_model(weights=...) loads
a .safetensors state dict.
"""


import json
import os
import struct

import torch
from torch import nn


INPUT_SHAPE = (1, 3, 224, 224)
WEIGHTS = None


SAFETENSORS_DTYPES = {"F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16, "F64": torch.float64,
                     "I64": torch.int64, "I32": torch.int32, "I16": torch.int16, "I8": torch.int8, "U8": torch.uint8,
                     "BOOL": torch.bool}


def load_safetensors(path):
    """The tensors of a .safetensors file: through the safetensors package when it is installed, else
    read here (8-byte little-endian header length, a JSON header, then the raw little-endian data)."""
    try:
        from safetensors.torch import load_file
    except ImportError:
        load_file = None
    if load_file is not None:
        return load_file(path)
    with open(path, "rb") as f:
        data = f.read()
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + length].decode("utf-8"))
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        begin, end = info["data_offsets"]
        dtype = SAFETENSORS_DTYPES[info["dtype"]]
        raw = bytearray(data[8 + length + begin : 8 + length + end])
        flat = torch.frombuffer(raw, dtype=dtype) if raw else torch.empty(0, dtype=dtype)
        tensors[name] = flat.reshape(info["shape"])
    return tensors


def load_weights(model, path):
    """Loads a state dict saved as .safetensors; batch norm's step counters may be absent."""
    missing, unexpected = model.load_state_dict(load_safetensors(path), strict=False)
    missing = [k for k in missing if not k.endswith("num_batches_tracked")]
    if missing or unexpected:
        raise RuntimeError(f"{path} does not fit this network: missing {missing}, unexpected {unexpected}")


ACTIVATIONS = {
    "relu": nn.ReLU,
    "relu6": nn.ReLU6,
    "hardswish": nn.Hardswish,
    "hardsigmoid": nn.Hardsigmoid,
    "sigmoid": nn.Sigmoid,
    "silu": nn.SiLU,
}


def make_divisible(v, divisor=8, min_value=None):
    """Rounds a width to the nearest multiple of divisor, never 10% below v (torchvision's rule)."""
    min_value = min_value or divisor
    rounded = max(min_value, int(v + divisor / 2) // divisor * divisor)
    return rounded + divisor if rounded < 0.9 * v else rounded


def conv_bn_act(in_channels, out_channels, kernel, stride=1, groups=1, act=None, batch_norm=True, eps=1e-5):
    """Conv ("same" padding) → BatchNorm → activation, as torchvision's Conv2dNormActivation.

    batch_norm=False is the deploy form: the norm is folded into the conv, which gets a bias instead.
    """
    layers = [
        nn.Conv2d(in_channels, out_channels, kernel, stride, kernel // 2, groups=groups, bias=not batch_norm)
    ]
    if batch_norm:
        layers.append(nn.BatchNorm2d(out_channels, eps=eps))
    if act is not None:
        layers.append(act())
    return nn.Sequential(*layers)


class SqueezeExcite(nn.Module):
    """Squeeze-and-excitation (Hu et al. 2018) as torchvision's SqueezeExcitation: global average,
    1×1 conv to a few channels, ReLU (SiLU in EfficientNet), 1×1 conv back, gate, then each channel
    scaled by its gate."""

    def __init__(self, channels, squeeze_channels=None, reduction=4, divisor=8, gate="hardsigmoid",
                 activation="relu"):
        super().__init__()
        squeeze = squeeze_channels or make_divisible(channels // reduction, divisor)
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.fc1 = nn.Conv2d(channels, squeeze, 1)
        self.activation = ACTIVATIONS[activation]()
        self.fc2 = nn.Conv2d(squeeze, channels, 1)
        self.scale_activation = ACTIVATIONS[gate]()

    def forward(self, x):
        scale = self.scale_activation(self.fc2(self.activation(self.fc1(self.avgpool(x)))))
        return x * scale


class InvertedResidual(nn.Module):
    """MobileNetV2's inverted residual with a linear bottleneck (Sandler et al. 2018), and
    MobileNetV3's with squeeze-excite and hard-swish (Howard et al. 2019): 1×1 expand (left out when
    it would not widen), depthwise k×k, optional squeeze-excite, 1×1 projection with no activation,
    and the input added back when the output has its shape."""

    def __init__(self, in_channels, out_channels, stride=1, expansion=6, expanded_channels=None, kernel=3,
                 activation="relu6", squeeze_excite=False, batch_norm=True, bn_epsilon=1e-5):
        super().__init__()
        hidden = expanded_channels or max(1, round(in_channels * expansion))
        act = ACTIVATIONS[activation]
        norm = dict(batch_norm=batch_norm, eps=bn_epsilon)
        self.use_residual = stride == 1 and in_channels == out_channels
        if hidden != in_channels:
            self.expand = conv_bn_act(in_channels, hidden, 1, act=act, **norm)
        else:
            self.expand = nn.Identity()
        self.depthwise = conv_bn_act(hidden, hidden, kernel, stride, hidden, act, **norm)
        self.se = SqueezeExcite(hidden) if squeeze_excite else nn.Identity()
        self.project = conv_bn_act(hidden, out_channels, 1, **norm)

    def forward(self, x):
        y = self.project(self.se(self.depthwise(self.expand(x))))
        return x + y if self.use_residual else y


class MobileNetV2(nn.Module):
    """MobileNetV2, as Compact Studio lays it out."""

    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Sequential(
                nn.Conv2d(3, 32, 3, stride=2, padding=1, bias=False),
                nn.BatchNorm2d(32),
                nn.ReLU6(),
            ),
            InvertedResidual(32, 16, expansion=1),
            InvertedResidual(16, 24, stride=2),
            InvertedResidual(24, 24),
            InvertedResidual(24, 32, stride=2),
            InvertedResidual(32, 32),
            InvertedResidual(32, 32),
            InvertedResidual(32, 64, stride=2),
            InvertedResidual(64, 64),
            InvertedResidual(64, 64),
            InvertedResidual(64, 64),
            InvertedResidual(64, 96),
            InvertedResidual(96, 96),
            InvertedResidual(96, 96),
            InvertedResidual(96, 160, stride=2),
            InvertedResidual(160, 160),
            InvertedResidual(160, 160),
            InvertedResidual(160, 320),
            nn.Sequential(
                nn.Conv2d(320, 1280, 1, bias=False),
                nn.BatchNorm2d(1280),
                nn.ReLU6(),
            ),
        )
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.flatten = nn.Flatten()
        self.classifier = nn.Sequential(
            nn.Dropout(0.2),
            nn.Linear(1280, 1000),
        )

    def forward(self, x):
        x = self.features(x)
        x = self.avgpool(x)
        x = self.flatten(x)
        x = self.classifier(x)
        return x


def build_model(weights=WEIGHTS):
    """The network in eval mode, with the weights of `weights` (a .safetensors file; a relative path is
    taken from this file's folder) when it is given."""
    model = MobileNetV2()
    if weights is not None:
        if not os.path.isabs(weights):
            weights = os.path.join(os.path.dirname(os.path.abspath(__file__)), weights)
        load_weights(model, weights)
    return model.eval()


if __name__ == "__main__":
    model = build_model()
    with torch.no_grad():
        out = model(torch.randn(INPUT_SHAPE))
    shapes = [tuple(t.shape) for t in out] if isinstance(out, tuple) else tuple(out.shape)
    print(f"{type(model).__name__}: {sum(p.numel() for p in model.parameters()):,} parameters, output {shapes}")
