import type { IngroupWidgetView } from '@/lib/panel/inventory';
import { useI18n } from '../common/i18n';
import { SectionRef } from './Section';

/** One installed Ingroup widget and exactly what it collected from this account. */
export function WidgetCard({ widget }: { widget: IngroupWidgetView }): preact.JSX.Element {
  const { t } = useI18n();
  const id = `widget-${widget.code}`;
  return (
    <article class="widget-card" aria-labelledby={id}>
      <header>
        <h3 id={id}>{widget.name}</h3>
        <p class="muted">
          <code>{widget.code}</code> · {t('inventory.version', { version: widget.version || '—' })} · <span class="ok">{t('inventory.active')}</span> ·{' '}
          {t(widget.source === 'endpoint' ? 'inventory.sourceEndpoint' : 'inventory.sourceBundled')}
        </p>
      </header>
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
                {item.value ?? <span class="muted">{t(item.missing === 'no_phone' ? 'inventory.noPhone' : 'inventory.adminOnly')}</span>}
              </td>
              <td>
                <SectionRef section={item.section} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
