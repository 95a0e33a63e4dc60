import { type FormEvent, useEffect, useState } from 'react';
import type { CatalogItemDocument } from '../../../contracts/catalog.ts';
import type { OnlineApplicationView } from '../../../contracts/portal-applications.ts';
import { useI18n } from '../../ui/i18n/index.tsx';

type Field = CatalogItemDocument['formFields'][number];

const INPUT_TYPE: Partial<Record<Field['kind'], string>> = { number: 'number', date: 'date' };

/**
 * 申请表: the item's fields, pre-filled from the profile; fields of the verified identity are shown
 * but not editable; personal values come back masked, and sending a masked value keeps the stored one.
 */
export function ApplicationForm({
  fields,
  draft,
  onSave,
}: {
  fields: readonly Field[];
  draft: OnlineApplicationView;
  onSave(form: Record<string, unknown>): void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState<Record<string, unknown>>(draft.form);
  useEffect(() => setValues(draft.form), [draft.form]);
  const shown = fields.filter((f) => f.kind !== 'attachment');
  if (shown.length === 0) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave(values);
  };
  return (
    <form className="ac-card" onSubmit={submit} noValidate data-testid="apply-form">
      <h2 className="ac-subtitle">{t('portal.apply.form')}</h2>
      {shown.map((f) => {
        const locked = draft.lockedKeys.includes(f.key);
        const value = values[f.key];
        const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
        return (
          <div key={f.key} className="ac-field">
            <label htmlFor={`apply-${f.key}`}>
              {f.label}
              {f.required ? <span className="ap-required"> *</span> : null}
              {locked ? <span className="ap-locked"> {t('portal.apply.locked')}</span> : null}
            </label>
            {f.kind === 'choice' ? (
              <select
                id={`apply-${f.key}`}
                name={f.key}
                value={text}
                disabled={locked}
                onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
              >
                <option value="">{t('portal.apply.choose')}</option>
                {f.options.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={`apply-${f.key}`}
                name={f.key}
                type={INPUT_TYPE[f.kind] ?? 'text'}
                value={text}
                readOnly={locked}
                maxLength={200}
                onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
              />
            )}
            {f.hint ? <span className="ap-hint">{f.hint}</span> : null}
          </div>
        );
      })}
      <button type="submit" className="ac-primary">
        {t('portal.apply.saveForm')}
      </button>
    </form>
  );
}
