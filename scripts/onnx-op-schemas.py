"""Writes src/core/onnx/ir/onnx-op-schemas.json: what ONNX's own operator schemas require of a node.

Run with Debian's Python (python3-onnx):  /usr/bin/python3 scripts/onnx-op-schemas.py

For every operator of the default domain and every version of it up to the opset this onnx
package knows, one row: [since_version, min inputs, max inputs (-1: variadic), min outputs,
max outputs (-1: variadic), required attributes, all attributes, input types, output types]. A type is one
character per formal parameter (a variadic last one stands for all the rest):
  f  the type of output 0 that an input has too (a tensor flowing through the op: float32
     between layers here)
  F  floating point only
  i  int64 only
  n  int32 or int64 only
  .  anything else (not checked)
"""

import json
import os

import onnx
from onnx import defs

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "core", "onnx", "ir", "onnx-op-schemas.json")
FLOATS = {"tensor(float16)", "tensor(float)", "tensor(double)", "tensor(bfloat16)"}
VARIADIC = 2147483647


def allowed(schema, type_str):
    for tc in schema.type_constraints:
        if tc.type_param_str == type_str:
            return set(tc.allowed_type_strs)
    return {type_str}


def kind(schema, param, out0):
    if param.typeStr == out0:
        return "f"
    types = allowed(schema, param.typeStr)
    if types == {"tensor(int64)"}:
        return "i"
    if types and types <= {"tensor(int32)", "tensor(int64)"}:
        return "n"
    if types and types <= FLOATS:
        return "F"
    return "."


def row(schema):
    # The flowing type: output 0's, when an input has it too (Shape's int64 output flows from nothing).
    out0 = schema.outputs[0].typeStr if schema.outputs else None
    if out0 not in {p.typeStr for p in schema.inputs}:
        out0 = None
    return [
        schema.since_version,
        schema.min_input,
        -1 if schema.max_input == VARIADIC else schema.max_input,
        schema.min_output,
        -1 if schema.max_output == VARIADIC else schema.max_output,
        sorted(name for name, a in schema.attributes.items() if a.required),
        sorted(schema.attributes.keys()),
        "".join(kind(schema, p, out0) for p in schema.inputs),
        "".join(kind(schema, p, out0) for p in schema.outputs),
    ]


def main():
    top = defs.onnx_opset_version()
    table = {}
    for s in sorted(defs.get_all_schemas_with_history(), key=lambda s: (s.name, s.since_version)):
        if s.domain != "" or s.deprecated or s.since_version > top:
            continue
        table.setdefault(s.name, []).append(row(s))
    with open(OUT, "w") as f:
        json.dump({"onnx": onnx.__version__, "opset": top, "ops": table}, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
