import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/components/common/i18n';
import { HeldRequests } from '@/components/requests/HeldRequests';
import { db, resetDbForTests } from '@/lib/store/db';
import { enqueue } from '@/lib/requests/outbox';
import { makeBody } from '../../requests/fixtures';

const sent: unknown[] = [];
vi.mock('@/lib/send', () => ({
  send: vi.fn(async (message: unknown) => {
    sent.push(message);
    return { id: 'x' };
  }),
}));

describe('requests made for another endpoint (Options)', () => {
  beforeEach(async () => {
    await resetDbForTests();
    sent.length = 0;
  });

  it('offers each one for the new endpoint on its own, and lists none made for it', async () => {
    const old = await enqueue(db(), makeBody(), 'endpoint', 1, undefined, 'https://api.ingru.ru');
    await enqueue(db(), makeBody(), 'endpoint', 2, undefined, 'https://privacy.example.org');
    render(
      <I18nProvider lang="en">
        <HeldRequests base="https://privacy.example.org/v1" />
      </I18nProvider>,
    );
    const buttons = await screen.findAllByRole('button', { name: 'Send to https://privacy.example.org' });
    expect(buttons).toHaveLength(1);
    expect(screen.getByText(/made .* for https:\/\/api\.ingru\.ru/)).toBeTruthy();
    fireEvent.click(buttons[0]!);
    await waitFor(() => expect(sent).toEqual([{ type: 'request/move', id: old.id }]));
  });
});
