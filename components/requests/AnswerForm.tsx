import { useState } from 'preact/hooks';
import { routeWords } from '@/lib/i18n/email-route';
import { ANSWER_KINDS, type AnswerKind } from '@/lib/requests/record';
import { send } from '@/lib/send';
import { useI18n } from '../common/i18n';

/** Today as the admin's calendar has it (YYYY-MM-DD): the default date of Ingroup's answer. */
function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * Ingroup's answer to a request sent by email, as the admin read it: acknowledged, answered,
 * extended (with its reason) or refused, the day it came and a note. It goes into the request's
 * history (lib/requests/answers.ts); the status, deadline and complaint follow. Loaded when opened.
 */
export function AnswerForm({ id }: { id: string }): preact.JSX.Element {
  const { t, lang } = useI18n();
  const w = routeWords(lang);
  const [answer, setAnswer] = useState<AnswerKind>('acknowledged');
  const [on, setOn] = useState(localToday());
  const [reason, setReason] = useState('');
  const [extendedDueAt, setExtendedDueAt] = useState('');
  const [note, setNote] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const needsReason = answer === 'extended' || answer === 'refused';

  const save = (event: Event): void => {
    event.preventDefault();
    if (needsReason && !reason.trim()) {
      setResult({ ok: false, text: w('answer.reasonNeeded') });
      return;
    }
    const input = {
      answer,
      on,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(needsReason ? { reason: reason.trim() } : {}),
      ...(answer === 'extended' && extendedDueAt ? { extendedDueAt } : {}),
    };
    send({ type: 'request/answer', id, answer: input }).then(
      () => setResult({ ok: true, text: w('answer.saved') }),
      (e: unknown) =>
        setResult({
          ok: false,
          text: t('requests.actionFailed', { error: e instanceof Error ? e.message : String(e) }),
        }),
    );
  };

  return (
    <form class="answer-form" onSubmit={save}>
      <p class="muted">{w('answer.help')}</p>
      <fieldset>
        <legend>{w('answer.kind')}</legend>
        {ANSWER_KINDS.map((kind) => (
          <label key={kind} class="check">
            <input
              type="radio"
              name={`answer-${id}`}
              value={kind}
              checked={answer === kind}
              onChange={() => setAnswer(kind)}
            />
            {w(`answer.kind.${kind}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {w('answer.on')}
        <input type="date" required value={on} onInput={(e) => setOn(e.currentTarget.value)} />
      </label>
      {needsReason && (
        <label>
          {w('answer.reason')}
          <textarea rows={2} maxLength={2000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
      )}
      {answer === 'extended' && (
        <label>
          {w('answer.extendedDueAt')}
          <input type="date" value={extendedDueAt} onInput={(e) => setExtendedDueAt(e.currentTarget.value)} />
        </label>
      )}
      <label>
        {w('answer.note')}
        <textarea rows={2} maxLength={2000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <p class="actions">
        <button type="submit">{w('answer.save')}</button>
      </p>
      {result && (
        <p role={result.ok ? 'status' : 'alert'} class={result.ok ? 'ok' : 'error'}>
          {result.text}
        </p>
      )}
    </form>
  );
}
