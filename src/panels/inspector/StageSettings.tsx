import { useId, useState } from 'react';
import { blockRegistry } from '../../core/kinds';
import { isStageUnit, stageOwnSettings, type StageParams } from '../../core/blocks/stage';
import type { DesignNode } from '../../core/design/design-types';
import { studio } from '../../state/store';
import { fieldsOf } from '../../core/document/field-spec';
import { ParamField } from './ParamField';
import { fieldText, kindTitle } from '../../i18n/core-text';
import { i18next } from '../../i18n';
import { useTranslation } from 'react-i18next';

/** How a stage's own settings read in the inspector: as the papers' stage tables name them. */
export const stageFieldLabels = (name: string): string | undefined =>
  ['unit', 'repeats', 'outChannels', 'stride'].includes(name)
    ? i18next.t(`inspector:stage.${name}`)
    : undefined;
/** A stage's settings that the unit settings section edits, or that are not edited by hand. */
export const stageHidden: ReadonlySet<string> = new Set(['unitParams', 'firstParams', 'unitLabels']);

/** "Repeat ×N" under a unit's settings: it becomes a stage of N such units, in place. */
export function RepeatAsStage({ node }: { node: DesignNode }) {
  const { t } = useTranslation('inspector');
  const [count, setCount] = useState(node.kind === 'Stage' ? node.params.repeats + 1 : 4);
  const id = useId();
  if (node.kind !== 'Stage' && !isStageUnit(node.kind)) return null;
  const valid = Number.isInteger(count) && count >= 1 && count <= 64;
  return (
    <div className="repeat-stage">
      <label htmlFor={id}>{t('stage.repeatAs')}</label>
      <input
        id={id}
        type="number"
        min={1}
        max={64}
        value={Number.isNaN(count) ? '' : count}
        onChange={(e) => {
          setCount(e.target.valueAsNumber);
        }}
      />
      <button
        type="button"
        className="button"
        disabled={!valid}
        onClick={() => {
          studio.getState().repeatAsStage(node.id, count);
        }}
      >
        {t('stage.repeat', { n: valid ? count : 'n' })}
      </button>
    </div>
  );
}

/** The settings every unit of a stage shares (expansion, groups, kernel...), edited as the unit's. */
export function UnitSettings({ node }: { node: Extract<DesignNode, { kind: 'Stage' }> }) {
  const { t } = useTranslation('inspector');
  const p: StageParams = node.params;
  const unit = blockRegistry[p.unit];
  const own = new Set<string>(stageOwnSettings);
  const fields = fieldsOf(unit.schema)
    .filter((f) => !own.has(f.name))
    .map((f) => ({ ...f, ...fieldText(p.unit, f) }));
  const defaults = unit.schema.parse({}) as Readonly<Record<string, unknown>>;
  const commit = (name: string, value: unknown): string | undefined => {
    const unitParams = Object.fromEntries(
      Object.entries({ ...p.unitParams, [name]: value }).filter(([, v]) => v !== undefined),
    );
    const parsed = blockRegistry.Stage.schema.safeParse({ ...p, unitParams });
    if (!parsed.success) return parsed.error.issues[0]?.message ?? t('notAllowed');
    studio.getState().setParams(node.id, { unitParams }, `unit:${name}`);
    return undefined;
  };
  return (
    <section className="inspector-section" aria-label={t('stage.everyUnit')}>
      <h3>{t('stage.everyUnitTitle', { title: kindTitle(p.unit) })}</h3>
      {fields.map((f) => (
        <ParamField
          key={`${node.id}:unit:${f.name}`}
          field={f}
          value={p.unitParams[f.name] ?? defaults[f.name]}
          onCommit={(v) => commit(f.name, v)}
          problem={undefined}
        />
      ))}
    </section>
  );
}
