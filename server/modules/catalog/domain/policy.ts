import { type Actor, can } from '../../../platform/access/policy.ts';
import type { ItemPermits } from './workflow.ts';

/**
 * Pure: what an actor holds on items of a department (the department's org-unit path). Catalogue
 * administrators hold catalog.edit and catalog.publish county-wide; department staff hold
 * catalog.propose inside their own department only.
 */
export function permitsOn(actor: Actor | null, departmentPath: string): ItemPermits {
  const target = { path: departmentPath };
  const write = can(actor, 'catalog.edit', target) || can(actor, 'catalog.propose', target);
  const publish = can(actor, 'catalog.publish', target);
  return { read: write || publish || can(actor, 'catalog.read', target), write, publish };
}
