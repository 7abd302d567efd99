// Which instance is running each scheduled job.
// Owned by src/server/jobs/. Writes from anywhere else are listed, with why, in tests/unit/architecture.test.ts.

export interface JobLeaseTable {
  name: string;
  /** The instance running the job. */
  holder: string;
  expires_at: string;
}

/** The tables src/server/jobs/ owns, as the database type (../schema.ts) is composed from them. */
export interface JobsTables {
  job_lease: JobLeaseTable;
}
