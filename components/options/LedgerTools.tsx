import { useEffect, useState } from 'preact/hooks';
import { BUNDLED_CATALOG } from '@/lib/catalog/bundled';
import { withWidgetMarks } from '@/lib/attribution/marks';
import { kantaraReceipt, ledgerCsv, ledgerFile } from '@/lib/consent/export';
import { readOnce } from '@/lib/store/live';
import { ledgerEvents, ledgerVerdict, widgetMarks } from '@/lib/store/queries';
import { ledgerToolsWords } from '@/lib/i18n/ledger-tools';
import { send } from '@/lib/send';
import { breakWords } from '@/lib/i18n/ledger-anchor';
import { download } from '../common/download';
import { useI18n } from '../common/i18n';
import { useLiveQuery } from '../common/use-live-query';
import { UnsentChoices } from './UnsentChoices';
import { LedgerAnchor } from './LedgerAnchor';
import { fromWire } from '@/lib/errors';
import { errorText } from '@/lib/i18n/errors';
import type { ReplyOf } from '@/lib/message-replies';

type ImportReport = ReplyOf<'ledger/import'> | { error: string };

/** Export, verify and import the consent ledger. */
export function LedgerTools(): preact.JSX.Element {
  const { t, lang } = useI18n();
  const words = ledgerToolsWords(lang);
  // Verifying 20,000 events takes a moment: on demand, not on every open; each click checks afresh,
  // and the verdict then follows the ledger as it changes.
  const [runs, setRuns] = useState(0);
  const verdict = useLiveQuery(async (d) => (runs > 0 ? ledgerVerdict(d) : null), [runs]);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [exportFailed, setExportFailed] = useState<string | null>(null);
  const persisted = usePersistentStorage();

  const exportAs = async (kind: 'json' | 'kantara' | 'csv'): Promise<void> => {
    setExportFailed(null);
    try {
      const events = await readOnce(ledgerEvents);
      const stamp = new Date().toISOString().slice(0, 10);
      if (kind === 'json')
        download(
          `ingroup-consent-ledger-${stamp}.json`,
          withWidgetMarks(ledgerFile(events), await readOnce(widgetMarks)),
          'application/json',
        );
      if (kind === 'csv') download(`ingroup-consent-ledger-${stamp}.csv`, ledgerCsv(events), 'text/csv;charset=utf-8');
      if (kind === 'kantara') {
        const receipts = events.map((e) =>
          kantaraReceipt(e, { language: lang, policyUrl: BUNDLED_CATALOG.vendor.policyUrl }),
        );
        download(`ingroup-consent-receipts-${stamp}.json`, JSON.stringify(receipts, null, 2), 'application/json');
      }
    } catch (error) {
      setExportFailed(errorText(error, lang));
    }
  };
  const importFile = async (input: HTMLInputElement): Promise<void> => {
    const file = input.files?.[0];
    if (!file) return;
    try {
      setReport(await send({ type: 'ledger/import', text: await file.text() }));
    } catch (error) {
      setReport({ error: errorText(error, lang) });
    } finally {
      // The same file can be chosen again (after fixing it, or to see that it adds nothing).
      input.value = '';
    }
  };

  return (
    <section aria-labelledby="ledger-heading">
      <h2 id="ledger-heading">{t('options.ledger')}</h2>
      <p>
        <button type="button" onClick={() => setRuns(runs + 1)}>
          {t('options.verify')}
        </button>
      </p>
      <p class="muted">{words.proves}</p>
      {persisted !== 'asking' && (
        <p class={persisted === true ? 'ok' : 'muted'} role="status">
          {persisted === true ? words.persisted : persisted === false ? words.notPersisted : words.persistUnknown}
        </p>
      )}
      {runs > 0 && verdict.status === 'loading' && <p role="status">{t('consent.verifying')}</p>}
      {verdict.status === 'error' && (
        <p class="error" role="alert">
          {errorText(verdict.error, lang)}
        </p>
      )}
      {verdict.status === 'ready' &&
        verdict.value &&
        (verdict.value.ok ? (
          <p class="ok" role="status">
            {t('options.verifyOk', { count: verdict.value.count })}
          </p>
        ) : (
          <p class="error" role="alert">
            {t('consent.chainBroken', { message: breakWords(lang, verdict.value.params) || verdict.value.message })}
          </p>
        ))}
      <p class="actions">
        <button type="button" onClick={() => void exportAs('json')}>
          {t('options.exportJson')}
        </button>{' '}
        <button type="button" onClick={() => void exportAs('kantara')}>
          {t('options.exportKantara')}
        </button>{' '}
        <button type="button" onClick={() => void exportAs('csv')}>
          {t('options.exportCsv')}
        </button>
      </p>
      {exportFailed && (
        <p class="error" role="alert">
          {t('consent.exportFailed', { message: exportFailed })}
        </p>
      )}
      <label>
        {t('options.import')}{' '}
        <input type="file" accept="application/json,.json" onChange={(e) => void importFile(e.currentTarget)} />
      </label>
      {report && 'error' in report && (
        <p class="error" role="alert">
          {report.error}
        </p>
      )}
      {report && !('error' in report) && report.rejected.length === 0 && (
        <p role="status">{t('options.importResult', { added: report.added, duplicates: report.duplicates })}</p>
      )}
      <UnsentChoices />
      {report && !('error' in report) && report.rejected.length > 0 && (
        <div class="error" role="alert">
          <p>{t('options.importRejected')}</p>
          <ul>
            {report.rejected.map((r) => (
              <li key={`${r.index}-${r.error.code}`}>{errorText(fromWire(r.error), lang)}</li>
            ))}
          </ul>
        </div>
      )}
      <LedgerAnchor />
    </section>
  );
}

/**
 * The ledger carries legal weight: the browser is asked to keep the extension's storage as
 * persistent (not cleared under disk pressure), and its answer is shown. `persist()` exists only
 * in pages, not in the service worker, so Options asks each time it opens (a granted answer sticks).
 */
function usePersistentStorage(): boolean | 'unknown' | 'asking' {
  const [answer, setAnswer] = useState<boolean | 'unknown' | 'asking'>('asking');
  useEffect(() => {
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    if (typeof storage?.persist !== 'function') {
      setAnswer('unknown');
      return;
    }
    storage
      .persisted()
      .then((already) => already || storage.persist())
      .then(setAnswer, (error: unknown) => {
        console.warn('[ingroup-privacy] persistent storage', error);
        setAnswer('unknown');
      });
  }, []);
  return answer;
}
