import type { Edge, Node } from '@xyflow/react';
import type { CardData } from './card-model';

export interface FrameData extends CardData {
  /** Why the primitives are not shown, when they are not. */
  readonly message: string | undefined;
  readonly innerInputs: number;
  readonly innerOutputs: number;
}

export type CardNode = Node<CardData, 'card'>;
export type FrameNode = Node<FrameData, 'frame'>;
export type FlowNode = CardNode | FrameNode;

export interface ShapeEdgeData {
  readonly [key: string]: unknown;
  /** "1×32×112×112", or undefined when unknown. */
  readonly shape: string | undefined;
  /** 0 for the smallest tensor on screen, 1 for the largest: the line's thickness. */
  readonly weight: number;
  readonly elements: number;
  readonly inner: boolean;
}
export type ShapeEdge = Edge<ShapeEdgeData, 'shape'>;

export interface Size {
  readonly width: number;
  readonly height: number;
}
