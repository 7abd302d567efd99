// PostgreSQL (15 or later), for several app instances on one database: the `pg` driver's pool.
// Values read the same as on SQLite: times are ISO-8601 text, booleans 0/1 integers and JSON
// text, because the columns are text and integer on both; 64-bit counts come back as numbers.
import { describeFailure, log } from '../../log.ts';
import { PostgresDialect } from 'kysely';
import pg from 'pg';

// count(*) is a bigint; counts here fit a JavaScript number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

export function postgresDialect(url: string, poolSize: number): PostgresDialect {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server closes (a restart, a failover) is dropped and replaced, not a crash.
  pool.on('error', (error) => log.error({ failure: describeFailure(error) }, 'PostgreSQL connection lost'));
  return new PostgresDialect({ pool });
}
