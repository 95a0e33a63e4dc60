import type { CatalogWorkflowAction, ItemStatus, VersionStatus } from '../../../../contracts/catalog-api.ts';
import { AppError } from '../../../platform/errors.ts';

/**
 * The catalogue workflow, pure. A version moves draft → in_review → published → superseded |
 * retired; a rejected version goes back to editing. This table is the only place that says which
 * action a version status allows: a new status without a row does not compile.
 */
export const ALLOWED_ACTIONS = {
  draft: ['edit', 'submit'],
  rejected: ['edit', 'submit'],
  in_review: ['approve', 'reject'],
  published: ['retire', 'newVersion'],
  superseded: [],
  retired: [],
} as const satisfies Record<VersionStatus, readonly CatalogWorkflowAction[]>;

/** Which grant an action needs: 'write' = catalog.edit or catalog.propose; 'publish' = catalog.publish. */
export const GRANT_FOR = {
  edit: 'write',
  submit: 'write',
  newVersion: 'write',
  approve: 'publish',
  reject: 'publish',
  retire: 'publish',
} as const satisfies Record<CatalogWorkflowAction, 'write' | 'publish'>;

/** An item's workflow state: the status of its published version and of its open working version. */
export interface ItemState {
  published: 'published' | 'retired' | null;
  working: 'draft' | 'in_review' | 'rejected' | null;
}

/** What the actor holds on the item's department: computed by policy.ts. */
export interface ItemPermits {
  read: boolean;
  write: boolean;
  publish: boolean;
}

/** Actions the state allows, whoever asks: the working version's, plus the published version's. */
export function stateActions(state: ItemState): CatalogWorkflowAction[] {
  const actions: CatalogWorkflowAction[] = state.working ? [...ALLOWED_ACTIONS[state.working]] : [];
  if (state.published) {
    for (const a of ALLOWED_ACTIONS[state.published]) {
      // One working version at a time: a revision is started only when none is open.
      if (a === 'newVersion' && state.working) continue;
      actions.push(a);
    }
  }
  return actions;
}

/** Actions this actor may take now: drives the console's buttons and the server's 403/409. */
export function availableActions(state: ItemState, permits: ItemPermits): CatalogWorkflowAction[] {
  return stateActions(state).filter((a) => permits[GRANT_FOR[a]]);
}

/** The state after an action; throws CATALOG_ACTION_NOT_ALLOWED when the state does not allow it. */
export function decide(state: ItemState, action: CatalogWorkflowAction): ItemState {
  if (!stateActions(state).includes(action)) {
    throw new AppError('CATALOG_ACTION_NOT_ALLOWED', { action, state });
  }
  switch (action) {
    case 'edit':
    case 'newVersion':
      return { ...state, working: 'draft' };
    case 'submit':
      return { ...state, working: 'in_review' };
    case 'reject':
      return { ...state, working: 'rejected' };
    case 'approve':
      return { published: 'published', working: null };
    case 'retire':
      return { published: 'retired', working: null };
  }
}

/** The item's overall status, shown in lists: published/retired once published, else the draft's. */
export function itemStatusOf(state: ItemState): ItemStatus {
  if (state.published) return state.published;
  return state.working === 'in_review' ? 'in_review' : 'draft';
}
