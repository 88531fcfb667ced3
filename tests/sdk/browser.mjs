// A real browser (Debian's Chromium, driven by playwright-core) on the
// self-service pages of `otpctl serve`: sign up by code, read the code on the
// outbox page, type it, land logged in; then follow the verification
// message's link, which opens the page with the code filled in, and verify;
// log out from the welcome page; a forged CSRF token ends on the error page.
// Screenshots of each page go to SHOTS_DIR.
//
// Usage: node browser.mjs PUBLIC_URL ADMIN_URL SHOTS_DIR
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";

const [publicUrl, adminUrl, shots] = process.argv.slice(2);
assert.ok(publicUrl && adminUrl && shots, "usage: node browser.mjs PUBLIC_URL ADMIN_URL SHOTS_DIR");
mkdirSync(shots, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
const context = await browser.newContext({ viewport: { width: 900, height: 640 } });
const page = await context.newPage();
const shot = (name, target = page) => target.screenshot({ path: `${shots}/${name}.png` });
const email = `chromium-${Date.now()}@example.com`;

try {
  // Sign up: the browser endpoint sets the CSRF cookie and sends us to the page.
  await page.goto(`${publicUrl}/self-service/registration/browser?return_to=${publicUrl}/ui/welcome`);
  assert.match(page.url(), /\/ui\/registration\?flow=/);
  await page.fill('input[name="traits.email"]', email);
  await shot("1-registration");
  await page.click('button[name="method"]');
  await page.waitForSelector('input[name="code"]');
  assert.ok(await page.isVisible('[data-id="1040005"]'), "the 'code sent' message");
  await shot("2-registration-code");

  // The outbox page shows the code; it updates by itself.
  const outbox = await context.newPage();
  await outbox.goto(`${adminUrl}/outbox`);
  const row = outbox.locator("tr", { hasText: email }).first();
  await row.waitFor({ timeout: 10_000 });
  const code = (await row.locator("td.code span").innerText()).trim();
  assert.match(code, /^\d{6}$/);
  await shot("3-outbox", outbox);

  // Type it: logged in, on the return_to page.
  await page.fill('input[name="code"]', code);
  await page.click('button[name="method"]');
  await page.waitForURL(/\/ui\/welcome/);
  assert.ok(await page.isVisible("text=You are logged in."), await page.content());
  await shot("4-logged-in");

  // Verification by link: an address the admin API created (unverified; a
  // code registration proves its address, so it sends no verification).
  const other = `unverified-${email}`;
  const created = await fetch(`${adminUrl}/admin/identities`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ traits: { email: other } }),
  });
  assert.equal(created.status, 201);
  await page.goto(`${publicUrl}/self-service/verification/browser`);
  await page.fill('input[name="email"]', other);
  await page.click('button[name="method"]');
  await page.waitForSelector('input[name="code"]');
  const response = await fetch(`${adminUrl}/admin/courier/messages?recipient=${encodeURIComponent(other)}`);
  const messages = await response.json();
  const verification = messages.find((m) => m.template_type === "verification_code_valid");
  assert.ok(verification, `a verification message: ${JSON.stringify(messages.map((m) => m.template_type))}`);
  const link = /(https?:\/\/\S+\/self-service\/verification\?\S+)/.exec(verification.body)?.[1];
  assert.ok(link, verification.body);
  await page.goto(link);
  assert.match(page.url(), /\/ui\/verification\?flow=.*&code=\d{6}/);
  const filled = await page.inputValue('input[name="code"]');
  assert.match(filled, /^\d{6}$/);
  await shot("5-verification-link");
  await page.click('button[name="method"]');
  await page.waitForSelector('[data-id="1080002"]');
  await shot("6-verified");

  // Log out from the welcome page's link: back on it, logged out; the old
  // session cookie is gone.
  await page.goto(`${publicUrl}/ui/welcome`);
  await page.click("#logout");
  await page.waitForURL(/\/ui\/welcome$/);
  assert.ok(await page.isVisible("text=You are not logged in."), await page.content());
  const cookies = await context.cookies(publicUrl);
  assert.ok(!cookies.some((c) => c.name === "ory_kratos_session" && c.value), JSON.stringify(cookies));
  await shot("7-logged-out");

  // A form posted with a forged CSRF token ends on the error page, which
  // reads the stored error by id.
  await page.goto(`${publicUrl}/self-service/login/browser`);
  await page.fill('input[name="identifier"]', email);
  await page.evaluate(() => { document.querySelector('input[name="csrf_token"]').value = "forged"; });
  await page.click('button[name="method"]');
  await page.waitForURL(/\/ui\/error\?id=/);
  assert.ok(await page.isVisible('[data-id="security_csrf_violation"]'), await page.content());
  await shot("8-error");
  console.log(JSON.stringify({ ok: true, email }));
} finally {
  await browser.close();
}
