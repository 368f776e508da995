"""Runs train.py of several exported training projects in this one process (importing torch once):
each for a few steps on the synthetic set. Usage: train_projects.py manifest.json results.json, the
manifest a list of {"name", "dir", "args"}; the results say, per project, ok or the error."""
import json
import os
import sys
import traceback

manifest, output = sys.argv[1], sys.argv[2]
results = []
for case in json.load(open(manifest)):
    for module in ("train", "net", "data"):
        sys.modules.pop(module, None)
    sys.path.insert(0, case["dir"])
    try:
        import train

        finished = train.main(case["args"])
        results.append({"name": case["name"], "ok": bool(finished)})
    except BaseException as e:  # noqa: BLE001 - every failure is reported by name
        results.append({"name": case["name"], "error": f"{type(e).__name__}: {e}\n{traceback.format_exc()[-1500:]}"})
    finally:
        sys.path.remove(case["dir"])
with open(output, "w") as f:
    json.dump({"results": results}, f)
