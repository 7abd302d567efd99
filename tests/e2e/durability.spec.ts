// A hand-off the service has acknowledged is never lost, even when the server is killed (SIGKILL,
// as a power cut) in the middle of a burst of hand-offs. Each round: people get ready to send,
// all press "send" at once, the server is killed a random few milliseconds after the first is
// acknowledged and started again on the same database; then every acknowledged hand-off (a 303
// to the "sent" page) must be there, and SQLite's integrity check must pass.
// `npm test` runs one round (DURABILITY_ROUNDS); `npm run test:durability` runs ten. (Project "instances": a server of its own.)
import SQLite from 'better-sqlite3';
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { readyToConsent } from './http-journey.ts';
import { readableRow } from './sealed-rows.ts';
import { startOwnServer, type OwnServer } from './own-server.ts';

const ROUNDS = Number(process.env.DURABILITY_ROUNDS ?? 1);
const PEOPLE = Number(process.env.DURABILITY_PEOPLE ?? 16);
const PORT = Number(process.env.E2E_DURABILITY_PORT ?? 4356);

test('no acknowledged hand-off is lost when the server is killed mid-write', async () => {
  test.setTimeout(Math.max(180_000, ROUNDS * 90_000));
  let server: OwnServer = await startOwnServer('durability', PORT);
  const folder = server.folder;
  let acknowledged = 0;
  let lost: string[] = [];
  try {
    for (let round = 1; round <= ROUNDS; round += 1) {
      const base = server.base;
      const people: Array<{ name: string; client: APIRequestContext }> = [];
      for (let i = 0; i < PEOPLE; i += 1) {
        const client = await request.newContext({ baseURL: base });
        const name = `Durable ${round}-${i}`;
        await readyToConsent(client, base, name);
        people.push({ name, client });
      }
      // Everyone sends at once; the server dies a few milliseconds after the first is acknowledged
      // (not at a fixed time: on a busy machine a fixed time can fall before any answer, and the
      // round would prove nothing), while the rest are still being written.
      let firstAcknowledged: () => void = () => {};
      const first = new Promise<void>((resolve) => (firstAcknowledged = resolve));
      const sends = people.map(async ({ name, client }) => {
        try {
          const response = await client.post('/self-assessment/contact/consent', {
            form: { consent: 'yes' },
            headers: { Origin: base },
            maxRedirects: 0,
            timeout: 10_000,
          });
          const acknowledged = response.status() === 303 && response.headers()['location'] === '/self-assessment/contact/sent';
          if (acknowledged) firstAcknowledged();
          return acknowledged ? name : null;
        } catch {
          return null; // the connection died with the server: not acknowledged
        }
      });
      await Promise.race([first, new Promise((r) => setTimeout(r, 5_000))]);
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 20)));
      await server.crash();
      const done = (await Promise.all(sends)).filter((name): name is string => name !== null);
      for (const { client } of people) await client.dispose();
      acknowledged += done.length;

      server = await startOwnServer('durability', PORT, {}, { folder });
      const db = new SQLite(server.databaseFile, { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        // Names are encrypted at rest: open each to compare.
        const rows = db.prepare('select id, data_key_id, contact_name from handoff').all() as Array<Record<string, unknown>>;
        const stored = new Set(rows.map((row) => String(readableRow('handoff', row).contact_name)));
        lost = lost.concat(done.filter((name) => !stored.has(name)));
      } finally {
        db.close();
      }
    }
  } finally {
    await server.stop();
  }
  console.log(`durability: ${ROUNDS} rounds of ${PEOPLE} people, ${acknowledged} hand-offs acknowledged, ${lost.length} lost`);
  expect(acknowledged, 'some hand-offs were acknowledged before the kill, so the check means something').toBeGreaterThan(0);
  expect(lost).toEqual([]);
});
