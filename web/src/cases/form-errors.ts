/** Puts the server's field-level refusals on the form fields that caused them. Pure. */
import { ApiError } from '../app/api.js';

/** Errors for one form field, as antd Form.setFields takes them. */
export interface FieldError {
  name: string;
  errors: string[];
}

/**
 * Splits a refusal into errors for the form's fields and a message for whatever no field explains. `fields` maps a
 * server path (or the start of one: `attachments` covers `attachments.3`) to the form field that shows it.
 */
export function formErrors(error: unknown, fields: Record<string, string>): { fields: FieldError[]; rest: string | null } {
  if (!(error instanceof ApiError)) return { fields: [], rest: error instanceof Error ? error.message : String(error) };
  const byField = new Map<string, string[]>();
  const place = (path: string, message: string): boolean => {
    const name = fieldFor(path, fields);
    if (!name) return false;
    byField.set(name, [...(byField.get(name) ?? []), message]);
    return true;
  };
  let unplaced = false;
  const issues = error.details?.issues;
  if (Array.isArray(issues)) {
    for (const issue of issues) {
      const { path, message } = (issue ?? {}) as { path?: unknown; message?: unknown };
      if (typeof path !== 'string' || typeof message !== 'string' || !place(path, message)) unplaced = true;
    }
  }
  const field = error.details?.field;
  if (typeof field === 'string') {
    if (!place(field, error.message)) unplaced = true;
  } else if (!Array.isArray(issues)) {
    unplaced = true;
  }
  return { fields: [...byField].map(([name, errors]) => ({ name, errors })), rest: unplaced || byField.size === 0 ? error.message : null };
}

/** The form field for a server path: an exact entry, else the longest entry the path starts with. */
export function fieldFor(path: string, fields: Record<string, string>): string | undefined {
  if (fields[path]) return fields[path];
  const prefixes = Object.keys(fields)
    .filter((p) => path.startsWith(`${p}.`))
    .sort((a, b) => b.length - a.length);
  const best = prefixes[0];
  return best ? fields[best] : undefined;
}
