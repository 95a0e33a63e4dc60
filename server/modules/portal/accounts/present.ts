import type { PortalMeView } from '../../../../contracts/portal.ts';
import type { PortalAccountsTable } from '../store/tables.ts';

/** The account as its owner sees it: masked values only. */
export function toPortalMe(row: PortalAccountsTable): PortalMeView {
  return {
    accountId: row.id,
    kind: row.kind,
    phoneMasked: row.phone_masked,
    nameMasked: row.name_masked,
    idNumberMasked: row.id_number_masked,
    addressMasked: row.address_masked,
    realNameLevel: row.real_name_level,
    revision: row.revision,
    createdAt: row.created_at,
  };
}
