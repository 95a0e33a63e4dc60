/**
 * What other parts' tests, e2e/ and bench/ may use of the cases module's test support: the set-up
 * of the HTTP tests (test items, windows, applicants, intakes, demo actors) and published catalogue
 * items made for a test. The module's own tests import the files beside this one directly. No
 * runtime file imports anything under testing/.
 */

export {
  ALL_ORIGINALS,
  acceptLongAgo,
  accountIdOf,
  actorOf,
  type CountyDesk,
  idNumber,
  intakeAtA01,
  intakeByClerk,
  person,
  setUpCountyDesk,
  setUpItems,
  type TestItems,
  windowId,
} from './http-test-support.ts';
export { insertTestItem, type TestItemSpec, testMaterial } from './test-items.ts';

import { groupedLookupCode, lookupCodeOf } from '../progress/lookup-code.ts';
import { casesDb } from '../store/store.ts';

/** Runtime internals a test reads directly: a case's lookup code as its notices print it, the case tables. */
export { casesDb, groupedLookupCode, lookupCodeOf };
