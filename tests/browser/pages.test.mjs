// Every page, in its states, in real Chromium: zero axe-core violations of the
// WCAG 2.2 A/AA rules, no horizontal scrolling at 320 px, and no script needed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { axe, launch, screenshots } from './browser.mjs';
import { startDemo } from './server.mjs';

// name, path, what the page must say
const PAGES = [
  ['home', '/', 'Northvale Ambulance Service NHS Trust (demo)'],
  ['dashboard', '/organisations/1', 'inputs were fed back'],
  ['dashboard-no-data', '/organisations/1?from-day=1&from-month=1&from-year=2001&to-day=31&to-month=12&to-year=2001', 'No data'],
  ['dashboard-errors', '/organisations/1?from-day=31&from-month=13&from-year=2026&to-day=&to-month=4&to-year=2026', 'There is a problem'],
  ['dashboard-empty', '/organisations/2', 'There are no projects yet'],
  ['charters', '/charters', 'Built-in templates'],
  ['charter-las', '/charters/1', 'Signatories'],
  ['charter-ladder', '/charters/5', 'Rung: Co-production'],
  ['not-found', '/organisations/999', 'Page not found'],
];

let server;
let browser;

before(async () => {
  server = await startDemo();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

for (const [name, path, says] of PAGES) {
  describe(`${name} (${path})`, () => {
    test('has no WCAG 2.2 A/AA violations', async () => {
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1024, height: 900 } });
      const page = await context.newPage();
      await page.goto(server.base + path);
      assert.ok((await page.textContent('body')).includes(says), `the page says "${says}"`);
      await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
      const violations = await axe(page);
      await context.close();
      assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
    });

    test('fits a 320 px wide screen without JavaScript', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
      const page = await context.newPage();
      await page.goto(server.base + path);
      await page.screenshot({ path: join(screenshots, `${name}-320.png`), fullPage: true });
      const html = await page.content();
      assert.ok(!html.includes('<script'), 'the page needs no script');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      await context.close();
      assert.ok(width <= 320, `the page is ${width} px wide at 320 px`);
    });
  });
}

test('keyboard only: skip to content, then open an organisation', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.base + '/');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Skip to main content');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => location.hash), '#maincontent');
  // Tab on until the first organisation link has focus, then follow it.
  for (let i = 0; i < 20; i += 1) {
    await page.keyboard.press('Tab');
    const href = await page.evaluate(() => document.activeElement.getAttribute('href'));
    if (href === '/organisations/1') break;
  }
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), '/organisations/1');
  await Promise.all([page.waitForURL('**/organisations/1'), page.keyboard.press('Enter')]);
  assert.ok((await page.textContent('h1')).includes('Northvale Ambulance Service'));
  // The period form can be filled and sent from the keyboard alone.
  await page.focus('#from-day');
  for (const value of ['1', '1', '2001', '31', '12', '2001']) {
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(value);
    await page.keyboard.press('Tab');
  }
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Show this period');
  await Promise.all([page.waitForURL('**/organisations/1?*'), page.keyboard.press('Enter')]);
  assert.ok((await page.textContent('main')).includes('No data'));
  await context.close();
});
