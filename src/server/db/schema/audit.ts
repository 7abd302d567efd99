// The audit trail of every view and change.
// Owned by src/server/audit/. Writes from anywhere else are listed, with why, in tests/unit/architecture.test.ts.

export interface AuditEventTable {
  id: string;
  at: string;
  staff_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  detail: string | null;
}

/** The tables src/server/audit/ owns, as the database type (../schema.ts) is composed from them. */
export interface AuditTables {
  audit_event: AuditEventTable;
}
