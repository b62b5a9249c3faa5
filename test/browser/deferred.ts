// Draws every part of a loaded page that waits to come near the screen (docs/components/deferred.ts), the way print
// does (print media), so a test reads and checks the whole page; returns how many parts were waiting.
import type {Page} from "puppeteer-core";

/** Emulates print media until no part waits, then goes back to the screen and lets the page redraw. */
export async function drawDeferred(page: Page): Promise<number> {
  const waiting = await page.$$eval("[data-deferred=waiting]", (boxes) => boxes.length);
  if (!waiting) return 0;
  await page.emulateMediaType("print");
  await page.waitForFunction(() => !document.querySelector("[data-deferred]:not([data-deferred=drawn])"), {timeout: 30_000});
  await page.emulateMediaType();
  // Print media may change the page's width: its cells redraw (the parts drawn once, at once) before it settles.
  await page.evaluate(`new Promise((done) => {
    let timer;
    const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(finish, 300); });
    const finish = () => { observer.disconnect(); clearTimeout(cap); done(); };
    const cap = setTimeout(finish, 10000);
    observer.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
    timer = setTimeout(finish, 300);
  })`);
  return waiting;
}
