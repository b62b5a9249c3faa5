/**
 * One browser at a time, shared by concurrent documents and replaced after a number of documents (Chromium leaks
 * over long runs) or when it crashed or hung. A replaced browser is closed once its last document is done; closing
 * is bounded (launchBrowser kills it after a timeout).
 */
import type {Browser} from "puppeteer-core";
import {BrowserNotFound, type LockedBrowser} from "../browser.js";

interface Slot {
  browser: Promise<LockedBrowser>;
  uses: number;
  active: number;
  retired: boolean;
  closing?: Promise<void>;
}

/** An error the browser is to blame for (it crashed, went away or hung); `cause` is the original error. */
export class BrowserFailure extends Error {
  override name = "BrowserFailure";
  constructor(override readonly cause: unknown) {
    super(String((cause as Error)?.message ?? cause));
  }
}

export class BrowserPool {
  private slot: Slot | undefined;
  private readonly closing = new Set<Promise<void>>();
  /** How many browsers were launched. */
  launches = 0;

  /**
   * `launch` starts a browser; each serves at most `maxUses` documents (≥ 1).
   *
   * @example const pool = new BrowserPool(launchBrowser, 20); await pool.use((browser) => renderDocument(browser, request));
   */
  constructor(
    private readonly launch: () => Promise<LockedBrowser>,
    private readonly maxUses = 20
  ) {
    if (!(Number.isInteger(maxUses) && maxUses >= 1)) throw new Error(`invalid maxUses: ${maxUses}`);
  }

  /**
   * Returns what `job` returns, run with the current browser (launched if needed). When the browser fails to
   * launch, or `job` throws and the browser is to blame (it disconnected, or `isBroken(error)` says so: a crash, a
   * hang), that browser is retired and the error rethrown as a {@link BrowserFailure}.
   */
  async use<T>(job: (browser: Browser) => Promise<T>, isBroken: (error: unknown) => boolean = () => false): Promise<T> {
    const slot = this.acquire();
    let browser: Browser | undefined;
    try {
      try {
        browser = (await slot.browser).browser;
      } catch (error) {
        // It would not start (or died starting): the next document launches another.
        this.retire(slot);
        throw new BrowserFailure(error);
      }
      return await job(browser);
    } catch (error) {
      if (error instanceof BrowserFailure) throw error;
      if (browser && (!browser.connected || isBroken(error))) {
        this.retire(slot);
        throw new BrowserFailure(error);
      }
      throw error;
    } finally {
      --slot.active;
      if (slot.retired && slot.active === 0) this.shut(slot);
    }
  }

  /**
   * Launches the first browser now, so that a missing browser fails before any work starts. A browser that fails
   * starting (it crashed, or hung past its start timeout) is a browser failure like one mid-document: `note` hears
   * why, and one more is launched; if that one fails too, or no browser exists ({@link BrowserNotFound}), this throws.
   */
  async warmUp(note: (line: string) => void = () => {}): Promise<void> {
    const slot = this.acquireSlot();
    try {
      await slot.browser;
    } catch (error) {
      this.retire(slot);
      if (error instanceof BrowserNotFound) throw error;
      note(
        `pdf: the browser failed starting (${String((error as Error)?.message ?? error).split("\n")[0]}); retrying once with a new browser`
      );
      await this.acquireSlot().browser;
    }
  }

  /** Closes every browser; resolves when all are closed (or killed). */
  async close(): Promise<void> {
    if (this.slot) this.retire(this.slot);
    await Promise.all(this.closing);
  }

  private acquireSlot(): Slot {
    if (!this.slot || this.slot.retired) {
      const browser = this.launch();
      browser.catch(() => {});
      this.slot = {browser, uses: 0, active: 0, retired: false};
      ++this.launches;
    }
    return this.slot;
  }

  private acquire(): Slot {
    const slot = this.acquireSlot();
    ++slot.uses;
    ++slot.active;
    if (slot.uses >= this.maxUses) this.retire(slot);
    return slot;
  }

  private retire(slot: Slot): void {
    slot.retired = true;
    if (this.slot === slot) this.slot = undefined;
    if (slot.active === 0) this.shut(slot);
  }

  private shut(slot: Slot): void {
    if (slot.closing) return;
    slot.closing = slot.browser.then(
      (b) => b.close(),
      () => {}
    );
    this.closing.add(slot.closing);
  }
}
