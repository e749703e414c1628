// features/direct.feature, scenario by scenario, as a plain Playwright Test: the same clicks, waits and assertions
// as the Java steps and page objects, and a screenshot at the same steps (attached to the report, as ours are).
const { test, expect } = require('@playwright/test');
const fs = require('fs');
const path = require('path');
const { INSTAGRAM } = require('./ports');

const instagram = `http://127.0.0.1:${INSTAGRAM}`;
const personas = Object.fromEntries(JSON.parse(fs.readFileSync(
  path.join(__dirname, '..', '..', 'fixtures', 'personas', 'instagram.json'), 'utf8')).personas.map(p => [p.handle, p]));
const displayName = { Business: 'Business', Media_Creator: 'Creator', Personal: 'Personal' };

// Background: Given I am signed in to the dashboard as a new user (the sign-in form's POST, as SignInPage.signInQuickly)
test.beforeEach(async ({ page }) => {
  const signInPage = await (await page.request.get('/signin')).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(signInPage)[1];
  const response = await page.request.post('/signin', { form: { csrf, name: `QA ${Date.now()}` }, maxRedirects: 0 });
  expect(response.status()).toBe(303);
});

const shot = async (page, name) => test.info().attach(name, { body: await page.screenshot(), contentType: 'image/png' });
const heading = page => page.getByRole('heading', { name: 'Social Accounts', level: 1 });
const card = page => page.getByRole('region', { name: 'Instagram' });
const notice = page => page.getByRole('alert').or(page.getByRole('status'));
const escape = s => s.replace(/[.?*+^$()[\]{}|\\/]/g, '\\$&');

async function clickInstagramIcon(page) {
  if (!/^https?:\/\/[^/]+\/social-accounts(#.*)?$/.test(page.url())) {
    await page.goto('/social-accounts');
  }
  await expect(heading(page)).toBeVisible();
  await expect(heading(page)).toBeVisible();
  await card(page).getByRole('button', { name: 'Instagram', exact: true }).click();
  await expectInstagramLogin(page);
  await shot(page, 'Click To Link Instagram');
}

async function expectInstagramLogin(page) {
  await expect(page).toHaveURL(new RegExp(`^${escape(instagram)}/oauth/authorize\\?`));
  await expect(page.getByRole('heading', { name: 'Instagram' })).toBeVisible();
}

async function logIn(page, me) {
  await expectInstagramLogin(page);
  await page.getByLabel('Phone number, username, or email').fill(me.handle);
  await page.getByLabel('Password').fill(me.password);
  await shot(page, 'Instagram Login');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: /^Allow .* to access your account\?$/ })).toBeVisible();
  await expect(page.getByText(`Logged in as ${me.handle}`)).toBeVisible();
}

async function toggleOnAllAndClickAllow(page) {
  const switches = page.getByRole('switch');
  await expect(switches.first()).toBeVisible();
  const n = await switches.count();
  for (let i = 0; i < n; i++) {
    const s = switches.nth(i);
    if (await s.isEnabled()) {
      await s.check();
    }
    await expect(s).toBeChecked();
  }
  await shot(page, 'Instagram Permissions');
  await page.getByRole('button', { name: 'Allow' }).click();
}

async function allow(page) {
  await toggleOnAllAndClickAllow(page);
  await expect(heading(page)).toBeVisible();
}

async function expectLinked(page, me) {
  const type = displayName[me.account_type];
  await expect(heading(page)).toBeVisible();
  await expect(card(page)).toContainText(`Linked: @${me.handle}`);
  await expect(card(page)).toContainText(`${type} account`);
  await expect(card(page).getByRole('button', { name: 'Unlink' })).toBeVisible();
  await expect(notice(page)).toContainText(`@${me.handle} is now linked`);
  await shot(page, 'Confirmation');
}

async function expectNotLinked(page) {
  await expect(heading(page)).toBeVisible();
  await expect(card(page)).toContainText('Not linked');
  await expect(card(page).getByRole('button', { name: 'Instagram', exact: true })).toBeVisible();
}

