import { useState } from 'preact/hooks';
import { checkAnchor, type AnchorVerdict } from '@/lib/consent/verify';
import { readOnce } from '@/lib/store/live';
import { ledgerEvents, ledgerHead } from '@/lib/store/queries';
import { anchorWords, breakWords, type AnchorTranslate } from '@/lib/i18n/ledger-anchor';
import { useI18n } from '../common/i18n';
import { useLiveQuery } from '../common/use-live-query';
import type { Lang } from '@/lib/vocabulary';
import { errorText } from '@/lib/i18n/errors';

function formatWhen(at: string, lang: Lang): string {
  return new Date(at).toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

function verdictText(verdict: AnchorVerdict, w: AnchorTranslate, lang: Lang): string {
  switch (verdict.kind) {
    case 'intact':
      return w('anchor.intact', { count: verdict.count });
    case 'extended':
      return w('anchor.extended', { at: verdict.at, added: verdict.added });
    case 'rewritten':
      return w('anchor.rewritten', { count: verdict.count });
    case 'broken':
      return w('anchor.broken', { message: breakWords(lang, verdict.verdict.params) || verdict.verdict.message });
    case 'malformed':
      return w('anchor.malformed');
  }
}

/**
 * The ledger's head hash, to copy and keep outside the browser, and a check of the ledger against
 * a head hash kept earlier: intact, extended or rewritten. Says what the chain proves and what not.
 */
export function LedgerAnchor(): preact.JSX.Element {
  const { lang } = useI18n();
  const w = anchorWords(lang);
  const head = useLiveQuery(ledgerHead, []);
  const [copyNote, setCopyNote] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');
  const [result, setResult] = useState<{ verdict: AnchorVerdict } | { error: string } | null>(null);

  const copy = (hash: string): void => {
    navigator.clipboard.writeText(hash).then(
      () => setCopyNote(w('anchor.copied')),
      () => setCopyNote(w('anchor.copyFailed')),
    );
  };
  const check = async (event: Event): Promise<void> => {
    event.preventDefault();
    try {
      setResult({ verdict: await checkAnchor(await readOnce(ledgerEvents), pasted) });
    } catch (error) {
      setResult({ error: errorText(error, lang) });
    }
  };
  const good =
    result && 'verdict' in result && (result.verdict.kind === 'intact' || result.verdict.kind === 'extended');

  return (
    <section aria-labelledby="anchor-heading">
      <h3 id="anchor-heading">{w('anchor.heading')}</h3>
      {head.status === 'error' && (
        <p class="error" role="alert">
          {errorText(head.error, lang)}
        </p>
      )}
      {head.status === 'ready' && (
        <>
          <p>{head.value.at ? w('anchor.head', { date: formatWhen(head.value.at, lang) }) : w('anchor.empty')}</p>
          <label>
            {w('anchor.hash')}{' '}
            <input
              type="text"
              class="hash"
              readOnly
              value={head.value.headHash}
              onFocus={(e) => e.currentTarget.select()}
            />
          </label>
          <p>
            <button type="button" onClick={() => copy(head.value.headHash)}>
              {w('anchor.copy')}
            </button>{' '}
            <span role="status">{copyNote}</span>
          </p>
        </>
      )}
      <p class="muted">{w('anchor.proves')}</p>
      <p class="muted">{w('anchor.notProves')}</p>
      <form onSubmit={(e) => void check(e)}>
        <label>
          {w('anchor.paste')}{' '}
          <input
            type="text"
            spellcheck={false}
            autocomplete="off"
            value={pasted}
            onInput={(e) => setPasted(e.currentTarget.value)}
          />
        </label>{' '}
        <button type="submit">{w('anchor.check')}</button>
      </form>
      {result && (
        <p class={good ? 'ok' : 'error'} role={good ? 'status' : 'alert'}>
          {'verdict' in result ? verdictText(result.verdict, w, lang) : result.error}
        </p>
      )}
    </section>
  );
}
