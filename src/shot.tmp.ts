import {launchBrowser, lockedPage} from "./cli/browser.js";
import {serveSite} from "./cli/serve.js";
const s = await serveSite("dist");
const chromium = await launchBrowser();
try {
  for (const page of process.argv.slice(2)) {
    const p = await lockedPage(chromium.browser, s.origin);
    await p.page.setViewport({width: 1300, height: 1000});
    await p.page.goto(`${s.origin}/${page}`, {waitUntil: "networkidle0"});
    await new Promise((r) => setTimeout(r, 1500));
    await p.page.screenshot({path: `/tmp/shot-${page.replace(/[/?=&]/g, "_")}.png`, fullPage: true});
    console.log(page, JSON.stringify(p.log));
    await p.dispose();
  }
} finally {
  await chromium.close();
  await s.close();
}
