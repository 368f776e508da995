import { useState } from 'react';
import { useAnalysis } from '../../state/hooks';
import { studio, useStudio } from '../../state/store';
import { InnerInspector } from './InnerInspector';
import { NodeInspector } from './NodeInspector';
import { Trans, useTranslation } from 'react-i18next';

/** The right-hand inspector: the selected node, a multiple selection, or how to start. */
export function Inspector() {
  const { t } = useTranslation('inspector');
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
      <p>{t('empty')}</p>
      <p className="muted">
        <Trans i18nKey="emptyHint" ns="inspector" components={{ kbd: <kbd /> }} />
      </p>
    </div>
  );
}

function MultiSelection({ count }: { count: number }) {
  const [name, setName] = useState('');
  const { t } = useTranslation('inspector');
  const userBlocks = useStudio((s) => s.userBlocks);
  return (
    <div className="inspector-section">
      <h2>{t('selected', { count })}</h2>
      <p className="muted">{t('selectedHint')}</p>
      <form
        className="save-block"
        onSubmit={(e) => {
          e.preventDefault();
          const block = studio
            .getState()
            .saveSelectionAsBlock(name === '' ? t('blockDefault', { n: userBlocks.length + 1 }) : name);
          if (block !== undefined)
            studio.getState().notify({ text: t('savedBlock', { name: block.name }), tone: 'info' });
          setName('');
        }}
      >
        <label htmlFor="block-name">{t('blockName')}</label>
        <input
          id="block-name"
          value={name}
          placeholder={t('blockDefault', { n: userBlocks.length + 1 })}
          onChange={(e) => {
            setName(e.target.value);
          }}
        />
        <button type="submit" className="button primary">
          {t('saveBlock')}
        </button>
      </form>
    </div>
  );
}
