// Draws every part of a loaded page that waits to come near the screen (docs/components/deferred.ts) the way the
// page does before printing (its `beforeprint` handler draws every part at once), at the screen's width, so a test
// reads and checks the whole page; returns how many parts were waiting. The events, not print media: print media
// changes the page's width, so every chart would be drawn for print and then again for the screen.
import type {Page} from "puppeteer-core";

/** Sends the page `beforeprint`, waits until no part waits, then sends `afterprint` and lets the page settle. */
export async function drawDeferred(page: Page): Promise<number> {
  const waiting = await page.$$eval("[data-deferred=waiting]", (boxes) => boxes.length);
  if (!waiting) return 0;
  await page.evaluate(`window.dispatchEvent(new Event("beforeprint"))`);
  await page.waitForFunction(() => !document.querySelector("[data-deferred]:not([data-deferred=drawn])"), {timeout: 30_000});
  await page.evaluate(`window.dispatchEvent(new Event("afterprint"))`);
  // Parts that load modules finish drawing after their box is marked: wait until the DOM is quiet.
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
