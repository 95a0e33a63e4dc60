import type { OrgUnitView } from '../../api/org.ts';

export interface UnitNode {
  unit: OrgUnitView;
  children: UnitNode[];
}

/** Tag colour per org-unit kind, so a glance tells a department from a township. */
export const KIND_COLORS: Record<string, string> = {
  government: 'red',
  department: 'blue',
  service_centre: 'gold',
  township: 'green',
  village: 'cyan',
  service_station: 'purple',
};

/** The flat list as a forest; units whose parent is not visible become roots (scoped users). */
export function buildTree(units: readonly OrgUnitView[]): UnitNode[] {
  const nodes = new Map(units.map((u) => [u.id, { unit: u, children: [] as UnitNode[] }]));
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Nodes whose name or code contains the text, with their ancestors (null keeps everything). */
export function filterTree(nodes: UnitNode[], text: string): UnitNode[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return nodes;
  const out: UnitNode[] = [];
  for (const n of nodes) {
    const children = filterTree(n.children, needle);
    const hit = n.unit.name.toLowerCase().includes(needle) || n.unit.code.toLowerCase().includes(needle);
    if (hit || children.length) out.push({ unit: n.unit, children: hit ? n.children : children });
  }
  return out;
}

/** Ids of every node that has children (to expand a filtered tree fully). */
export function branchIds(nodes: UnitNode[]): string[] {
  return nodes.flatMap((n) => (n.children.length ? [n.unit.id, ...branchIds(n.children)] : []));
}
