import { applicantFormValues } from '../../../../contracts/applicant-form.ts';
import type { CatalogItemDocument } from '../../../../contracts/catalog.ts';
import type {
  OnlineApplicationView,
  SaveApplicationInput,
  StartApplicationInput,
} from '../../../../contracts/portal-applications.ts';
import { inTransaction, type Platform } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { toJson } from '../../../platform/db/json.ts';
import { AppError, say } from '../../../platform/errors.ts';
import { chosenAnswers } from '../../cases/index.ts';
import { getPublishedVersion, getVersion } from '../../catalog/index.ts';
import type { PortalActor } from '../accounts/portal-actor.ts';
import { portalAuditActor } from '../accounts/portal-actor.ts';
import { auditPortal } from '../audit-actions.ts';
import { listApplicationFiles } from '../store/application-files.ts';
import {
  findAccount,
  findOpenDraft,
  findOwnApplication,
  insertApplication,
  listOwnApplications,
  saveDraftIfAt,
} from '../store/store.ts';
import type { PortalAccountsTable, PortalApplicationsTable } from '../store/tables.ts';
import { formOf, sealForm, shownValue, toApplicationView } from './present.ts';

/** 网上预审 or 网上受理 in the item's online depth: it may be applied for here. */
export function appliesOnline(doc: Pick<CatalogItemDocument, 'depthFlags'>): boolean {
  return doc.depthFlags.includes('3') || doc.depthFlags.includes('4');
}

/** The applicant's verified values, as the form's applicant fields take them. */
export function profileOf(platform: Platform, account: PortalAccountsTable) {
  const open = (v: string | null) => (v === null ? undefined : platform.cipher.decrypt(v));
  return {
    kind: 'person' as const,
    name: open(account.name_enc),
    idNumber: open(account.id_number_enc),
    phone: platform.cipher.decrypt(account.phone_enc),
    address: open(account.address_enc),
  };
}

/** Fields filled from what the account proved (its name, ID number, number): not edited online. */
function lockedKeysOf(doc: CatalogItemDocument): string[] {
  const filled = applicantFormValues(doc.formFields, {
    kind: 'person',
    name: 'x',
    idNumber: 'x',
    phone: 'x',
  });
  return Object.entries(filled)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);
}

export async function verifiedAccount(db: Executor, actor: PortalActor): Promise<PortalAccountsTable> {
  const account = await findAccount(db, actor.accountId);
  if (!account || account.disabled) throw new AppError('PORTAL_LOGIN_REQUIRED');
  if (account.real_name_level === 'phone') throw new AppError('PORTAL_REAL_NAME_REQUIRED');
  return account;
}

export async function documentOf(db: Executor, row: PortalApplicationsTable): Promise<CatalogItemDocument> {
  const version = await getVersion(db, row.item_version_id);
  if (!version) throw new AppError('PORTAL_APPLICATION_NOT_FOUND', { id: row.id });
  return version.document;
}

/** The draft's view, its document and files read through `db` (the platform's, or a transaction). */
export async function viewOf(
  platform: Platform,
  draft: { db: Executor; row: PortalApplicationsTable },
): Promise<OnlineApplicationView> {
  const { db, row } = draft;
  const doc = await documentOf(db, row);
  const files = await listApplicationFiles(db, row.id);
  return toApplicationView(platform, { row, doc, lockedKeys: lockedKeysOf(doc), files });
}

/**
 * Starts an online application of a published item whose online depth allows it (or resumes the
 * open draft of that item): the form pre-filled from the verified profile. Real name required.
 */
export async function startApplication(
  platform: Platform,
  actor: PortalActor,
  input: StartApplicationInput,
): Promise<OnlineApplicationView> {
  const account = await verifiedAccount(platform.db, actor);
  const version = await getPublishedVersion(platform.db, input.itemId);
  if (!version) throw new AppError('NOT_FOUND', { itemId: input.itemId });
  if (!appliesOnline(version.document))
    throw new AppError('PORTAL_ITEM_NOT_ONLINE', { itemId: input.itemId });
  const open = await findOpenDraft(platform.db, { accountId: account.id, itemId: input.itemId });
  if (open) return viewOf(platform, { db: platform.db, row: open });
  const prefilled = applicantFormValues(version.document.formFields, profileOf(platform, account));
  const form = Object.fromEntries(Object.entries(prefilled).filter(([, v]) => v !== undefined));
  const at = new Date().toISOString();
  const row: PortalApplicationsTable = {
    id: newId(),
    account_id: account.id,
    item_id: version.itemId,
    item_version_id: version.versionId,
    status: 'draft',
    situations: '{}',
    form_enc: sealForm(platform, form),
    revision: 1,
    created_at: at,
    updated_at: at,
    submitted_at: null,
    case_id: null,
    case_number: null,
  };
  await inTransaction(platform, async (trx) => {
    await insertApplication(trx, row);
    await auditPortal(platform, trx, {
      actor: portalAuditActor(actor),
      action: 'portal.startApplication',
      entityType: 'portal_application',
      entityId: row.id,
      detail: { itemId: version.itemId, itemVersionId: version.versionId },
    });
  });
  return toApplicationView(platform, {
    row,
    doc: version.document,
    lockedKeys: lockedKeysOf(version.document),
    files: [],
  });
}

