/**
 * Where a primitive made by convBn lives when the class builds the same layers with conv_bn_act:
 * `name` is the conv (index 0), `name_bn` the batch norm (index 1); an activation has no weights.
 */
export function convBnPath(inner: string): string {
  if (inner.endsWith('_bn')) return `${inner.slice(0, -'_bn'.length)}.1`;
  return `${inner}.0`;
}
