import type { Edge, Node } from '@xyflow/react';
import type { CardData } from './card-model';

export interface FrameData extends CardData {
  /** Why the primitives are not shown, when they are not. */
  readonly message: string | undefined;
  readonly innerInputs: number;
  readonly innerOutputs: number;
}

export interface ModuleFrameData {
  readonly [key: string]: unknown;
  readonly path: string;
  /** Top-level nodes in the module. */
  readonly count: number;
}

export type CardNode = Node<CardData, 'card'>;
export type FrameNode = Node<FrameData, 'frame'>;
/** A collapsed module group: one card for all it holds. */
export type GroupCardNode = Node<CardData, 'groupcard'>;
/** An open module group: a frame behind its members. */
export type ModuleFrameNode = Node<ModuleFrameData, 'moduleframe'> & { zIndex: number };
export type FlowNode = CardNode | FrameNode | GroupCardNode | ModuleFrameNode;

export interface ShapeEdgeData {
  readonly [key: string]: unknown;
  /** "1×32×112×112", or undefined when unknown. */
  readonly shape: string | undefined;
  /** 0 for the smallest tensor on screen, 1 for the largest: the line's thickness. */
  readonly weight: number;
  readonly elements: number;
  readonly inner: boolean;
  /** A palette item dragged over this wire would go into it if dropped now. */
  readonly dropTarget: boolean;
}
export type ShapeEdge = Edge<ShapeEdgeData, 'shape'>;

export interface Size {
  readonly width: number;
  readonly height: number;
}
