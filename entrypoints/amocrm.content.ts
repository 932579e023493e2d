import { defineContentScript } from 'wxt/utils/define-content-script';
import { AMOCRM_MATCHES } from '@/lib/manifest';
import { startContent } from '@/lib/content/main';

export default defineContentScript({
  matches: [...AMOCRM_MATCHES],
  excludeMatches: ['https://www.amocrm.ru/*', 'https://www.amocrm.com/*', 'https://www.kommo.com/*', 'https://developers.amocrm.ru/*', 'https://developers.kommo.com/*'],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main: startContent,
});
