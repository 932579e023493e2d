import { useState } from 'preact/hooks';
import { endpointMoveWords } from '@/lib/i18n/endpoint-move';
import { requestTitle } from '@/lib/requests/email';
import { send } from '@/lib/send';
import { heldRequests } from '@/lib/store/queries';
import { useI18n } from '../common/i18n';
import { useLiveQuery } from '../common/use-live-query';
import { errorText } from '@/lib/i18n/errors';

/**
 * Requests queued for an endpoint that is no longer in force (DESIGN §7): each is offered for the
 * new one on its own, since each carries the administrator's personal data to a new origin.
 */
export function HeldRequests({ base }: { base: string }): preact.JSX.Element | null {
  const { lang } = useI18n();
  const w = endpointMoveWords(lang);
  const held = useLiveQuery((d) => heldRequests(d, base), [base]);
  const [moved, setMoved] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  if (held.status !== 'ready' || held.value.length === 0) return moved ? <p role="status">{moved}</p> : null;
  const origin = new URL(base).origin;
  const move = (id: string): void => {
    setFailed(null);
    send({ type: 'request/move', id }).then(
      () => setMoved(w.moved.replace('{origin}', origin)),
      (error: unknown) => setFailed(errorText(error, lang)),
    );
  };
  return (
    <div>
      <h3>{w.heading}</h3>
      <p class="muted">{w.intro}</p>
      <ul>
        {held.value.map((r) => (
          <li key={r.id}>
            {w.item
              .replace('{title}', requestTitle(r.type, lang))
              .replace('{host}', r.host)
              .replace(
                '{date}',
                new Date(r.createdAt).toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB', {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                }),
              )
              .replace('{origin}', r.endpointOrigin ?? '')}{' '}
            <button type="button" onClick={() => move(r.id)}>
              {w.move.replace('{origin}', origin)}
            </button>
          </li>
        ))}
      </ul>
      {moved && <p role="status">{moved}</p>}
      {failed && (
        <p class="error" role="alert">
          {failed}
        </p>
      )}
    </div>
  );
}
