"""The official ONNX checker over many files in one process (starting Python and onnx once).

Reads a JSON list of .onnx paths on standard input. For each file runs
  onnx.checker.check_model(model, full_check=True)
  onnx.shape_inference.infer_shapes(model, check_type=True, strict_mode=True)
and prints one JSON object: {path: {"error": message or null, "outputs": [[dims], ...]}}, the
outputs' shapes as strict shape inference gives them. Exits 3 with a sentence on standard error
when the onnx package is missing.
"""

import json
import sys

try:
    import onnx
    from onnx import checker, shape_inference
except ImportError:
    sys.stderr.write(f"The onnx package is not installed for {sys.executable}.\n")
    sys.exit(3)


def dims(value_info):
    shape = value_info.type.tensor_type.shape
    return [d.dim_value if d.HasField("dim_value") else d.dim_param for d in shape.dim]


def check(path):
    try:
        model = onnx.load(path)
        checker.check_model(model, full_check=True)
        inferred = shape_inference.infer_shapes(model, check_type=True, strict_mode=True)
        return {"error": None, "outputs": [dims(o) for o in inferred.graph.output]}
    except Exception as e:  # the checker raises several kinds; each is one file's verdict
        return {"error": f"{type(e).__name__}: {e}", "outputs": []}


def main():
    paths = json.load(sys.stdin)
    print(json.dumps({"onnx": onnx.__version__, "files": {p: check(p) for p in paths}}))


if __name__ == "__main__":
    main()
