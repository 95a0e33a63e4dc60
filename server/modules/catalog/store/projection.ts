import { type CatalogItemDocument, depthSummaryOf } from '../../../../contracts/catalog.ts';
import { pinyinKeys } from '../domain/pinyin.ts';
import type { Department } from './departments.ts';
import type { CatalogItemsTable } from './tables.ts';

/** The item-row columns a document determines: search keys and filter flags. */
export type ProjectedColumns = Pick<
  CatalogItemsTable,
  | 'implementation_code'
  | 'catalog_code'
  | 'department_id'
  | 'department_name'
  | 'name'
  | 'name_pinyin'
  | 'name_initials'
  | 'search_text'
  | 'codes'
  | 'type'
  | 'service_objects'
  | 'topics'
  | 'depth_summary'
  | 'visits'
  | 'promised_value'
  | 'promised_unit'
  | 'in_hall'
  | 'comprehensive'
  | 'grassroots'
>;

/** 'none' | 'township' | 'village' | 'township_village' from the grassroots set. */
export function grassrootsColumn(levels: readonly string[]): string {
  const t = levels.includes('township');
  const v = levels.includes('village');
  return t && v ? 'township_village' : t ? 'township' : v ? 'village' : 'none';
}

/** The grassroots set back from its column. */
export function grassrootsLevels(column: string): ('township' | 'village')[] {
  if (column === 'township_village') return ['township', 'village'];
  if (column === 'township' || column === 'village') return [column];
  return [];
}

/**
 * The "other fields" a search also looks at, ranked below the name: department, result and topics
 * (the codes have their own column, scanned for Latin terms only). Material names stay out on purpose: 居民身份证 is a material of most items for people,
 * so it would make every such item a hit (and a slow one) for a search meant for the ID-card items.
 */
export function searchTextOf(doc: CatalogItemDocument, departmentName: string): string {
  return [departmentName, doc.result.name, ...new Set([...doc.topics.person, ...doc.topics.legal])].join(' ');
}

/** Projects a document (and its department) onto the item row's search and filter columns. */
export function projectionOf(doc: CatalogItemDocument, department: Department): ProjectedColumns {
  const keys = pinyinKeys(doc.name);
  const topics = [...new Set([...doc.topics.person, ...doc.topics.legal])];
  return {
    implementation_code: doc.implementationCode,
    catalog_code: doc.catalogCode,
    department_id: department.id,
    department_name: department.name,
    name: doc.name,
    name_pinyin: keys.full,
    name_initials: keys.initials,
    search_text: searchTextOf(doc, department.name),
    codes: `${doc.catalogCode} ${doc.implementationCode}`,
    type: doc.type,
    service_objects: `,${doc.serviceObjects.join(',')},`,
    topics: `|${topics.join('|')}|`,
    depth_summary: depthSummaryOf(doc.depthFlags),
    visits: doc.visits,
    promised_value: doc.promisedLimit.value,
    promised_unit: doc.promisedLimit.unit,
    in_hall: doc.window.inHall ? 1 : 0,
    comprehensive: doc.window.comprehensive ? 1 : 0,
    grassroots: grassrootsColumn(doc.window.grassroots),
  };
}
