/**
 * The page checks themselves, on known pages: a check that never fails proves nothing. axe-core must
 * find a known violation with JavaScript on and off, and the target-size rule must flag a small button,
 * measure a hidden radio by its label, and exempt a link in a sentence.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { axeViolations, launchChromium, markNoJs, MOBILE, smallTargets } from './harness.ts';

const PAGE = `<!doctype html><html lang="en"><head><title>Test page</title>
<style>
  body { font: 16px/1.5 sans-serif; margin: 16px; }
  .big { display: block; min-width: 48px; min-height: 48px; }
  .hidden-input { position: absolute; opacity: 0; width: 1px; height: 1px; }
  .card { display: block; padding: 16px; min-height: 48px; box-sizing: border-box; }
  .tiny { width: 30px; height: 30px; padding: 0; }
</style></head>
<body><main>
  <h1>Checks</h1>
  <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
  <p>Read <a href="/more">more about this</a> if you like.</p>
  <p><a href="/alone">A link alone</a></p>
  <button class="big">Big enough</button>
  <button class="tiny">x</button>
  <fieldset><legend>Pick one</legend>
    <input class="hidden-input" type="radio" id="r1" name="r"><label class="card" for="r1">A whole card</label>
    <input class="hidden-input" type="radio" id="r2" name="r"><label for="r2">Small label</label>
  </fieldset>
</main></body></html>`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function contextServing(javaScriptEnabled: boolean): Promise<BrowserContext> {
  const ctx = await browser.newContext({ ...MOBILE, javaScriptEnabled });
  if (!javaScriptEnabled) markNoJs(ctx);
  await ctx.route('http://harness.test/**', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: PAGE }));
  return ctx;
}

test.each([true, false])('axe-core finds an image without a text alternative (JavaScript %s)', async (javaScriptEnabled) => {
  const ctx = await contextServing(javaScriptEnabled);
  const page = await ctx.newPage();
  await page.goto('http://harness.test/');
  const ids = (await axeViolations(page)).map((v) => v.id);
  expect(ids).toContain('image-alt');
  await ctx.close();
});

test('the target-size rule flags small controls, measures radios by their labels and exempts links in a sentence', async () => {
  const ctx = await contextServing(false);
  const page = await ctx.newPage();
  await page.goto('http://harness.test/');
  const flagged = (await smallTargets(page)).map((s) => s.element);
  expect(flagged).toEqual(expect.arrayContaining([expect.stringContaining('"A link alone"'), expect.stringContaining('"x"'), expect.stringContaining('Small label')]));
  expect(flagged.join('\n')).not.toContain('more about this');
  expect(flagged.join('\n')).not.toContain('Big enough');
  expect(flagged.join('\n')).not.toContain('A whole card');
  await ctx.close();
});
