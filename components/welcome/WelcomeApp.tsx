import { useEffect, useState } from 'preact/hooks';
import { welcomeTranslator, type WelcomeKey } from '@/lib/i18n/welcome';
import { explainPermissions } from '@/lib/permissions/explain';
import { I18nProvider } from '../common/i18n';
import { LangSwitch } from '../common/LangSwitch';
import type { Lang } from '@/lib/vocabulary';

type Manifest = Parameters<typeof explainPermissions>[0];

/**
 * The first-run page: what the extension does and reads, that nothing leaves the browser but a
 * request the admin sends, each permission of the loaded manifest with its reason, and a way into amoCRM.
 */
export function WelcomeApp({ initialLang, manifest }: { initialLang: Lang; manifest: Manifest }): preact.JSX.Element {
  const [lang, setLang] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const w = welcomeTranslator(lang);
  const permissions = explainPermissions(manifest);
  return (
    <I18nProvider lang={lang}>
      <main class="welcome">
        <header class="welcome-head">
          <h1>{w('welcome.title')}</h1>
          <LangSwitch onChange={setLang} />
        </header>
        <p class="lead">{w('welcome.lead')}</p>
        <section aria-labelledby="does-heading">
          <h2 id="does-heading">{w('welcome.does')}</h2>
          <ul>
            <li>{w('welcome.does.show')}</li>
            <li>{w('welcome.does.choices')}</li>
            <li>{w('welcome.does.requests')}</li>
          </ul>
        </section>
        <section aria-labelledby="reads-heading">
          <h2 id="reads-heading">{w('welcome.reads')}</h2>
          <ul>
            <li>{w('welcome.reads.account')}</li>
            <li>{w('welcome.reads.widgets')}</li>
            <li>{w('welcome.reads.page')}</li>
          </ul>
        </section>
        <section aria-labelledby="never-heading" class="promise">
          <h2 id="never-heading">{w('welcome.never')}</h2>
          <p>{w('welcome.never.text')}</p>
        </section>
        <section aria-labelledby="permissions-heading">
          <h2 id="permissions-heading">{w('welcome.permissions')}</h2>
          <dl class="permissions">
            {permissions.map((p) => (
              <div key={p.permission}>
                <dt>
                  <code>{p.permission}</code> <span class="muted">({w(`welcome.permission.${p.when}`)})</span>
                </dt>
                <dd>{w(`welcome.why.${p.reason}` as WelcomeKey)}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section aria-labelledby="start-heading">
          <h2 id="start-heading">{w('welcome.start')}</h2>
          <p>{w('welcome.start.text')}</p>
          <p class="actions">
            <a class="button primary" href="https://www.amocrm.ru/" target="_blank" rel="noopener noreferrer">
              {w('welcome.open.amocrm')}
            </a>
            <a class="button" href="https://www.kommo.com/" target="_blank" rel="noopener noreferrer">
              {w('welcome.open.kommo')}
            </a>
            <a href="/options.html">{w('welcome.settings')}</a>
          </p>
        </section>
      </main>
    </I18nProvider>
  );
}
