/**
 * What other parts' tests may use of the example module's test support (the fuzz test mounts the
 * module and reads its operations; nothing else needs more). The module's own tests import the files
 * beside this one directly. No runtime file imports anything under testing/.
 */
import { deliveredCountOf } from '../store/store.ts';

/** The operationIds of the example's routes (http/routes.ts), which a test mounting it expects to see. */
export const EXAMPLE_OPERATION_IDS = [
  'listExampleNotes',
  'createExampleNote',
  'getExampleNote',
  'updateExampleNote',
] as const;

/** How many delivered cases the count-deliveries subscription has counted for a unit. */
export { deliveredCountOf };
