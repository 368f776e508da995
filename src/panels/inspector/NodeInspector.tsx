import { anyBlockDef, blockRegistry, isBlockKind, anyOpDef, opRegistry, type OpKind } from '../../core/kinds';
import type { DesignNode } from '../../core/design/design-types';
import type { FormulaLine } from '../../core/ops/op-types';
import type { Shape } from '../../core/shape';
import { lookOf } from '../../ui/families';
import { useAnalysis } from '../../state/hooks';
import { studio, useStudio } from '../../state/store';
import { zeroCost } from '../../core/ops/op-types';
import { clearedBy, fieldsOf, overriddenBy } from '../../core/document/field-spec';
import { formatField } from './parse-field';
import { ExpanderPicture } from './ExpanderPicture';
import { Figures } from './Figures';
import { NodeWeights } from './NodeWeights';
import { NameField } from './NameField';
import { ParamField } from './ParamField';
import { RebirthMerge } from './RebirthMerge';
import { RepeatAsStage, stageFieldLabels, stageHidden, UnitSettings } from './StageSettings';
import type { Diagnostic } from '../../core/diagnostics';
import { diagnosticText, fieldText, kindDescription } from '../../i18n/core-text';
import { kindCitation } from '../../i18n/core-examples';
import { useTranslation } from 'react-i18next';

const problemText = (d: Diagnostic | undefined): string | undefined =>
  d === undefined ? undefined : diagnosticText(d);

function formulasOf(
  node: DesignNode,
  inputs: readonly (Shape | undefined)[],
  outputs: readonly Shape[] | undefined,
): readonly FormulaLine[] {
  // Known output shapes mean the analysis accepted the params: the formulas are defined.
  const known = inputs.filter((s): s is Shape => s !== undefined);
  if (outputs === undefined || known.length !== inputs.length) return [];
  if (isBlockKind(node.kind)) return anyBlockDef(node.kind).formulas?.(node.params, known, outputs) ?? [];
  return anyOpDef(node.kind).formulas({ params: node.params, inputs: known, outputs });
}

/** The selected node: its name, settings (checked as typed), problems and figures. */
export function NodeInspector({ node }: { node: DesignNode }) {
  const { t } = useTranslation('inspector');
  const analysis = useAnalysis();
  const open = useStudio((s) => s.openBlocks.includes(node.id));
  const info = analysis.nodes.get(node.id);
  const block = isBlockKind(node.kind) ? blockRegistry[node.kind] : undefined;
  const def = block ?? opRegistry[node.kind as OpKind];
  const look = lookOf(node, info?.inputShapes[0]?.[1]);
  const diagnostics = info?.diagnostics ?? [];
  const stage = node.kind === 'Stage' ? node : undefined;
  const fields = fieldsOf(def.schema)
    .filter((f) => stage === undefined || !stageHidden.has(f.name))
    .map((f) => ({ ...f, ...fieldText(node.kind, f) }))
    .map((f) => (stage === undefined ? f : { ...f, label: stageFieldLabels(f.name) ?? f.label }));
  const fieldNames = new Set(fields.map((f) => f.name));
  const params = node.params as Readonly<Record<string, unknown>>;

  const overriddenNote = (name: string): string | undefined => {
    const by = overriddenBy(fields, params, name);
    return by === undefined
      ? undefined
      : t('overriddenBy', { field: by.label, value: formatField(params[by.name]) });
  };

  const commit = (name: string, value: unknown): string | undefined => {
    // An optional setting left empty is removed, so the schema's "auto" applies.
    // A stage that changes its unit kind starts from that unit's defaults.
    const reset = stage !== undefined && name === 'unit' ? { unitParams: {}, firstParams: {} } : {};
    // A new ratio clears the absolute width that overrode it (one step, one Undo).
    const cleared = clearedBy(fields, params, name);
    const candidate = Object.fromEntries(
      Object.entries({ ...params, ...cleared, [name]: value, ...reset }).filter(([, v]) => v !== undefined),
    );
    const parsed = def.schema.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues.find((i) => i.path[0] === name) ?? parsed.error.issues[0];
      return issue?.message ?? t('notAllowed');
    }
    studio
      .getState()
      .setParams(
        node.id,
        { ...cleared, [name]: (parsed.data as Record<string, unknown>)[name], ...reset },
        name,
      );
    return undefined;
  };

  return (
    <div className="node-inspector">
      <header className={`inspector-header stripe-${look.stripe}`}>
        <h2>{look.title}</h2>
        <p className="muted">{kindDescription(node.kind)}</p>
        {block !== undefined && <p className="paper">{kindCitation(node.kind, block.paper)}</p>}
      </header>
      <section
        className="inspector-section"
        aria-label={t('settings')}
        onKeyDown={(e) => {
          // Escape leaves the settings for the node on the canvas, where the shortcuts work again.
          if (e.key !== 'Escape') return;
          e.stopPropagation();
          document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(node.id)}"]`)?.focus();
        }}
      >
        <NameField node={node} />
        {fields.map((f) => (
          <ParamField
            key={`${node.id}:${f.name}`}
            field={f}
            value={params[f.name]}
            onCommit={(v) => commit(f.name, v)}
            overriddenBy={overriddenNote(f.name)}
            problem={problemText(diagnostics.find((d) => d.field === f.name && d.severity === 'error'))}
          />
        ))}
        <RepeatAsStage key={node.id} node={node} />
        {block !== undefined && (
          <button
            type="button"
            className="button"
            onClick={() => {
              studio.getState().toggleBlock(node.id);
            }}
          >
            {open ? t('closeBlock') : t('openBlock')}
          </button>
        )}
      </section>
      {stage !== undefined && <UnitSettings node={stage} />}
      <RebirthMerge node={node} />
      {diagnostics.filter((d) => d.field === undefined || !fieldNames.has(d.field)).length > 0 && (
        <section className="inspector-section" aria-label={t('problems')}>
          <h3>{t('problems')}</h3>
          <ul className="problems">
            {diagnostics
              .filter((d) => d.field === undefined || !fieldNames.has(d.field))
              .map((d, i) => (
                <li key={i} className={`problem ${d.severity}`}>
                  <span className="code">{d.code}</span> {diagnosticText(d)}
                </li>
              ))}
          </ul>
        </section>
      )}
      <NodeWeights nodeId={node.id} />
      {node.kind === 'ExpanderConv2d' && info?.inputShapes[0] !== undefined && (
        <ExpanderPicture params={node.params} inChannels={info.inputShapes[0][1] ?? 0} />
      )}
      <Figures
        inputs={info?.inputShapes ?? []}
        outputs={info?.outputShapes}
        cost={info?.cost ?? zeroCost}
        formulas={formulasOf(node, info?.inputShapes ?? [], info?.outputShapes)}
        layers={info === undefined ? [] : analysis.layers.slice(info.layers[0], info.layers[1])}
      />
    </div>
  );
}
