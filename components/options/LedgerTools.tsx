import { useState } from 'preact/hooks';
import { BUNDLED_CATALOG } from '@/lib/catalog/bundled';
import { kantaraReceipt, ledgerCsv, ledgerFileJson } from '@/lib/consent/export';
import { allEvents, verifyLedger } from '@/lib/consent/ledger';
import { db } from '@/lib/db';
import { send } from '@/lib/send';
import { download } from '../common/download';
import { useI18n } from '../common/i18n';
import { useLiveQuery } from '../common/use-live-query';

type ImportReport = { added: number; duplicates: number; rejected: Array<{ index: number; reason: string }> } | { error: string };

/** Export, verify and import the consent ledger. */
export function LedgerTools(): preact.JSX.Element {
  const { t, lang } = useI18n();
  // Verifying 20,000 events takes a moment: on demand, not on every open.
  const [verifying, setVerifying] = useState(false);
  const verdict = useLiveQuery(async () => (verifying ? verifyLedger(db()) : null), [verifying]);
  const [report, setReport] = useState<ImportReport | null>(null);
  const stamp = new Date().toISOString().slice(0, 10);

  const exportJson = async (): Promise<void> => download(`ingroup-consent-ledger-${stamp}.json`, ledgerFileJson(await allEvents(db())), 'application/json');
  const exportCsv = async (): Promise<void> => download(`ingroup-consent-ledger-${stamp}.csv`, ledgerCsv(await allEvents(db())), 'text/csv;charset=utf-8');
  const exportKantara = async (): Promise<void> => {
    const receipts = (await allEvents(db())).map((e) => kantaraReceipt(e, { language: lang, policyUrl: BUNDLED_CATALOG.vendor.policyUrl }));
    download(`ingroup-consent-receipts-${stamp}.json`, JSON.stringify(receipts, null, 2), 'application/json');
  };
  const importFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    try {
      setReport(await send({ type: 'ledger/import', text: await file.text() }));
    } catch (error) {
      setReport({ error: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section aria-labelledby="ledger-heading">
      <h2 id="ledger-heading">{t('options.ledger')}</h2>
      <p>
        <button type="button" onClick={() => setVerifying(true)} disabled={verifying}>
          {t('options.verify')}
        </button>
      </p>
      {verdict.status === 'ready' &&
        verdict.value &&
        (verdict.value.ok ? (
          <p class="ok">{t('options.verifyOk', { count: verdict.value.count })}</p>
        ) : (
          <p class="error" role="alert">
            {t('options.verifyBroken', { index: verdict.value.index, message: verdict.value.message })}
          </p>
        ))}
      <p class="actions">
        <button type="button" onClick={() => void exportJson()}>
          {t('options.exportJson')}
        </button>{' '}
        <button type="button" onClick={() => void exportKantara()}>
          {t('options.exportKantara')}
        </button>{' '}
        <button type="button" onClick={() => void exportCsv()}>
          {t('options.exportCsv')}
        </button>
      </p>
      <label>
        {t('options.import')}{' '}
        <input type="file" accept="application/json,.json" onChange={(e) => void importFile(e.currentTarget.files?.[0])} />
      </label>
      {report && 'error' in report && (
        <p class="error" role="alert">
          {report.error}
        </p>
      )}
      {report && !('error' in report) && report.rejected.length === 0 && <p role="status">{t('options.importResult', { added: report.added, duplicates: report.duplicates })}</p>}
      {report && !('error' in report) && report.rejected.length > 0 && (
        <div class="error" role="alert">
          <p>{t('options.importRejected')}</p>
          <ul>
            {report.rejected.map((r) => (
              <li key={`${r.index}-${r.reason}`}>{r.index >= 0 ? `#${r.index}: ${r.reason}` : r.reason}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
