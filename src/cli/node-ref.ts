import type { Design, DesignNode } from '../core/design/design-types';
import { quote } from '../core/quote';
import { UsageError } from './command';

/** A node named on the command line by its label ("conv_3") or its id ("n7"); labels first. */
export function findNode(design: Design, ref: string): DesignNode {
  const node = design.nodes.find((n) => n.label === ref) ?? design.nodes.find((n) => n.id === ref);
  if (node === undefined)
    throw new UsageError(
      `no node labelled or with id ${quote(ref)}; \`cost\` lists the layers (${design.nodes
        .slice(0, 6)
        .map((n) => quote(n.label))
        .join(', ')}${design.nodes.length > 6 ? ', …' : ''})`,
    );
  return node;
}
