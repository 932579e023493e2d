import { render } from 'preact';
import { browser } from 'wxt/browser';
import { WelcomeApp } from '@/components/welcome/WelcomeApp';
import { browserLang } from '@/lib/i18n';
import '@/components/common/base.css';
import '@/components/welcome/welcome.css';
import { appRoot } from '@/components/common/app-root';

// The first-run page, opened by the background once, on install (lib/background/first-run.ts).
const lang = browserLang(navigator.languages);
document.documentElement.lang = lang;
render(<WelcomeApp initialLang={lang} manifest={browser.runtime.getManifest()} />, appRoot());