async function unlink(page, me) {
  await card(page).getByRole('button', { name: 'Unlink' }).click();
  await expect(notice(page)).toContainText(`@${me.handle} is no longer linked`);
}

async function link(page, me) {
  await clickInstagramIcon(page);
  await logIn(page, me);
  await allow(page);
}

test('A Business account links directly', async ({ page }) => {
  const me = personas['brightside.bakery'];
  await link(page, me);
  await expectLinked(page, me);
});

test('A Creator account links directly', async ({ page }) => {
  const me = personas['mila.creates'];
  await link(page, me);
  await expectLinked(page, me);
});

test('A Personal account is refused, with the way to switch to a professional account', async ({ page }) => {
  const me = personas['jo.personal'];
  await link(page, me);
  await expect(notice(page)).toContainText("Your Instagram account isn't a Business or Creator account");
  await expect(notice(page)).toContainText(`@${me.handle} is a ${displayName[me.account_type]} account`);
  await expect(notice(page)).toContainText('Settings and activity');
  await expect(notice(page)).toContainText('For professionals');
  await expect(notice(page)).toContainText('Switch to professional account');
  await shot(page, 'Switching from a Personal to Business or Creator Account');
  await expectNotLinked(page);
});

test("Cancelling on Instagram's permissions links nothing", async ({ page }) => {
  const me = personas['brightside.bakery'];
  await clickInstagramIcon(page);
  await logIn(page, me);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(heading(page)).toBeVisible();
  await expect(notice(page)).toContainText('You cancelled on Instagram, so nothing was linked');
  await expectNotLinked(page);
});

test("A wrong password keeps me on Instagram's login", async ({ page }) => {
  const me = personas['brightside.bakery'];
  await clickInstagramIcon(page);
  await expectInstagramLogin(page);
  await page.getByLabel('Phone number, username, or email').fill(me.handle);
  await page.getByLabel('Password').fill('not-my-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Sorry, your password was incorrect.');
});

test('Unlink, then link again', async ({ page }) => {
  const me = personas['mila.creates'];
  await link(page, me);
  await expectLinked(page, me);
  await unlink(page, me);
  await expectNotLinked(page);
  await link(page, me);
  await expectLinked(page, me);
});

test('An answer that does not carry the dashboard\'s state is refused', async ({ page }) => {
  const me = personas['brightside.bakery'];
  await clickInstagramIcon(page);
  await logIn(page, me);
  let location;
  await page.route('**/oauth/authorize/consent', async route => {
    const response = await route.fetch({ maxRedirects: 0 });
    location = response.headers()['location'];
    await route.fulfill({ status: 200, contentType: 'text/html', body: '<p>Redirect held back by the test</p>' });
  });
  await toggleOnAllAndClickAllow(page);
  await expect(page.getByText('Redirect held back by the test')).toBeVisible();
  await page.unrouteAll();
  expect(location).toContain('code=');
  await page.goto(location.replace(/state=[^&#]+/, 'state=forged-by-someone-else'));
  await expect(notice(page)).toContainText('did not match a linking request from this browser');
  await expectNotLinked(page);
});

test('An authorization code works only once', async ({ page }) => {
  const me = personas['brightside.bakery'];
  const callbacks = [];
  page.context().on('request', r => { if (r.url().includes('/auth/instagram/callback')) callbacks.push(r.url()); });
  await link(page, me);
  await expectLinked(page, me);
  await unlink(page, me);
  await clickInstagramIcon(page);
  const earlier = callbacks.find(u => u.includes('code='));
  const currentState = new URL(page.url()).searchParams.get('state');
  await page.goto(earlier.replace(/state=[^&#]+/, `state=${encodeURIComponent(currentState)}`));
  await expect(notice(page)).toContainText('Instagram answered: Matching code was not found or was already used');
  await expectNotLinked(page);
});
