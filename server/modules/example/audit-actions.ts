import { auditFor } from '../../platform/context.ts';
/**
 * The audit actions the example module writes (`module.verbObject`), listed once: use cases take
 * their names from here and the descriptor lists them (`auditActions`).
 */
export const EXAMPLE_AUDIT_ACTIONS = ['example.createNote', 'example.updateNote'] as const;
export type ExampleAuditAction = (typeof EXAMPLE_AUDIT_ACTIONS)[number];

/** The module's audit writer: it writes only the names above (platform/context.ts auditFor). */
export const auditExample = auditFor(EXAMPLE_AUDIT_ACTIONS);
