/**
 * The content script (declared in lib/manifest.ts, not by WXT's content-script wrapper): it runs on
 * every amoCRM page load, where DESIGN §9 allows it 5 ms, so it carries neither the polyfill nor
 * WXT's context — lib/content/runtime.ts says how it talks to the extension instead — and it
 * touches the runtime only once the page is idle after `load` (lib/content/main.ts).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startContent } from '@/lib/content/main';
import { contentRuntime } from '@/lib/content/runtime';

export default defineUnlistedScript(() => {
  startContent(() => contentRuntime());
});
