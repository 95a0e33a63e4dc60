import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError, errorText } from './api.ts';

type NamePath = (string | number)[];

/** `body.roles.0.role` → ['roles', 0, 'role']: the antd name path of a server field path. */
export function toNamePath(path: string): NamePath {
  const parts = path.split('.').filter(Boolean);
  if (parts[0] === 'body' || parts[0] === 'querystring' || parts[0] === 'params') parts.shift();
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Puts the server's field errors on the form's fields so bad input shows where it was typed.
 * Returns true when at least one error landed on a field of the form.
 */
export function applyFieldErrors(form: FormInstance, err: unknown): boolean {
  if (!(err instanceof ApiError) || err.fields.length === 0) return false;
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  for (const f of err.fields) {
    const name = toNamePath(f.path);
    if (name.length === 0) continue;
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(f.message);
    byField.set(key, entry);
  }
  const known = [...byField.values()].filter((f) => isFieldOf(form, f.name));
  form.setFields(known);
  return known.length > 0;
}

function isFieldOf(form: FormInstance, name: NamePath): boolean {
  // Only fields rendered in this form are listed; errors for others go to a message instead.
  const key = JSON.stringify(name);
  return form.getFieldsError().some((f) => JSON.stringify(f.name) === key);
}

// errorText lives in api.ts, which has no antd: the portal's pages use it without the antd chunk.
export { errorText };

/**
 * A reporter for failed submissions: field errors go onto the form's fields, anything else (or
 * errors for fields the form does not show) becomes a message at the top of the page.
 */
export function useReportError(): (err: unknown, form?: FormInstance) => void {
  const { message } = App.useApp();
  return useCallback(
    (err, form) => {
      if (form && applyFieldErrors(form, err)) return;
      const text = errorText(err);
      const fields = err instanceof ApiError ? err.fields.map((f) => `${f.path}: ${f.message}`) : [];
      message.error(fields.length ? `${text}（${fields.join('；')}）` : text);
    },
    [message],
  );
}
