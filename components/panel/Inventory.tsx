import { policyVersionDiffers } from '@/lib/catalog/match';
import type { Inventory as InventoryData } from '@/lib/panel/inventory';
import type { DataMatrix as Matrix } from '@/lib/panel/matrix';
import type { PanelModel } from '@/lib/panel/model-schema';
import { POLICY_VERSION } from '@/lib/policy/version';
import type { Snapshot } from '@/lib/amocrm/snapshot-schema';
import { useI18n } from '../common/i18n';
import { useLazy } from '../common/use-lazy';
import { Section } from './Section';
import { DataMatrix } from './DataMatrix';

/** The installed Ingroup widgets × the data they hold, with why each is counted, or why there is nothing to show. */
export function Inventory({
  host,
  snapshot,
  catalog,
  inventory,
  matrix,
}: {
  host: string;
  snapshot: Snapshot;
  catalog: PanelModel['catalog'];
  inventory: InventoryData;
  matrix: Matrix;
}): preact.JSX.Element {
  const { t } = useI18n();
  const extras = useLazy(() => import('./Evidence'), true);
  return (
    <>
      <Section id="inventory" title={t('inventory.heading')}>
        {snapshot.adminUnavailable === 'not_admin' && (
          <p class="notice" role="note">
            {t('inventory.notAdmin')}
          </p>
        )}
        {policyVersionDiffers(catalog.catalog) && (
          <p class="notice" role="note">
            {t('inventory.policyChanged', { date: catalog.catalog.policy.effectiveDate })}
          </p>
        )}
        {inventory.widgets.length === 0 ? <p>{t('inventory.none')}</p> : <DataMatrix host={host} matrix={matrix} />}
        {inventory.skipped > 0 && (
          <p class="notice" role="note">
            {t('inventory.skipped', { count: inventory.skipped })}
          </p>
        )}
        {inventory.dropped > 0 && (
          <p class="notice" role="note">
            {t('inventory.dropped', { count: inventory.dropped })}
          </p>
        )}
        {extras.status === 'ready' && <extras.value.HowFound />}
        {extras.status === 'ready' && <extras.value.OtherWidgets host={host} inventory={inventory} />}
        <p class="muted">{t('inventory.listed', { listed: inventory.listed })}</p>
        <p class="muted">
          {t('inventory.policyVersion', {
            date: POLICY_VERSION.effectiveDate,
            hash: POLICY_VERSION.sha256.slice(0, 12),
          })}
        </p>
      </Section>
      {extras.status === 'ready' && <extras.value.ObservedTraffic inventory={inventory} />}
    </>
  );
}
