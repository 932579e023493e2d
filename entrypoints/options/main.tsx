import '@/lib/zod-config';
import { render } from 'preact';
import { OptionsApp } from '@/components/options/OptionsApp';
import { browserLang } from '@/lib/i18n';
import '@/components/common/base.css';
import '@/components/options/options.css';
import { appRoot } from '@/components/common/app-root';

const lang = browserLang(navigator.languages);
document.documentElement.lang = lang;
render(<OptionsApp lang={lang} />, appRoot());
