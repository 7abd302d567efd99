// The summary a person keeps, as a document to download: one HTML file made on the server, with
// its language, a title and headings (so a screen reader reads it well), the date, and the
// council's contact details; plain styles that print on one or two pages. Nothing is fetched
// from anywhere: it opens offline, years later.
import type { Translate } from '../../config/languages.ts';
import type { SharedSummary } from './summary.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export interface DocumentDetails {
  /** The day it was made, in the person's language. */
  madeOn: string;
  council: { name: string; team: string; phone: string; email: string; address: string };
  t: Translate;
}

const STYLE = `body{font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.4;color:#0b0c0c;max-width:40em;margin:1em auto;padding:0 1em}
h1{font-size:1.8em}h2{font-size:1.4em;margin-top:1.5em;border-top:1px solid #b1b4b6;padding-top:.5em}h3{font-size:1.1em}
dt{font-weight:bold;margin-top:.5em}dd{margin:0 0 .5em}.reference{font-size:1.3em;letter-spacing:.05em}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}}`;

export function summaryDocument(summary: SharedSummary, details: DocumentDetails): string {
  const { t, council } = details;
  const dir = summary.locale === 'ur' ? 'rtl' : 'ltr';
  const parts: string[] = [];
  const title = t('summary.title');
  parts.push(`<h1>${escape(title)}</h1>`, `<p>${escape(t('summary.madeOn', { date: details.madeOn, council: council.name }))}</p>`);
  if (summary.handoff) {
    parts.push(
      `<h2>${escape(t('share.handoffTitle'))}</h2><dl>`,
      `<dt>${escape(t('share.reference'))}</dt><dd class="reference">${escape(summary.handoff.reference)}</dd>`,
      `<dt>${escape(t('share.sentTo'))}</dt><dd>${escape(summary.handoff.service)}</dd></dl>`,
    );
  }
  if (summary.plan) {
    parts.push(
      `<h2>${escape(t('share.planTitle'))}</h2>`,
      `<p><strong>${escape(summary.plan.need)}</strong>: ${escape(summary.plan.needExplanation)}</p>`,
    );
    for (const step of summary.plan.steps)
      parts.push(`<h3>${escape(step.title)}</h3><ul>${step.actions.map((a) => `<li>${escape(a)}</li>`).join('')}</ul>`);
  }
  if (summary.answers) {
    parts.push(`<h2>${escape(t('share.answersTitle'))}</h2><dl>`);
    for (const row of summary.answers) parts.push(`<dt>${escape(row.question)}</dt><dd>${row.answers.map(escape).join('<br>')}</dd>`);
    parts.push('</dl>');
  }
  parts.push(
    `<h2>${escape(t('summary.contactTitle'))}</h2>`,
    `<p>${escape(council.team)}<br>${escape(council.phone)}<br>${escape(council.email)}<br>${escape(council.address)}</p>`,
  );
  return `<!doctype html>
<html lang="${summary.locale}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(`${title}: ${council.name}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${parts.join('\n')}
</main>
</body>
</html>
`;
}
