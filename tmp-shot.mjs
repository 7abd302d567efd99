import { chromium } from '@playwright/test';
const [,, path, out, width='390', height='844', who='manager@harrowmere.example', pw='demo-manager-2026', js='on'] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const context = await browser.newContext({ viewport: { width: Number(width), height: Number(height) }, javaScriptEnabled: js === 'on' });
const page = await context.newPage();
if (who !== 'none') {
  await page.goto('http://127.0.0.1:4400/staff/sign-in');
  await page.getByLabel('Email address').fill(who);
  await page.getByLabel('Password').fill(pw);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
await page.goto('http://127.0.0.1:4400' + path);
await page.screenshot({ path: out, fullPage: process.env.FULL === '1' });
await browser.close();
