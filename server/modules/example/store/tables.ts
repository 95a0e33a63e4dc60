/** Tables owned by the example module (reach them with `exampleDb(db)`); no other module reads them. */
export type ExampleTables = {
  example_notes: ExampleNotesTable;
  example_delivery_counts: ExampleDeliveryCountsTable;
};

export interface ExampleNotesTable {
  id: string;
  /** The org unit the note is for (the author's own); access is checked against its path. */
  org_unit_id: string;
  title: string;
  text: string;
  /** The author's account and name as they were when the note was written. */
  author_account_id: string;
  author_name: string | null;
  /** 1 when written, +1 at each change: the concurrency field (`expectedRevision` in updates). */
  revision: number;
  created_at: string;
  updated_at: string;
}

/** How many cases were delivered, per receiving org unit (filled by the case.delivered subscription). */
export interface ExampleDeliveryCountsTable {
  org_unit_id: string;
  delivered: number;
}
