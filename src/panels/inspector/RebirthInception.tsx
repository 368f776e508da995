import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DesignNode } from '../../core/design/design-types';
import { inceptionMerge, slimReductions } from '../../core/methods/deeprebirth-inception-method';
import { useStudio } from '../../state/store';
import { RebirthSection } from './RebirthSection';

/**
 * DeepRebirth's branch slimming on the Concat of an inception module (Li et al. 2018): its 1×1 and
 * pool branches merged into its larger-kernel branches, and its 1×1 reductions narrowed to a share
 * of their width, each with the design's totals before and after and one Undo.
 */
export function RebirthInception({ node }: { node: DesignNode }) {
  const { t } = useTranslation('inspector');
  const design = useStudio((s) => s.design);
  const [percent, setPercent] = useState(50);
  const id = useId();
  const merge = useMemo(() => inceptionMerge(design, node.id), [design, node.id]);
  const slim = useMemo(
    () => slimReductions(design, node.id, Number.isNaN(percent) ? 0 : percent / 100),
    [design, node.id, percent],
  );
  return (
    <>
      <RebirthSection
        kind="inception"
        node={node}
        design={design}
        result={merge}
        resized={merge.ok ? merge.resized : []}
      />
      <RebirthSection
        kind="slim"
        node={node}
        design={design}
        result={slim}
        resized={slim.ok ? slim.resized : []}
      >
        <div className="rebirth-keep">
          <label htmlFor={id}>{t('rebirth.slim.keep')}</label>
          <input
            id={id}
            type="number"
            min={1}
            max={99}
            step={1}
            value={Number.isNaN(percent) ? '' : percent}
            onChange={(e) => {
              setPercent(e.target.valueAsNumber);
            }}
          />
        </div>
      </RebirthSection>
    </>
  );
}
