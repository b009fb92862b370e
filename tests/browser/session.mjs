// Signing in through the real sign-in form, as a person would.
import assert from 'node:assert/strict';

export async function signIn(page, base, { email, password }) {
  await page.goto(`${base}/sign-in`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Sign in")')]);
  assert.ok(!page.url().includes('/sign-in'), `signed in as ${email}`);
}
