/**
 * What other code may use of the example module: its descriptor (for whoever mounts it: tests, via
 * the harness's `modules` option) and its audit action names. Nothing else: no other module reads
 * example tables. Test set-up is in testing/index.ts.
 */
export { EXAMPLE_AUDIT_ACTIONS, type ExampleAuditAction } from './audit-actions.ts';
export { exampleModule } from './module.ts';
