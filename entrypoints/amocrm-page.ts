/**
 * The MAIN-world content script (declared in lib/manifest.ts): reads the web app's language and
 * widget list and hands them to the isolated content script, one way (lib/content/page-world.ts).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPageReport } from '@/lib/content/page-world';

export default defineUnlistedScript(() => {
  startPageReport(window);
});
