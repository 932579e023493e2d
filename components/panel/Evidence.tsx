/**
 * Loaded after the panel's first paint (DESIGN §9): the installed widgets not counted as
 * Ingroup's, to mark, and what the page was seen sending to Ingroup's hosts.
 */
import { useState } from 'preact/hooks';
import type { Inventory } from '@/lib/panel/inventory';
import { moreTranslator } from '@/lib/i18n/evidence-more';
import { CATEGORIES } from '@/lib/policy/categories';
import { useI18n } from '../common/i18n';
import { MarkButtons } from './MarkButtons';
import { Section } from './Section';

/** How the list is made: said plainly, above the widgets. */
export function HowFound(): preact.JSX.Element {
  const { lang } = useI18n();
  return <p class="muted">{moreTranslator(lang)('inventory.howFound')}</p>;
}

export function OtherWidgets({ host, inventory }: { host: string; inventory: Inventory }): preact.JSX.Element {
  const { t: base, lang } = useI18n();
  const t = moreTranslator(lang);
  // A button that shows the list rather than <details>: Chromium keeps a closed <details>' controls
  // laid out but unfocusable, which the panel's focus trap would step onto and stick at.
  const [open, setOpen] = useState(false);
  return (
    <div class="others">
      <button type="button" class="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('inventory.othersHeading', { count: inventory.others.length })}
      </button>
      {!open ? null : inventory.others.length === 0 ? (
        <p>{t('inventory.othersNone')}</p>
      ) : (
        <>
          <p class="muted">{t('inventory.othersHint')}</p>
          <ul aria-label={t('inventory.othersHeading', { count: inventory.others.length })}>
            {inventory.others.map((w) => (
              <li key={w.code}>
                <code>{w.code}</code>
                {w.name && w.name !== w.code && <> · {w.name}</>}
                {w.mark === 'not_ingroup' && <span class="muted"> · {base('mark.markedNot')}</span>}{' '}
                <MarkButtons host={host} code={w.code} name={w.name ?? w.code} current={w.mark} offer="ingroup" />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function ObservedTraffic({ inventory }: { inventory: Inventory }): preact.JSX.Element {
  const { lang } = useI18n();
  const t = moreTranslator(lang);
  const when = (ms: number): string => new Date(ms).toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB');
  const label = (key: string): string => CATEGORIES.find((c) => c.key === key)?.label[lang] ?? key;
  return (
    <Section id="observed" title={t('observed.heading')}>
      <p class="muted">{t('observed.intro')}</p>
      {inventory.observed.length === 0 ? (
        <p>{t('observed.none')}</p>
      ) : (
        <ul>
          {inventory.observed.map((o) => (
            <li key={o.host}>
              {t('observed.row', { host: o.host, count: o.count, first: when(o.firstSeen), last: when(o.lastSeen) })}{' '}
              {o.values.length
                ? t('observed.values', { values: o.values.map(label).join(', ') })
                : t('observed.noValues')}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
