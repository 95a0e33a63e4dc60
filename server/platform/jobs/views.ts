import type { Selectable } from 'kysely';
import type { JobView } from '../../../contracts/jobs.ts';
import type { JobsTable } from '../db/schema.ts';

/** A job row as the API shows it (no payload, no lock columns). */
export function toJobView(row: Selectable<JobsTable>): JobView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: row.run_at,
    lastError: row.last_error,
    orderKey: row.order_key,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
