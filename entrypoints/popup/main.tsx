import '@/lib/zod-config';
import { render } from 'preact';
import { PopupApp } from '@/components/popup/PopupApp';
import { browserLang } from '@/lib/i18n';
import '@/components/common/base.css';
import '@/components/popup/popup.css';
import { appRoot } from '@/components/common/app-root';

const lang = browserLang(navigator.languages);
document.documentElement.lang = lang;
render(<PopupApp lang={lang} />, appRoot());
