// Visits arriving together are written together: each request waits for the transaction holding
// its visit to commit before it is answered 202, so an acknowledged visit is never lost, and a
// burst costs one transaction per batch instead of one per visit. Nothing waits in memory longer
// than one write: a visit not yet written is one whose request has not been answered.
import type { CountedVisit } from '../../domain/analytics/rollup.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { recordVisits } from './record-visits.ts';

const MAX_BATCH = 2000;

interface Waiting {
  visit: CountedVisit;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class VisitBatcher {
  #waiting: Waiting[] = [];
  #writing = false;

  readonly #db: AppDatabase;

  constructor(db: AppDatabase) {
    this.#db = db;
  }

  /** Resolves once the visit is committed; rejects if its batch could not be written. */
  record(visit: CountedVisit): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ visit, resolve, reject });
      if (!this.#writing) {
        this.#writing = true;
        setImmediate(() => void this.#drain());
      }
    });
  }

  async #drain(): Promise<void> {
    while (this.#waiting.length > 0) {
      const batch = this.#waiting.splice(0, MAX_BATCH);
      try {
        await recordVisits(
          this.#db,
          batch.map((w) => w.visit),
        );
        for (const w of batch) w.resolve();
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    this.#writing = false;
  }
}