/** One of the account's applications; another account's is "not found", revealing nothing. */
export async function getApplication(
  platform: Platform,
  actor: PortalActor,
  id: string,
): Promise<OnlineApplicationView> {
  const row = await findOwnApplication(platform.db, { accountId: actor.accountId, id });
  if (!row) throw new AppError('PORTAL_APPLICATION_NOT_FOUND', { id });
  return viewOf(platform, { db: platform.db, row });
}

export async function listApplications(platform: Platform, actor: PortalActor) {
  const rows = await listOwnApplications(platform.db, actor.accountId);
  const views = await Promise.all(rows.map((row) => viewOf(platform, { db: platform.db, row })));
  return {
    items: views.map(({ id, itemId, itemName, status, revision, caseNumber, updatedAt }) => ({
      id,
      itemId,
      itemName,
      status,
      revision,
      caseNumber,
      updatedAt,
    })),
  };
}

/** The form after a step: unknown and locked fields refused by name; a masked value sent back keeps the stored one. */
function mergeForm(
  doc: CatalogItemDocument,
  change: { stored: Record<string, unknown>; sent: Record<string, unknown> },
): Record<string, unknown> {
  const locked = new Set(lockedKeysOf(doc));
  const fields: { path: string; message: ReturnType<typeof say> }[] = [];
  const next = { ...change.stored };
  for (const [key, value] of Object.entries(change.sent)) {
    const field = doc.formFields.find((f) => f.key === key);
    const path = `body.form.${key}`;
    if (!field) {
      fields.push({ path, message: say('该事项的申请表没有这个字段', 'The form has no such field') });
      continue;
    }
    const current = change.stored[key];
    if (value === shownValue(field, current)) continue;
    if (locked.has(key)) {
      if (value !== current) {
        fields.push({
          path,
          message: say(
            `“${field.label}”由实名信息填写，不能在网上修改`,
            `“${field.label}” comes from your verified identity and cannot be changed online`,
          ),
        });
      }
      continue;
    }
    next[key] = value;
  }
  if (fields.length > 0) throw new AppError('PORTAL_FORM_INVALID', { fields });
  return next;
}

/**
 * Saves a step of a draft (situation answers and/or form fields) at the revision it was read at:
 * a stale revision is 409 PORTAL_STALE_VERSION, a submitted application 409
 * PORTAL_APPLICATION_SUBMITTED. Answers are checked as at the window. Audited (field names only).
 */
export async function saveApplication(
  platform: Platform,
  actor: PortalActor,
  input: SaveApplicationInput & { id: string },
): Promise<OnlineApplicationView> {
  return inTransaction(platform, async (trx) => {
    const row = await findOwnApplication(trx, { accountId: actor.accountId, id: input.id });
    if (!row) throw new AppError('PORTAL_APPLICATION_NOT_FOUND', { id: input.id });
    if (row.status !== 'draft') throw new AppError('PORTAL_APPLICATION_SUBMITTED');
    if (row.revision !== input.expectedRevision) throw new AppError('PORTAL_STALE_VERSION');
    const doc = await documentOf(trx, row);
    const situations =
      input.situations === undefined ? row.situations : toJson(chosenAnswers(doc, input.situations));
    const form =
      input.form === undefined
        ? formOf(platform, row)
        : mergeForm(doc, { stored: formOf(platform, row), sent: input.form });
    const set = { situations, form_enc: sealForm(platform, form), updated_at: new Date().toISOString() };
    if (!(await saveDraftIfAt(trx, { id: row.id, expectedRevision: input.expectedRevision, set }))) {
      throw new AppError('PORTAL_STALE_VERSION');
    }
    await auditPortal(platform, trx, {
      actor: portalAuditActor(actor),
      action: 'portal.saveApplication',
      entityType: 'portal_application',
      entityId: row.id,
      detail: {
        revision: input.expectedRevision + 1,
        situations: input.situations !== undefined,
        fields: Object.keys(input.form ?? {}),
      },
    });
    const saved = { ...row, ...set, revision: input.expectedRevision + 1 };
    const files = await listApplicationFiles(trx, row.id);
    return toApplicationView(platform, { row: saved, doc, lockedKeys: lockedKeysOf(doc), files });
  });
}
