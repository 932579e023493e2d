/**
 * The extension runtime as the content script sees it. The content script runs on every amoCRM
 * page load, so it does without webextension-polyfill and WXT's content-script context (together
 * most of its start-up cost, DESIGN §9): Firefox's `browser` and Chrome's MV3 `chrome` both return
 * promises from `sendMessage`, and answers go back through `sendResponse`, which both support.
 */

export type Respond = (reply: unknown) => void;
/** Returns true when it will answer later through `respond` (the channel stays open). */
export type ContentListener = (message: unknown, sender: { id?: string }, respond: Respond) => boolean | undefined;

export interface ContentRuntime {
  /** Undefined once the extension is reloaded or removed: this copy of the script is orphaned. */
  readonly id: string | undefined;
  sendMessage(message: unknown): Promise<unknown>;
  getURL(path: string): string;
  onMessage: { addListener(listener: ContentListener): void; removeListener(listener: ContentListener): void };
}

interface Namespaces {
  browser?: { runtime?: ContentRuntime };
  chrome?: { runtime?: ContentRuntime };
}

/** The page's extension runtime, or undefined outside an extension (or after an uninstall). */
export function contentRuntime(scope: Namespaces = globalThis): ContentRuntime | undefined {
  return scope.browser?.runtime ?? scope.chrome?.runtime;
}
