#!/usr/bin/env bash
# Every test, on a fresh Debian machine too (this is `npm test`): installs what the tests use when
# it is missing, then runs format check, lint, typecheck, unit tests and end-to-end tests.
#   chromium            Playwright drives Debian's /usr/bin/chromium (it cannot download browsers here)
#   python3-onnx        the official ONNX checker and strict shape inference (src/core/onnx/onnx-checker.test.ts)
#   python3-torch, python3-torchvision, python3-numpy
#                       the PyTorch side of the fixtures (fixtures/torch/*.py re-counts and re-exports them)
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
/usr/bin/python3 -c 'import onnx' 2>/dev/null || missing+=(python3-onnx)
/usr/bin/python3 -c 'import torch, torchvision, numpy' 2>/dev/null ||
  missing+=(python3-torch python3-torchvision python3-numpy)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing what the tests use: ${missing[*]}"
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[ -d node_modules ] || npm ci --no-audit --no-fund

npm run format:check
npm run lint
npm run typecheck
npm run test:unit
npm run test:e2e
