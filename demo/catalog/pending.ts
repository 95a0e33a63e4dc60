import type { CatalogItemDocument } from '../../contracts/catalog.ts';
import type { CatalogItemsTable, CatalogItemVersionsTable } from '../../server/modules/catalog/index.ts';
import { catalogDb, insertVersions } from '../../server/modules/catalog/testing/index.ts';
import type { Platform } from '../../server/platform/context.ts';
import { newId } from '../../server/platform/db/ids.ts';
import type { Tx } from '../../server/platform/db/index.ts';
import { fromJson, toJson } from '../../server/platform/db/json.ts';
import { nowIso } from '../../server/platform/time.ts';
import { DEMO_ACCOUNTS } from '../logins.ts';

/** The demo's one revision waiting for review, so the console's review queue is not empty. */
export const PENDING_REVISION = {
  itemName: '食品经营许可',
  username: 'scjg_handler',
  promisedDays: 3,
} as const;

/**
 * 市场监督管理局 proposes to shorten the promised limit of 食品经营许可 from 5 to 3 working days:
 * version 2, submitted for review; the published version 1 stays what the public sees. `seeded`
 * holds the demo's items and versions just written.
 */
export async function seedPendingRevision(
  _platform: Platform,
  trx: Tx,
  seeded: { items: readonly CatalogItemsTable[]; versions: readonly CatalogItemVersionsTable[] },
): Promise<void> {
  const { items, versions } = seeded;
  const item = items.find((i) => i.name === PENDING_REVISION.itemName);
  const published = versions.find((v) => v.id === item?.published_version_id);
  if (!item || !published) return;
  const account = await trx
    .selectFrom('accounts')
    .select('id')
    .where('username', '=', PENDING_REVISION.username)
    .executeTakeFirst();
  const doc = fromJson<CatalogItemDocument>(published.document, {} as CatalogItemDocument);
  const revised: CatalogItemDocument = {
    ...doc,
    promisedLimit: { ...doc.promisedLimit, value: PENDING_REVISION.promisedDays },
  };
  const name = DEMO_ACCOUNTS.find((a) => a.username === PENDING_REVISION.username)?.name ?? null;
  const now = nowIso();
  const id = newId();
  await insertVersions(trx, [
    {
      id,
      item_id: item.id,
      number: 2,
      status: 'in_review',
      document: toJson(revised),
      created_by: account?.id ?? null,
      created_by_name: name,
      created_at: now,
      updated_at: now,
      submitted_by: account?.id ?? null,
      submitted_by_name: name,
      submitted_at: now,
      reviewed_by: null,
      reviewed_by_name: null,
      reviewed_at: null,
      approved_by: null,
      published_at: null,
      review_note: null,
    },
  ]);
  await catalogDb(trx)
    .updateTable('catalog_items')
    .set({ draft_version_id: id, revision: 2 })
    .where('id', '=', item.id)
    .execute();
}
