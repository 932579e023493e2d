import type { Evidence } from '@/lib/attribution/attribute';
import type { Translate } from '@/lib/i18n';
import type { DataMatrix as Matrix, MatrixCell, MatrixRow } from '@/lib/panel/matrix';
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

function Value({ row }: { row: MatrixRow }): preact.JSX.Element {
  const { t } = useI18n();
  if (row.value !== null) return <>{row.value}</>;
  const why =
    row.missing === 'no_phone'
      ? 'inventory.noPhone'
      : row.missing === 'not_in_policy'
        ? 'inventory.notInPolicy'
        : 'inventory.adminOnly';
  return <span class="muted">{t(why)}</span>;
}

function Cell({ cell }: { cell: MatrixCell }): preact.JSX.Element {
  const { t } = useI18n();
  if (!cell.declared && !cell.observed) {
    return (
      <td class="cell cell-none">
        <span aria-hidden="true">—</span>
        <span class="visually-hidden">{t('matrix.notCollected')}</span>
      </td>
    );
  }
  return (
    <td class="cell">
      {cell.declared && (
        <span class="tag tag-declared">
          {t(cell.declared === 'catalog' ? 'matrix.declaredCatalog' : 'matrix.declaredPolicy')}
        </span>
      )}
      {cell.observed && <span class="tag tag-observed">{t('matrix.observed')}</span>}
    </td>
  );
}

/**
 * Widgets × data: a row per item with this account's value shown once, a column per installed
 * Ingroup widget with what its attribution rests on in its header, and in each cell whether the
 * widget is declared to collect the item or was seen sending it.
 */
export function DataMatrix({ host, matrix }: { host: string; matrix: Matrix }): preact.JSX.Element {
  const { t } = useI18n();
  const policyOnly = matrix.widgets.some((w) => w.collectsFrom === 'policy');
  return (
    <>
      {policyOnly && (
        <p class="muted" role="note">
          {t('inventory.collectsFromPolicy')}
        </p>
      )}
      {/* Many widgets make the table wider than the panel: the region scrolls, and takes the focus to be scrolled by keyboard. */}
      <div class="matrix-scroll" role="region" aria-label={t('matrix.scroll')} tabIndex={0}>
        <table class="matrix">
          <caption>{t('matrix.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('inventory.category')}</th>
              <th scope="col">{t('inventory.value')}</th>
              {matrix.widgets.map((w) => (
                <th scope="col" key={w.code} class="widget-head" data-widget={w.code}>
                  <strong>{w.name}</strong>
                  <span class="muted">
                    <code>{w.code}</code> · {t('inventory.version', { version: w.version || '—' })} ·{' '}
                    <span class="ok">{t('inventory.active')}</span>
                  </span>
                  <span class="muted">{t('evidence.heading')}:</span>
                  <ul class="evidence">
                    {w.evidence.map((e) => (
                      <li key={e.kind} data-evidence={e.kind}>
                        {evidenceText(t, e)}
                      </li>
                    ))}
                  </ul>
                  <MarkButtons host={host} code={w.code} name={w.name} current={w.mark} offer="not_ingroup" />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">
                  {row.label} {row.section && <SectionRef section={row.section} />}
                </th>
                <td class="value">
                  <Value row={row} />
                </td>
                {row.cells.map((cell, i) => (
                  <Cell key={matrix.widgets[i]?.code ?? i} cell={cell} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
