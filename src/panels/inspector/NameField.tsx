import { useId, useState } from 'react';
import type { DesignNode } from '../../core/design/design-types';
import { studio } from '../../state/store';
import { useTranslation } from 'react-i18next';

/** The node's name: unique in the design; applied on Enter or when leaving the field. */
export function NameField({ node }: { node: DesignNode }) {
  const { t } = useTranslation('inspector');
  const id = useId();
  const [draft, setDraft] = useState(node.label);
  const [shown, setShown] = useState(node.label);
  const [error, setError] = useState<string | undefined>();
  if (shown !== node.label) {
    setShown(node.label);
    setDraft(node.label);
  }
  const apply = () => {
    if (draft === node.label) return;
    const problem = studio.getState().renameNode(node.id, draft);
    setError(problem);
  };
  return (
    <div className={`param${error === undefined ? '' : ' invalid'}`}>
      <label htmlFor={id}>{t('name')}</label>
      <input
        id={id}
        value={draft}
        spellCheck={false}
        onChange={(e) => {
          setDraft(e.target.value);
          setError(undefined);
        }}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply();
          if (e.key === 'Escape') {
            setDraft(node.label);
            setError(undefined);
          }
        }}
      />
      {error !== undefined && (
        <p className="param-message" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
