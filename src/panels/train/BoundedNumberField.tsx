import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * One number of a Train tab form: kept as typed, passed on only while it is in [min, max] (and whole
 * when `whole`); out of bounds it says so in one sentence beside the field.
 */
export function BoundedNumberField({
  id,
  label,
  value,
  min,
  max,
  whole = false,
  onValue,
}: {
  id: string;
  label: string;
  value: number;
  min: number;
  max: number;
  whole?: boolean;
  onValue: (value: number) => void;
}) {
  const { t } = useTranslation('train');
  const [text, setText] = useState<string | undefined>(undefined);
  const shown = text ?? String(value);
  const ok = (typed: string): boolean => {
    const v = Number(typed);
    return (
      typed.trim() !== '' && Number.isFinite(v) && v >= min && v <= max && (!whole || Number.isInteger(v))
    );
  };
  const bad = !ok(shown);
  return (
    <label className="train-field">
      <span>{label}</span>
      <input
        type="number"
        inputMode={whole ? 'numeric' : 'decimal'}
        step={whole ? 1 : 'any'}
        min={min}
        max={max}
        value={shown}
        aria-invalid={bad}
        aria-describedby={bad ? `${id}-bad` : undefined}
        onChange={(e) => {
          const typed = e.target.value;
          setText(typed);
          if (ok(typed)) onValue(Number(typed));
        }}
        onBlur={() => {
          setText(undefined);
        }}
      />
      {bad && (
        <span id={`${id}-bad`} className="train-bad">
          {t(whole ? 'recipe.badWhole' : 'recipe.bad', { field: label, min, max })}
        </span>
      )}
    </label>
  );
}
