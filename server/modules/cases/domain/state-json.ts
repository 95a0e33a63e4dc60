import type { CaseState } from './model.ts';

/**
 * The JSON text of a case state, as JSON.stringify writes it, for the projection row every action
 * rewrites. A state is never changed in place: an action makes a new one that keeps the parts it
 * did not touch (the item, the intake point, the applicant, the steps, the materials… 3 KB of a
 * 3.5 KB state), and states kept across requests are frozen (store.ts). So the text of each part is
 * made once, remembered for that object, and reused by the next versions of the case.
 */
export function stateJson(state: CaseState): string {
  let out = '';
  for (const key in state) {
    const value: unknown = state[key as keyof CaseState];
    if (value === undefined) continue;
    out += `${out === '' ? '{' : ','}${keyText(key)}${partJson(value)}`;
  }
  return out === '' ? '{}' : `${out}}`;
}

const partTexts = new WeakMap<object, string>();
const keyTexts = new Map<string, string>();

/** `"key":`, made once per key name. */
function keyText(key: string): string {
  let text = keyTexts.get(key);
  if (text === undefined) {
    text = `${JSON.stringify(key)}:`;
    keyTexts.set(key, text);
  }
  return text;
}

function partJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'object': {
      let text = partTexts.get(value);
      if (text === undefined) {
        text = JSON.stringify(value);
        partTexts.set(value, text);
      }
      return text;
    }
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return JSON.stringify(value);
  }
}
