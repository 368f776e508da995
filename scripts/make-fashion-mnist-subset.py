#!/usr/bin/env python3
"""Writes the committed Fashion-MNIST subset (public/datasets/fashion-mnist/) from Debian's
dataset-fashion-mnist package: the first 10,000 training images and the first 2,000 test images,
as gzipped idx files with the same names and format as the full set, and the MIT licence beside
them. Deterministic: gzip without a file name or time stamp, so the same package gives the same
bytes.

    python3 scripts/make-fashion-mnist-subset.py [--train 10000] [--test 2000]
"""
import argparse
import gzip
import os
import struct

SOURCE = '/usr/share/datasets/fashion-mnist'
TARGET = os.path.join(os.path.dirname(__file__), '..', 'public', 'datasets', 'fashion-mnist')

LICENCE = """Fashion-MNIST (a subset: the first {train} training and {test} test images)
https://github.com/zalandoresearch/fashion-mnist
Made by scripts/make-fashion-mnist-subset.py from Debian's dataset-fashion-mnist package.

The MIT License (MIT)
Copyright © 2017 Zalando SE, https://tech.zalando.com

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction,
including without limitation the rights to use, copy, modify, merge, publish, distribute,
sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT
OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""


def subset(name: str, count: int) -> None:
    with gzip.open(os.path.join(SOURCE, name), 'rb') as f:
        data = f.read()
    rank = data[3]
    dims = list(struct.unpack('>' + 'I' * rank, data[4 : 4 + 4 * rank]))
    per = 1
    for d in dims[1:]:
        per *= d
    n = min(count, dims[0])
    header = data[:4] + struct.pack('>' + 'I' * rank, n, *dims[1:])
    body = data[4 + 4 * rank : 4 + 4 * rank + n * per]
    with open(os.path.join(TARGET, name), 'wb') as out:
        out.write(gzip.compress(header + body, compresslevel=9, mtime=0))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument('--train', type=int, default=10000)
    parser.add_argument('--test', type=int, default=2000)
    args = parser.parse_args()
    os.makedirs(TARGET, exist_ok=True)
    subset('train-images-idx3-ubyte.gz', args.train)
    subset('train-labels-idx1-ubyte.gz', args.train)
    subset('t10k-images-idx3-ubyte.gz', args.test)
    subset('t10k-labels-idx1-ubyte.gz', args.test)
    with open(os.path.join(TARGET, 'LICENSE'), 'w', encoding='utf-8') as f:
        f.write(LICENCE.format(train=args.train, test=args.test))


if __name__ == '__main__':
    main()
