import { policyVersionDiffers } from '@/lib/catalog/match';
import type { Inventory as InventoryData } from '@/lib/panel/inventory';
import type { PanelModel } from '@/lib/panel/model-schema';
import { POLICY_VERSION } from '@/lib/policy/version';
import type { Snapshot } from '@/lib/amocrm/snapshot';
import { useI18n } from '../common/i18n';
import { Section } from './Section';
import { WidgetCard } from './WidgetCard';

/** The installed Ingroup widgets with what each collected, or why there is nothing to show. */
export function Inventory({ snapshot, catalog, inventory }: { snapshot: Snapshot; catalog: PanelModel['catalog']; inventory: InventoryData }): preact.JSX.Element {
  const { t } = useI18n();
  return (
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
      {inventory.widgets.length === 0 ? <p>{t('inventory.none')}</p> : inventory.widgets.map((w) => <WidgetCard key={w.code} widget={w} />)}
      <p class="muted">{t('inventory.others', { count: inventory.otherInstalled, listed: inventory.listed })}</p>
      <p class="muted">{t('inventory.policyVersion', { date: POLICY_VERSION.effectiveDate, hash: POLICY_VERSION.sha256.slice(0, 12) })}</p>
    </Section>
  );
}
