import type { Evidence } from '@/lib/attribution/attribute';
import type { IngroupWidgetView } from '@/lib/panel/inventory';
import type { Translate } from '@/lib/i18n';
import { useI18n } from '../common/i18n';
import { MarkButtons } from './MarkButtons';
import { SectionRef } from './Section';

function evidenceText(t: Translate, e: Evidence): string {
  switch (e.kind) {
    case 'catalog':
      return t(e.source === 'endpoint' ? 'evidence.catalogEndpoint' : 'evidence.catalogBundled');
    case 'declared':
      return t('evidence.declared', { contact: e.contact });
    case 'traffic':
      return t('evidence.traffic', { hosts: e.hosts.join(', ') });
    case 'admin':
      return t('evidence.admin');
  }
}

/** One installed Ingroup widget: why it is counted as Ingroup's, and exactly what it collected from this account. */
export function WidgetCard({ host, widget }: { host: string; widget: IngroupWidgetView }): preact.JSX.Element {
  const { t } = useI18n();
  const id = `widget-${widget.code}`;
  return (
    <article class="widget-card" aria-labelledby={id}>
      <header>
        <h3 id={id}>{widget.name}</h3>
        <p class="muted">
          <code>{widget.code}</code> · {t('inventory.version', { version: widget.version || '—' })} · <span class="ok">{t('inventory.active')}</span>
        </p>
        <div class="evidence">
          <span class="muted">{t('evidence.heading')}:</span>
          <ul>
            {widget.evidence.map((e) => (
              <li key={e.kind} data-evidence={e.kind}>
                {evidenceText(t, e)}
              </li>
            ))}
          </ul>
          <MarkButtons host={host} code={widget.code} name={widget.name} current={widget.mark} offer="not_ingroup" />
        </div>
      </header>
      {widget.collectsFrom === 'policy' && (
        <p class="muted" role="note">
          {t('inventory.collectsFromPolicy')}
        </p>
      )}
      <table class="collected">
        <caption>{t('inventory.collectedCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('inventory.category')}</th>
            <th scope="col">{t('inventory.value')}</th>
            <th scope="col">{t('inventory.section')}</th>
          </tr>
        </thead>
        <tbody>
          {widget.collected.map((item) => (
            <tr key={item.key}>
              <th scope="row">{item.label}</th>
              <td class="value">
                {item.value ?? (
                  <span class="muted">
                    {t(item.missing === 'no_phone' ? 'inventory.noPhone' : item.missing === 'not_in_policy' ? 'inventory.notInPolicy' : 'inventory.adminOnly')}
                  </span>
                )}
              </td>
              <td>{item.section ? <SectionRef section={item.section} /> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
