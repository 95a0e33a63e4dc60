import { z } from 'zod';

export const ORG_UNIT_KINDS = [
  'government',
  'department',
  'service_centre',
  'township',
  'village',
  'service_station',
] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

export const WINDOW_KINDS = ['comprehensive', 'specialist', 'delivery', 'bundle'] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

export const OrgUnit = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  creditCode: z.string().nullable(),
  divisionCode: z.string().nullable(),
});
export const OrgUnitList = z.object({ items: z.array(OrgUnit) });
