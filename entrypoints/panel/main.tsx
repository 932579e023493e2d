import '@/lib/zod-config';
import { render } from 'preact';
import { PanelApp } from '@/components/panel/PanelApp';
import '@/components/common/base.css';
import '@/components/panel/panel.css';
import { isLang } from '@/lib/vocabulary';
import { appRoot } from '@/components/common/app-root';

const params = new URLSearchParams(location.search);
const lang = params.get('lang');
const initialLang = isLang(lang) ? lang : 'ru';
document.documentElement.lang = initialLang;
// No account in the URL: the page around the frame could re-point it (the background binds it).
render(<PanelApp initialLang={initialLang} />, appRoot());
