// Writes a benchmark's figures into docs/benchmarks.md between its markers (`<!-- name:start -->`
// and `<!-- name:end -->`), under a heading with the date, the command and the machine, replacing
// what the last run wrote there; shared by bench-scale.ts and bench-analytics.ts. The file is then
// formatted by Prettier, so `npm run format:check` still passes after a benchmark run.
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { format, resolveConfig } from 'prettier';

export interface ReportSection {
  /** The marker's name, such as "bench-scale". */
  name: string;
  heading: string;
  command: string;
  /** Said after the machine, such as how the database was run. */
  note: string;
  lines: string[];
  now: Date;
}

export async function writeReportSection(
  { name, heading, command, note, lines, now }: ReportSection,
  file = 'docs/benchmarks.md',
): Promise<void> {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const header = [
    start,
    `## ${heading} (${now.toISOString().slice(0, 10)})`,
    '',
    `Command: \`${command}\` (written here by the script). Machine: ${os.cpus().length} cores (${cpu.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}. ${note}`,
    '',
  ];
  const section = [...header, ...lines, end].join('\n');
  const text = readFileSync(file, 'utf8');
  const next = text.includes(start) ? text.replace(new RegExp(`${start}[\\s\\S]*${end}`), section) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, await format(next, { ...(await resolveConfig(file)), filepath: file }));
  console.log(`\nWritten to ${file}.`);
}
