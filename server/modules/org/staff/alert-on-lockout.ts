import { shanghaiMinute } from '../../../../contracts/shanghai-date.ts';
import { inTransaction } from '../../../platform/context.ts';
import { type EventSubscription, markEventHandled } from '../../../platform/events/index.ts';
import { notifyInbox } from '../../../platform/notify/index.ts';
import { findStaffRowByAccount, reachOf } from '../store/store-staff.ts';
import { listStaffWhoCan } from '../views/lookups.ts';

/**
 * When failures from several addresses refuse a staff account to new addresses (`auth.accountLocked`),
 * every administrator who may manage that person — `staff.manage` over their unit and over every
 * scope they hold, the same rule as a password reset — gets an inbox message naming the account,
 * the failures and the time; the person, if they may manage themselves, too. Once per event.
 */
export const alertAdminsOnLockout: EventSubscription = {
  name: 'org.alertAdminsOnLockout',
  types: ['auth.accountLocked'],
  async handle(event, platform, ctx) {
    const accountId = String(event.payload.accountId);
    await inTransaction(platform, async (trx) => {
      if (!(await markEventHandled(trx, event, ctx))) return;
      const staff = await findStaffRowByAccount(trx, accountId);
      if (!staff) return;
      const reach = await reachOf(trx, staff);
      const paths = [reach.orgPath, ...reach.grantPaths];
      // Whoever may manage the person over every path of their reach.
      const managersPerPath: string[][] = [];
      for (const path of paths) {
        managersPerPath.push((await listStaffWhoCan(trx, 'staff.manage', path)).map((s) => s.accountId));
      }
      const admins = managersPerPath.reduce((all, here) => all.filter((a) => here.includes(a)));
      for (const admin of new Set(admins)) {
        await notifyInbox(trx, {
          accountId: admin,
          template: 'account.locked',
          params: {
            username: staff.username,
            name: staff.name,
            failures: Number(event.payload.failures),
            until: shanghaiMinute(String(event.payload.lockedUntil)),
          },
          relatedType: 'staff',
          relatedId: staff.id,
        });
      }
    });
  },
};
