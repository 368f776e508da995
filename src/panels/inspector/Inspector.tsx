import { useState } from 'react';
import { useAnalysis } from '../../state/hooks';
import { studio, useStudio } from '../../state/store';
import { InnerInspector } from './InnerInspector';
import { NodeInspector } from './NodeInspector';

/** The right-hand inspector: the selected node, a multiple selection, or how to start. */
export function Inspector() {
  const selected = useStudio((s) => s.selectedNodes);
  const node = useStudio((s) =>
    s.selectedNodes.length === 1 ? s.design.nodes.find((n) => n.id === s.selectedNodes[0]) : undefined,
  );
  const analysis = useAnalysis();
  if (node !== undefined) return <NodeInspector key={node.id} node={node} />;
  const only = selected.length === 1 ? selected[0] : undefined;
  if (only?.includes('/') === true) {
    const layer = analysis.layers.find((l) => l.id === only);
    if (layer !== undefined) return <InnerInspector layer={layer} />;
  }
  if (selected.length > 1) return <MultiSelection count={selected.length} />;
  return (
    <div className="inspector-empty">
      <p>Select a node to edit its settings and see its figures.</p>
      <p className="muted">
        Drag ops and blocks from the palette, or pick one and press Enter. Press <kbd>?</kbd> for every
        shortcut.
      </p>
    </div>
  );
}

function MultiSelection({ count }: { count: number }) {
  const [name, setName] = useState('');
  const userBlocks = useStudio((s) => s.userBlocks);
  return (
    <div className="inspector-section">
      <h2>{count} nodes selected</h2>
      <p className="muted">Copy, duplicate or delete them together, or keep them as a block of your own.</p>
      <form
        className="save-block"
        onSubmit={(e) => {
          e.preventDefault();
          const block = studio
            .getState()
            .saveSelectionAsBlock(name === '' ? `Block ${userBlocks.length + 1}` : name);
          if (block !== undefined)
            studio.getState().notify({ text: `Saved ${block.name} to My blocks.`, tone: 'info' });
          setName('');
        }}
      >
        <label htmlFor="block-name">Block name</label>
        <input
          id="block-name"
          value={name}
          placeholder={`Block ${userBlocks.length + 1}`}
          onChange={(e) => {
            setName(e.target.value);
          }}
        />
        <button type="submit" className="button primary">
          Save as block
        </button>
      </form>
    </div>
  );
}
