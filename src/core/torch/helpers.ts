/**
 * Python definitions the generated classes share, each written once into a file that uses it.
 * Order here is the order in the file, so a helper comes after those it uses.
 */
const helperSource = {
  ACTIVATIONS: `ACTIVATIONS = {
    "relu": nn.ReLU,
    "relu6": nn.ReLU6,
    "hardswish": nn.Hardswish,
    "hardsigmoid": nn.Hardsigmoid,
    "sigmoid": nn.Sigmoid,
    "silu": nn.SiLU,
}`,
  make_divisible: `def make_divisible(v, divisor=8, min_value=None):
    """Rounds a width to the nearest multiple of divisor, never 10% below v (torchvision's rule)."""
    min_value = min_value or divisor
    rounded = max(min_value, int(v + divisor / 2) // divisor * divisor)
    return rounded + divisor if rounded < 0.9 * v else rounded`,
  conv_bn_act: `def conv_bn_act(in_channels, out_channels, kernel, stride=1, groups=1, act=None, batch_norm=True, eps=1e-5):
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
    return nn.Sequential(*layers)`,
  ChannelShuffle: `def channel_shuffle(x, groups):
    """Interleaves the channels of \`groups\` groups (ShuffleNet): reshape, swap the two axes, flatten."""
    batch, channels, height, width = x.size()
    x = x.view(batch, groups, channels // groups, height, width)
    x = torch.transpose(x, 1, 2).contiguous()
    return x.view(batch, -1, height, width)


class ChannelShuffle(nn.Module):
    def __init__(self, groups):
        super().__init__()
        self.groups = groups

    def forward(self, x):
        return channel_shuffle(x, self.groups)

    def extra_repr(self):
        return f"groups={self.groups}"`,
  Shift: `def _offsets(kernel, dilation):
    r = kernel // 2
    return [((i - r) * dilation, (j - r) * dilation, i == r and j == r) for i in range(kernel) for j in range(kernel)]


def _channel_ranges(sizes):
    ranges, start = [], 0
    for size, dy, dx in sizes:
        if size > 0:
            ranges.append((start, start + size, dy, dx))
        start += size
    return ranges


def shift_groups(channels, kernel, dilation=1):
    """Each offset of the kernel×kernel neighbourhood (row-major) takes channels // kernel² consecutive
    channels; the remainder stays in place with the centre offset."""
    offsets = _offsets(kernel, dilation)
    each = channels // len(offsets)
    rest = channels - each * len(offsets)
    return _channel_ranges([(each + (rest if centre else 0), dy, dx) for dy, dx, centre in offsets])


def sparse_shift_groups(channels, kernel, dilation, moved):
    """The first \`moved\` channels are shared among the non-centre offsets in order; the rest stay."""
    offsets = [(dy, dx) for dy, dx, centre in _offsets(kernel, dilation) if not centre]
    if not offsets:
        return _channel_ranges([(channels, 0, 0)])
    each, extra = divmod(moved, len(offsets))
    sizes = [(each + (1 if i < extra else 0), dy, dx) for i, (dy, dx) in enumerate(offsets)]
    return _channel_ranges(sizes + [(channels - moved, 0, 0)])


class Shift(nn.Module):
    """Moves each group of channels by one spatial offset, zeros coming in (Wu et al. 2018):
    out[c, y, x] = in[c, y + dy, x + dx]. No parameters, no multiply-adds: pad, slice, concatenate."""

    def __init__(self, channels, kernel=3, dilation=1):
        super().__init__()
        self.reach = kernel // 2 * dilation
        self.groups = shift_groups(channels, kernel, dilation)

    def forward(self, x):
        if all(dy == 0 and dx == 0 for _, _, dy, dx in self.groups):
            return x
        height, width, r = x.shape[2], x.shape[3], self.reach
        padded = F.pad(x, (r, r, r, r))
        parts = [
            x[:, start:end] if dy == 0 and dx == 0 else padded[:, start:end, r + dy : r + dy + height, r + dx : r + dx + width]
            for start, end, dy, dx in self.groups
        ]
        return torch.cat(parts, 1)`,
  SparseShift: `class SparseShift(Shift):
    """A shift that moves only some channels; the rest pass through untouched (Chen et al. 2019).
    With \`shifts\` (one offset per channel, row-major in the kernel×kernel neighbourhood, the centre
    staying) each channel moves by its own offset; without, round(fraction · channels) channels move."""

    def __init__(self, channels, kernel=3, dilation=1, fraction=0.25, shifts=None):
        super().__init__(channels, kernel, dilation)
        if shifts is None:
            moved = math.floor(fraction * channels + 0.5)
            self.groups = sparse_shift_groups(channels, kernel, dilation, moved)
        else:
            offsets = _offsets(kernel, dilation)
            self.groups = []
            for c, index in enumerate(shifts):
                dy, dx, _ = offsets[index]
                if self.groups and self.groups[-1][1] == c and self.groups[-1][2:] == (dy, dx):
                    self.groups[-1] = (self.groups[-1][0], c + 1, dy, dx)
                else:
                    self.groups.append((c, c + 1, dy, dx))`,
  LookupConv: `class LookupConv(nn.Module):
    """LCNN (Bagherinezhad et al. 2017): every filter position's weight vector is a combination of
    \`lookups\` of the layer's \`dictionary_size\` dictionary vectors. The input meets the whole
    dictionary once (\`dictionary\`, a 1×1 conv without bias); \`lookup\` then reads s of those k maps
    per filter position, scaled by its coefficients: a kh×kw conv whose weight keeps s non-zeros per
    (filter, position). Written densely, as PyTorch has no lookup kernel."""

    def __init__(self, in_channels, out_channels, kernel, dictionary_size, lookups, stride=1, padding=0, dilation=1, bias=False):
        super().__init__()
        self.lookups = lookups
        self.dictionary = nn.Conv2d(in_channels, dictionary_size, 1, bias=False)
        self.lookup = nn.Conv2d(dictionary_size, out_channels, kernel, stride, padding, dilation, bias=bias)

    def forward(self, x):
        return self.lookup(self.dictionary(x))

    def extra_repr(self):
        return f"lookups={self.lookups}"`,
  LearnableGroupConv2d: `class LearnableGroupConv2d(nn.Module):
    """Fully learnable group convolution (Wang et al. 2019) with its learned groups fixed: input
    channel c belongs to group channel_groups[c] and filter f to group filter_groups[f]; groups may
    differ in size but none is empty. Each group's channels are gathered (ascending), convolved by
    that group's filters, and the filters put back in their order: sum over the groups of
    |in_g| * |out_g| * kernel taps weights."""

    def __init__(self, channel_groups, filter_groups, kernel, stride=1, padding=0, dilation=1, bias=False):
        super().__init__()
        groups = max(max(channel_groups), max(filter_groups)) + 1
        members = [[i for i, g in enumerate(channel_groups) if g == group] for group in range(groups)]
        filters = [[f for f, g in enumerate(filter_groups) if g == group] for group in range(groups)]
        order = [f for group in filters for f in group]
        self.sizes = [len(m) for m in members]
        self.register_buffer("gather_in", torch.tensor([c for m in members for c in m]), persistent=False)
        self.register_buffer("gather_out", torch.tensor([order.index(f) for f in range(len(order))]), persistent=False)
        self.convs = nn.ModuleList(
            nn.Conv2d(len(m), len(f), kernel, stride, padding, dilation, bias=bias) for m, f in zip(members, filters)
        )

    def forward(self, x):
        parts = torch.split(x.index_select(1, self.gather_in), self.sizes, 1)
        y = torch.cat([conv(part) for conv, part in zip(self.convs, parts)], 1)
        return y.index_select(1, self.gather_out)`,
  ExpanderConv2d: `class ExpanderConv2d(nn.Module):
    """A conv whose output channel o reads only the fan_in input channels
    connections[o * fan_in : (o + 1) * fan_in], a random D-regular bipartite graph (Prabhu et al.
    2018, deep expander networks): gather those channels, then a conv with groups = out_channels.
    Parameters out_channels · fan_in · kh · kw (+ bias), as the design counts them."""

    def __init__(self, out_channels, fan_in, connections, kernel=3, stride=1, padding=1, bias=False):
        super().__init__()
        kh, kw = (kernel, kernel) if isinstance(kernel, int) else kernel
        self.stride, self.padding, self.groups = stride, padding, out_channels
        self.register_buffer("index", torch.tensor(connections, dtype=torch.long), persistent=False)
        self.weight = nn.Parameter(torch.empty(out_channels, fan_in, kh, kw))
        self.bias = nn.Parameter(torch.zeros(out_channels)) if bias else None
        nn.init.kaiming_uniform_(self.weight, a=math.sqrt(5))

    def forward(self, x):
        x = x.index_select(1, self.index)
        return F.conv2d(x, self.weight, self.bias, self.stride, self.padding, groups=self.groups)`,
  SqueezeExcite: `class SqueezeExcite(nn.Module):
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
        return x * scale`,
  VersatileConv2d: `class VersatileConv2d(nn.Module):
    """Versatile filters (Wang et al., NeurIPS 2018). Only the primary filters are parameters:
    P = out_channels / (s·n) filters of in_channels channels and kernel×kernel taps (the paper's
    Fig. 2(b)). Each gives s = ⌈kernel/2⌉ spatial secondary filters (its centred (kernel − 2i)²
    taps) times n = delta/g + 1 channel secondary filters (its window of in_channels − delta
    channels from j·g, reading the same input channels), every one an output channel of its own,
    in the order (spatial i, channel window j, primary p), as the authors' VConv2d concatenates.

    forward writes the secondary filters out as one dense weight and runs one conv: the same
    outputs as a conv per secondary filter over its own taps, which is how the paper counts the
    multiply-adds. Gradients reach the primary filters through every secondary filter.
    """

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, bias=True, delta=0, g=1):
        super().__init__()
        self.s = (kernel_size + 1) // 2
        self.n = delta // g + 1
        self.delta, self.g, self.stride, self.padding = delta, g, stride, padding
        primaries = out_channels // (self.s * self.n)
        self.weight = nn.Parameter(torch.empty(primaries, in_channels, kernel_size, kernel_size))
        self.bias = nn.Parameter(torch.zeros(out_channels)) if bias else None
        nn.init.kaiming_uniform_(self.weight, a=math.sqrt(5))
        masks = torch.zeros(self.s * self.n, 1, in_channels, kernel_size, kernel_size)
        for i in range(self.s):
            for j in range(self.n):
                masks[i * self.n + j, :, j * g : j * g + in_channels - delta, i : kernel_size - i, i : kernel_size - i] = 1
        self.register_buffer("masks", masks, persistent=False)

    def secondary_filters(self):
        """The dense (out_channels, in_channels, k, k) weight: each primary masked to its centre and window."""
        return (self.weight.unsqueeze(0) * self.masks).flatten(0, 1)

    def forward(self, x):
        return F.conv2d(x, self.secondary_filters(), self.bias, self.stride, self.padding)

    def extra_repr(self):
        return f"s={self.s}, n={self.n}, delta={self.delta}, g={self.g}, stride={self.stride}, padding={self.padding}"`,
} as const;

export type HelperName = keyof typeof helperSource;

/** What each helper uses: writing one writes these too. */
const uses: Partial<Record<HelperName, readonly HelperName[]>> = {
  SparseShift: ['Shift'],
  SqueezeExcite: ['ACTIVATIONS', 'make_divisible'],
};

/** The definitions for these helpers and everything they use, in file order. */
export function helperDefinitions(wanted: Iterable<HelperName>): string[] {
  const all = new Set<HelperName>();
  const add = (h: HelperName): void => {
    if (all.has(h)) return;
    all.add(h);
    for (const u of uses[h] ?? []) add(u);
  };
  for (const h of wanted) add(h);
  return (Object.keys(helperSource) as HelperName[]).filter((h) => all.has(h)).map((h) => helperSource[h]);
}
