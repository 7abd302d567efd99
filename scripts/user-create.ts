// `npm run user:create -- --email a@council.gov.uk --name "A Person" --role adviser --team housing-options`
// Creates a staff account and prints a one-time link for its owner to set a password (the
// password never passes through the command line). Only the server's operator sees the link.
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { council } from '../src/config/council.ts';
import { readSettings } from '../src/config/settings.ts';
import { ROLES } from '../src/domain/staff/permissions.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { openDatabase } from '../src/server/db/open-database.ts';
import { AccountExists, createAccount, resetLink } from '../src/server/staff/accounts.ts';

const usage = `Usage: npm run user:create -- --email <address> --name "<name>" --role <${ROLES.join('|')}> --team <${council.teams.map((t) => t.id).join('|')}>`;

let values: Record<string, string | undefined>;
try {
  ({ values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, team: { type: 'string' } },
    strict: true,
  }));
} catch (error) {
  console.error(`${error instanceof Error ? error.message : error}\n${usage}`);
  process.exit(2);
}

const config = readSettings();
const db = openDatabase(config.database);
try {
  await migrateToLatest(db);
  const { account, resetToken } = await createAccount(
    db,
    'command-line',
    { email: values.email ?? '', displayName: values.name ?? '', role: (values.role ?? '') as never, teamId: values.team ?? '' },
    new Date(),
    config.dataKeys,
    { linkTo: 'command-line' },
  );
  console.log(`Created ${account.role} account for ${account.displayName} <${account.email}> in ${account.teamId}.`);
  console.log(`Give them this link to set their password (it works once, for 24 hours):\n${resetLink(config.siteUrl, resetToken!)}`);
} catch (error) {
  if (error instanceof ZodError) {
    console.error(
      `${error.issues.map((i) => `--${i.path[0] === 'displayName' ? 'name' : i.path[0] === 'teamId' ? 'team' : String(i.path[0])}: ${i.message}`).join('\n')}\n${usage}`,
    );
  } else if (error instanceof AccountExists) {
    console.error(error.message);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exitCode = 1;
} finally {
  await db.destroy();
}
