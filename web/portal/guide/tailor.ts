/**
 * Which conditions and materials a guide shows for the situations answered so far: the contract's
 * rule (`applicableFor`, the same one the server uses for the Word guide and at intake), plus,
 * while a question is open, what its answers would bring in, marked as pending.
 */
import type { CatalogItemDocument } from '../../../contracts/catalog.ts';
import { answersTo, applicableFor } from '../../../contracts/catalog-situations.ts';

type Doc = Pick<CatalogItemDocument, 'materials' | 'conditions' | 'situations'>;

/** The answers (by situation id) a person has chosen; a situation not in the map is unanswered. */
export type Answers = Record<string, string[]>;

export interface Tailored {
  materialIds: string[];
  conditionIds: string[];
  /** Material / condition id → labels of the answers of unanswered questions that would bring it in. */
  pending: Map<string, string[]>;
  /** Material / condition id → labels of the chosen answers that brought it in. */
  because: Map<string, string[]>;
}

function push(map: Map<string, string[]>, id: string, label: string) {
  const list = map.get(id) ?? [];
  if (!list.includes(label)) list.push(label);
  map.set(id, list);
}

/**
 * A material or condition applies when no answer mentions it, or a chosen answer does. Until a
 * question is answered, what its answers would bring in is shown too, marked as pending, so the
 * list is never shorter than what a person may need.
 */
export function tailor(doc: Doc, answers: Answers): Tailored {
  const pending = new Map<string, string[]>();
  const because = new Map<string, string[]>();
  for (const s of doc.situations) {
    const picked = answersTo(answers, s.id);
    for (const a of s.answers) {
      const into = picked.length === 0 ? pending : picked.includes(a.id) ? because : null;
      if (!into) continue;
      for (const id of [...a.materialIds, ...a.conditionIds]) push(into, id, a.label);
    }
  }
  for (const id of because.keys()) pending.delete(id);
  const applicable = applicableFor(doc, answers);
  const materials = new Set(applicable.materialIds);
  const conditions = new Set(applicable.conditionIds);
  return {
    materialIds: doc.materials.map((m) => m.id).filter((id) => materials.has(id) || pending.has(id)),
    conditionIds: doc.conditions.map((c) => c.id).filter((id) => conditions.has(id) || pending.has(id)),
    pending,
    because,
  };
}
