// The HTML check every browser test runs (tests/e2e/fixtures.ts) can fail: it finds real faults.
import { expect, problemsIn, test } from './fixtures.ts';

test('the HTML check finds invalid markup, and passes the home page', async ({ page }) => {
  expect(
    await problemsIn(
      '<!doctype html><html lang="en"><head><title>x</title></head><body><p><div>x</div></p><a id="a"></a><a id="a"></a></body></html>',
    ),
  ).toEqual(expect.arrayContaining([expect.stringContaining('close-order'), expect.stringContaining('no-dup-id')]));
  const response = await page.goto('/');
  expect(await problemsIn(await response!.text())).toEqual([]);
});
