/** One row of the by-service-point table: a township with its villages under it, or a lone point. */
export interface PointRow {
  key: string;
  name: string;
  yellow: number;
  red: number;
  children?: PointRow[];
}

interface Unit {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
}

/**
 * Rolls the supervision answer's service points (each counting only its own cases) up under their
 * township: a township whose warnings are all at its villages still gets a row, with their sums,
 * so it can be chosen (the API's servicePointId filter takes a township's villages in). Points whose
 * township is unknown (the org tree not loaded) stay as they are.
 */
export function rollUpServicePoints(
  points: readonly { key: string; name: string; yellow: number; red: number }[],
  units: readonly Unit[] | undefined,
): PointRow[] {
  const byId = new Map((units ?? []).map((u) => [u.id, u]));
  const townshipOf = (id: string): Unit | undefined => {
    let unit = byId.get(id);
    for (let hops = 0; unit && hops < 10; hops++) {
      if (unit.kind === 'township') return unit;
      unit = unit.parentId ? byId.get(unit.parentId) : undefined;
    }
    return undefined;
  };
  const rows = new Map<string, PointRow>();
  for (const p of points) {
    const township = townshipOf(p.key);
    if (!township || township.id === p.key) {
      // The township's own cases: add them to its row (which its villages may have made already).
      const row = rows.get(p.key) ?? { key: p.key, name: p.name, yellow: 0, red: 0 };
      row.yellow += p.yellow;
      row.red += p.red;
      rows.set(p.key, row);
      continue;
    }
    const row = rows.get(township.id) ?? { key: township.id, name: township.name, yellow: 0, red: 0 };
    row.yellow += p.yellow;
    row.red += p.red;
    row.children = [...(row.children ?? []), { ...p }];
    rows.set(township.id, row);
  }
  const worstFirst = (a: PointRow, b: PointRow) => b.red - a.red || b.yellow - a.yellow;
  for (const row of rows.values()) row.children?.sort(worstFirst);
  return [...rows.values()].sort(worstFirst);
}
