import { useId, useState } from 'react';
import type { Field } from '../../core/document/field-spec';
import { formatField, parseField } from './parse-field';
import { useTranslation } from 'react-i18next';

interface Props {
  readonly field: Field;
  readonly value: unknown;
  /** Applies a value; returns why it was refused, if it was. */
  readonly onCommit: (value: unknown) => string | undefined;
  /** A problem the analysis found with this setting (groups that do not divide the channels). */
  readonly problem: string | undefined;
  /** Why the value shown is not in force: another set field overrides it. */
  readonly overriddenBy?: string | undefined;
}

/** One setting: edited in place, checked on every keystroke, applied at once when valid. */
export function ParamField({ field, value, onCommit, problem, overriddenBy }: Props) {
  const { t } = useTranslation('inspector');
  const id = useId();
  const [error, setError] = useState<string | undefined>();
  const message = error ?? problem;
  const messageId = `${id}-message`;
  const helpId = `${id}-help`;
  const noteId = `${id}-note`;
  const describedBy = [
    message === undefined ? '' : messageId,
    field.help === undefined ? '' : helpId,
    overriddenBy === undefined ? '' : noteId,
  ]
    .filter((x) => x !== '')
    .join(' ');
  const described = {
    ...(describedBy === '' ? {} : { 'aria-describedby': describedBy }),
    ...(message === undefined ? {} : { 'aria-invalid': true }),
  };
  const { spec } = field;
  let control;
  switch (spec.type) {
    case 'boolean':
      control = (
        <input
          id={id}
          type="checkbox"
          {...described}
          checked={value === true}
          onChange={(e) => {
            setError(onCommit(e.target.checked));
          }}
        />
      );
      break;
    case 'enum':
      control = (
        <select
          id={id}
          {...described}
          value={formatField(value)}
          onChange={(e) => {
            setError(onCommit(e.target.value));
          }}
        >
          {spec.options.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      );
      break;
    case 'pair': {
      const pair = Array.isArray(value) ? (value as unknown[]) : [];
      control = (
        <span className="pair">
          {[0, 1].map((i) => (
            <TextInput
              key={i}
              id={i === 0 ? id : `${id}-w`}
              ariaLabel={`${field.label} ${i === 0 ? t('height') : t('width')}`}
              value={formatField(pair[i])}
              numeric
              described={described}
              onText={(text) => {
                const p = parseField(
                  { type: 'number', int: spec.int, optional: false, ...bounds(spec) },
                  text,
                );
                if (!p.ok) return p.message;
                const next = [...pair];
                next[i] = p.value;
                return onCommit(next);
              }}
              onError={setError}
            />
          ))}
        </span>
      );
      break;
    }
    case 'number':
    case 'list':
      control = (
        <TextInput
          id={id}
          ariaLabel={undefined}
          value={formatField(value)}
          numeric={spec.type === 'number'}
          placeholder={spec.type === 'number' && spec.optional ? 'auto' : undefined}
          described={described}
          onText={(text) => {
            const p = parseField(spec, text);
            return p.ok ? onCommit(p.value) : p.message;
          }}
          onError={setError}
        />
      );
      break;
    case 'other':
      control = <output id={id}>{formatField(value)}</output>;
  }
  return (
    <div className={`param${message === undefined ? '' : ' invalid'}`}>
      <label htmlFor={id}>
        {field.label}
        {field.unit !== undefined && <span className="param-unit"> ({field.unit})</span>}
      </label>
      {control}
      {field.help !== undefined && (
        <p className="param-help" id={helpId}>
          {field.help}
        </p>
      )}
      {overriddenBy !== undefined && (
        <p className="param-help param-overridden" id={noteId}>
          {overriddenBy}
        </p>
      )}
      {message !== undefined && (
        <p className="param-message" id={messageId} role="alert">
          {message}
        </p>
      )}
    </div>
  );
}

const bounds = (s: { min?: number; max?: number }) => ({
  ...(s.min === undefined ? {} : { min: s.min }),
  ...(s.max === undefined ? {} : { max: s.max }),
});

interface TextInputProps {
  readonly id: string;
  readonly ariaLabel: string | undefined;
  readonly value: string;
  readonly numeric: boolean;
  readonly placeholder?: string | undefined;
  readonly described: object;
  readonly onText: (text: string) => string | undefined;
  readonly onError: (message: string | undefined) => void;
}

/** Keeps what is typed while it is invalid; follows the value when it changes from elsewhere (undo). */
function TextInput({
  id,
  ariaLabel,
  value,
  numeric,
  placeholder,
  described,
  onText,
  onError,
}: TextInputProps) {
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(value);
  }
  return (
    <input
      id={id}
      type={numeric ? 'number' : 'text'}
      inputMode={numeric ? 'decimal' : undefined}
      aria-label={ariaLabel}
      placeholder={placeholder}
      value={draft}
      {...described}
      onChange={(e) => {
        setDraft(e.target.value);
        onError(onText(e.target.value));
      }}
      onBlur={() => {
        setDraft(value);
        onError(undefined);
      }}
    />
  );
}
