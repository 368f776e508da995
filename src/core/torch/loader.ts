/** The part of every generated file that loads weights and builds the network. */
export const loaderSource = `SAFETENSORS_DTYPES = {"F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16, "F64": torch.float64,
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
        raise RuntimeError(f"{path} does not fit this network: missing {missing}, unexpected {unexpected}")`;

/** build_model() and the check that runs when the file is run as a script. */
export function buildSource(modelClass: string, multipleInputs: boolean): string {
  const example = multipleInputs ? '*(torch.randn(s) for s in INPUT_SHAPES)' : 'torch.randn(INPUT_SHAPE)';
  return `def build_model(weights=WEIGHTS):
    """The network in eval mode, with the weights of \`weights\` (a .safetensors file; a relative path is
    taken from this file's folder) when it is given."""
    model = ${modelClass}()
    if weights is not None:
        if not os.path.isabs(weights):
            weights = os.path.join(os.path.dirname(os.path.abspath(__file__)), weights)
        load_weights(model, weights)
    return model.eval()


if __name__ == "__main__":
    model = build_model()
    with torch.no_grad():
        out = model(${example})
    shapes = [tuple(t.shape) for t in out] if isinstance(out, tuple) else tuple(out.shape)
    print(f"{type(model).__name__}: {sum(p.numel() for p in model.parameters()):,} parameters, output {shapes}")`;
}
