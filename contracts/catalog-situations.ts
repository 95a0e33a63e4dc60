/**
 * The situation rule of a catalogue item (情形引导): which materials and conditions a set of answers
 * calls for. It imports nothing (no zod), so the phone portal runs the same rule as the server.
 */

/** What the rule reads of an item document: material and condition ids, and the situations. */
export interface SituationalDoc {
  materials: readonly { id: string }[];
  conditions: readonly { id: string }[];
  situations: readonly {
    id: string;
    answers: readonly { id: string; materialIds: readonly string[]; conditionIds: readonly string[] }[];
  }[];
}

/**
 * The answers chosen, by situation (question) id. Answer ids are unique within a question only
 * (two questions may both have `yes`), so an answer is always named with its question.
 */
export type ChosenAnswers = Readonly<Record<string, readonly string[]>>;

/** The answers chosen to one question (none when it is unanswered). */
export function answersTo(chosen: ChosenAnswers, situationId: string): readonly string[] {
  return (Object.hasOwn(chosen, situationId) ? chosen[situationId] : undefined) ?? [];
}

/**
 * Materials and conditions that apply for a set of chosen answers: those that no answer mentions
 * (the base set) plus those the chosen answers bring in, in document order.
 */
export function applicableFor(
  doc: SituationalDoc,
  chosenAnswers: ChosenAnswers,
): { materialIds: string[]; conditionIds: string[] } {
  const situational = { m: new Set<string>(), c: new Set<string>() };
  const chosen = { m: new Set<string>(), c: new Set<string>() };
  for (const s of doc.situations) {
    const picked = answersTo(chosenAnswers, s.id);
    for (const a of s.answers) {
      for (const m of a.materialIds) situational.m.add(m);
      for (const c of a.conditionIds) situational.c.add(c);
      if (picked.includes(a.id)) {
        for (const m of a.materialIds) chosen.m.add(m);
        for (const c of a.conditionIds) chosen.c.add(c);
      }
    }
  }
  return {
    materialIds: doc.materials.filter((m) => !situational.m.has(m.id) || chosen.m.has(m.id)).map((m) => m.id),
    conditionIds: doc.conditions
      .filter((c) => !situational.c.has(c.id) || chosen.c.has(c.id))
      .map((c) => c.id),
  };
}
