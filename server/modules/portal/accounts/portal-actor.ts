import type { AuditActor } from '../../../platform/context.ts';

/** Who a portal request comes from: a citizen's portal account (never a staff actor). */
export interface PortalActor {
  accountId: string;
  phoneMasked: string;
  /** The session's token digest (for log-out). */
  sessionId: string;
  /** The session's CSRF token, given back by `getPortalMe` so a reloaded page can still send changes. */
  csrfToken: string;
}

/** How an audit row names a portal account: no staff name, the masked number. */
export function portalAuditActor(actor: Pick<PortalActor, 'accountId' | 'phoneMasked'>): AuditActor {
  return { accountId: actor.accountId, name: `公众用户${actor.phoneMasked}` };
}
