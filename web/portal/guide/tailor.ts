/**
 * Which conditions and materials a guide shows for the situations answered so far. The rule is the
 * contract's `applicableFor` (contracts/catalog.ts), restated here because that file carries zod,
 * which the phone bundle does without; e2e/catalog-tailor.test.ts checks that the two agree.
 */
import type { CatalogItemDocument } from '../../../contracts/catalog.ts';

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
  const situational = new Set<string>();
  const chosen = new Set<string>();
  const pending = new Map<string, string[]>();
  const because = new Map<string, string[]>();
  for (const s of doc.situations) {
    const picked = answers[s.id];
    const answered = picked !== undefined && picked.length > 0;
    for (const a of s.answers) {
      const ids = [...a.materialIds, ...a.conditionIds];
      for (const id of ids) situational.add(id);
      if (answered && picked.includes(a.id)) {
        for (const id of ids) {
          chosen.add(id);
          push(because, id, a.label);
        }
      } else if (!answered) {
        for (const id of ids) push(pending, id, a.label);
      }
    }
  }
  const shown = (id: string) => !situational.has(id) || chosen.has(id) || pending.has(id);
  for (const id of chosen) pending.delete(id);
  return {
    materialIds: doc.materials.map((m) => m.id).filter(shown),
    conditionIds: doc.conditions.map((c) => c.id).filter(shown),
    pending,
    because,
  };
}

/** The answer ids of a complete set of answers, as `applicableFor` takes them. */
export function chosenIds(answers: Answers): string[] {
  return Object.values(answers).flat();
}
