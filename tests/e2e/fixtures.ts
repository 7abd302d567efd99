// Playwright's `test`, with three more checks on every test: each HTML page the test's browser
// received from our server is valid HTML (html-validate, its "standard" preset: the WHATWG
// rules, not style preferences); nothing on any page was refused by the content security
// policy (src/server/http/security-headers.ts); and, with JavaScript off, no page shows a button
// that cannot do anything (one outside a form, or a "button" type that only a script would
// answer). Import `test` and `expect` from here, not from @playwright/test.
import { createHash } from 'node:crypto';
import { test as base, expect, type Browser, type BrowserContext, type Page, type Response } from '@playwright/test';
import { HtmlValidate } from 'html-validate';

export * from '@playwright/test';

const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
/** Results by page content, per worker: the same page is validated once. */
const results = new Map<string, Promise<string[]>>();

export function problemsIn(html: string): Promise<string[]> {
  const key = createHash('sha256').update(html).digest('hex');
  let found = results.get(key);
  if (!found) {
    found = validator
      .validateString(html)
      .then((report) => report.results.flatMap((r) => r.messages.map((m) => `line ${m.line}: ${m.message} (${m.ruleId})`)));
    results.set(key, found);
  }
  return found;
}

/**
 * The buttons a person can see on the page that do nothing without JavaScript: not in a form, or
 * of type "button" (which only a script answers). An empty list when the page has gone meanwhile.
 */
export function deadButtons(page: Page): Promise<string[]> {
  return page
    .evaluate(() =>
      [
        ...document.querySelectorAll<HTMLButtonElement | HTMLInputElement>(
          'button, input[type=submit], input[type=button], input[type=reset], input[type=image]',
        ),
      ]
        .filter((b) => b.getBoundingClientRect().width > 0 && b.checkVisibility({ visibilityProperty: true, opacityProperty: true }))
        .filter((b) => !b.form || b.type === 'button')
        .map(
          (b) =>
            `${location.pathname}: button "${(b.textContent || b.getAttribute('value') || b.getAttribute('aria-label') || '').trim().slice(0, 40)}" ${b.form ? 'needs JavaScript' : 'is in no form'}`,
        ),
    )
    .catch(() => []);
}

export const test = base.extend<{ validHtml: void }>({
  validHtml: [
    async ({ browser, context, baseURL, javaScriptEnabled }, use) => {
      const pages: Array<{ url: string; html: Promise<string> }> = [];
      const collect = (response: Response) => {
        const type = response.headers()['content-type'] ?? '';
        if (response.request().resourceType() !== 'document' || !response.url().startsWith(baseURL ?? '') || !type.includes('text/html'))
          return;
        if (response.status() >= 300 && response.status() < 400) return;
        pages.push({ url: response.url(), html: response.text().catch(() => '') });
      };
      const refused: string[] = [];
      const dead: Array<Promise<string[]>> = [];
      const watch = (watched: BrowserContext, scriptsOff: boolean) => {
        watched.on('response', collect);
        // With JavaScript off, every page shown is looked at once it has loaded.
        if (scriptsOff) watched.on('page', (opened) => opened.on('load', () => dead.push(deadButtons(opened))));
        // Chromium reports what the policy blocked (an inline script or style, another origin) on the console.
        watched.on('console', (message) => {
          if (/Content Security Policy/i.test(message.text())) refused.push(`${message.page()?.url() ?? ''}: ${message.text()}`);
        });
      };
      watch(context, javaScriptEnabled === false);
      // Tests that open their own contexts (two browsers racing, a partner and an adviser) are watched too.
      const newContext = browser.newContext.bind(browser);
      (browser as Browser).newContext = async (...args) => {
        const created = await newContext(...args);
        watch(created, args[0]?.javaScriptEnabled === false);
        return created;
      };
      await use();
      (browser as Browser).newContext = newContext;
      const problems: string[] = [];
      for (const page of pages) {
        const html = await page.html;
        if (html) problems.push(...(await problemsIn(html)).map((p) => `${new URL(page.url).pathname}: ${p}`));
      }
      expect([...new Set(problems)], 'every page this test visited is valid HTML').toEqual([]);
      expect([...new Set(refused)], 'nothing was refused by the content security policy').toEqual([]);
      expect([...new Set((await Promise.all(dead)).flat())], 'with JavaScript off, every button shown does something').toEqual([]);
    },
    { auto: true },
  ],
});
