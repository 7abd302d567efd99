// Prints one closing line for the whole suite, "N passed, N failed", from the JSON reports of
// Vitest and Playwright. Exits non-zero if either report is missing or counted no tests.
import { readFileSync } from 'node:fs';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function vitestCounts(file: string): Counts {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

function playwrightCounts(file: string): Counts {
  const { stats } = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
}

const [vitestFile, playwrightFile] = process.argv.slice(2);
if (!vitestFile || !playwrightFile) throw new Error('usage: test-summary.ts <vitest.json> <playwright.json>');
const parts = [vitestCounts(vitestFile), playwrightCounts(playwrightFile)];
const total = parts.reduce((a, b) => ({ passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped }));
console.log(`Vitest: ${parts[0]!.passed} passed; Playwright: ${parts[1]!.passed} passed`);
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
if (total.failed > 0 || parts.some((p) => p.passed === 0) || total.skipped > 0) process.exitCode = 1;
