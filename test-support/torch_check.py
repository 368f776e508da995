"""Checks generated PyTorch files in one process (importing torch takes seconds).

Usage: python3 test-support/torch_check.py manifest.json results.json

For each case of the manifest: py_compile, import, build_model(), count the parameters, run the
model on the given inputs and compare with the expected outputs (raw float32 files), and, when
asked, torch.onnx.export the module (batch norm kept, as a training export would keep it), with
constant folding on and, when asked too, off.
Seconds spent per case are reported, to keep the test's time in view.
"""

import importlib.util
import json
import py_compile
import sys
import time
import traceback

import torch


def read(path, shape):
    with open(path, "rb") as f:
        return torch.frombuffer(bytearray(f.read()), dtype=torch.float32).reshape(shape)


def check(case):
    start = time.time()
    result = {"name": case["name"]}
    py_compile.compile(case["py"], doraise=True)
    result["compiled"] = True
    spec = importlib.util.spec_from_file_location(case["module"], case["py"])
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    model = module.build_model()
    result["eval"] = not model.training
    result["params"] = sum(p.numel() for p in model.parameters())
    shapes = [module.INPUT_SHAPE] if hasattr(module, "INPUT_SHAPE") else list(module.INPUT_SHAPES)
    result["inputShapes"] = [list(s) for s in shapes]
    inputs = [read(i["file"], i["shape"]) for i in case["inputs"]]
    with torch.no_grad():
        out = model(*inputs)
    outs = list(out) if isinstance(out, tuple) else [out]
    result["outputs"] = []
    for got, want in zip(outs, case["outputs"]):
        expected = read(want["file"], want["shape"])
        same = tuple(got.shape) == tuple(expected.shape)
        result["outputs"].append(
            {
                "shape": list(got.shape),
                "maxDiff": float((got - expected).abs().max()) if same else None,
                "scale": float(expected.abs().max()),
            }
        )
    if case.get("onnx"):
        torch.onnx.export(
            model,
            tuple(inputs),
            case["onnx"],
            opset_version=13,
            training=torch.onnx.TrainingMode.PRESERVE,
            # Folding keeps batch norm (training=PRESERVE) but makes shapes constants, so that
            # Linear is written as Gemm and padding as a constant, as a deploy export would be.
            do_constant_folding=True,
        )
        result["onnx"] = case["onnx"]
    if case.get("onnxUnfolded"):
        # The same module exported as training code often does: constant folding off, so shapes
        # come as Shape/Gather/Concat chains and Linear's weight through its own Transpose.
        torch.onnx.export(
            model,
            tuple(inputs),
            case["onnxUnfolded"],
            opset_version=13,
            training=torch.onnx.TrainingMode.PRESERVE,
            do_constant_folding=False,
        )
        result["onnxUnfolded"] = case["onnxUnfolded"]
    result["seconds"] = time.time() - start
    return result


def main():
    with open(sys.argv[1]) as f:
        cases = json.load(f)
    results = []
    for case in cases:
        try:
            results.append(check(case))
        except Exception:  # one broken case must not hide the others
            results.append({"name": case["name"], "error": traceback.format_exc(limit=3)})
    with open(sys.argv[2], "w") as f:
        json.dump({"torch": torch.__version__, "results": results}, f)


if __name__ == "__main__":
    main()
