// The part of jsdom's API the project uses (jsdom ships no types and @types/jsdom is not installed): the prerender's
// document (src/cli/prerenderWorker.ts) and the tests that parse built HTML.
declare module "jsdom" {
  export class VirtualConsole {}
  export interface JSDOMOptions {
    url?: string;
    virtualConsole?: VirtualConsole;
  }
  export class JSDOM {
    constructor(html?: string, options?: JSDOMOptions);
    readonly window: Window & typeof globalThis;
    reconfigure(settings: {url?: string}): void;
  }
}
