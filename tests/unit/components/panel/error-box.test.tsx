/** The panel says a failure in its own language, from the error's code — never the background's English log words. */
import { render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '@/components/common/i18n';
import { ErrorBox } from '@/components/panel/ErrorBox';
import { AmoError } from '@/lib/amocrm/errors';
import { fromWire } from '@/lib/errors';
import type { Lang } from '@/lib/vocabulary';
import { errorReply } from '@/lib/messages';

function showReplyOf(error: unknown, lang: Lang): void {
  // As the panel gets it: through the background's reply envelope.
  const reply = errorReply(error);
  if (reply.ok) throw new Error('expected a failure');
  render(
    <I18nProvider lang={lang}>
      <ErrorBox error={fromWire(reply.error)} />
    </I18nProvider>,
  );
}

describe('an error in the panel', () => {
  it('is said in Russian in the Russian panel, with amoCRM’s status and what to do', async () => {
    showReplyOf(new AmoError('signed_out', 'amoCRM answered 401 to /api/v4/account', { status: 401 }), 'ru');
    const box = await screen.findByRole('alert');
    await waitFor(() => expect(box.textContent).toContain('Вы не вошли в amoCRM'));
    expect(box.textContent).toContain('HTTP 401');
    expect(box.textContent).toContain('Войдите в amoCRM в этой вкладке');
    expect(box.textContent).not.toMatch(/answered|signed|account\b/);
  });

  it('is said in English in the English panel (negative control)', async () => {
    showReplyOf(new AmoError('signed_out', 'amoCRM answered 401 to /api/v4/account', { status: 401 }), 'en');
    const box = await screen.findByRole('alert');
    await waitFor(() => expect(box.textContent).toContain('You are signed out of amoCRM'));
    expect(box.textContent).not.toMatch(/[а-яё]/i);
  });
});
