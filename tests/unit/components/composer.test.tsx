import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/components/common/i18n';
import { Composer } from '@/components/requests/Composer';
import type { Snapshot } from '@/lib/amocrm/snapshot';

const sent: unknown[] = [];
vi.mock('@/lib/send', () => ({
  send: vi.fn(async (message: unknown) => {
    sent.push(message);
    return { id: 'x' };
  }),
}));

const snapshot: Snapshot = {
  host: 'demo.amocrm.ru',
  fetchedAt: 0,
  account: { id: 31415926, name: 'ООО «Ромашка»', subdomain: 'demo', country: 'RU' },
  admin: { id: 7001001, name: 'Анна Смирнова', email: 'anna@romashka.example', phone: '+7 912 345-67-89', isAdmin: true },
  adminUnavailable: null,
  userCount: 12,
  widgets: [],
  widgetTotal: 40,
  apiCalls: 5,
};

function renderComposer(type: 'access' | 'erasure' | 'rectification', onDone = vi.fn()): void {
  render(
    <I18nProvider lang="en">
      <Composer host="demo.amocrm.ru" snapshot={snapshot} ingroupWidgets={[{ code: 'ingroup_demo_reports', name: 'Reports' }]} regime="ru152" initialType={type} onDone={onDone} />
    </I18nProvider>,
  );
}

describe('the request composer', () => {
  beforeEach(() => {
    sent.length = 0;
  });

  it('is pre-filled with the administrator and previews exactly what it sends', async () => {
    const onDone = vi.fn();
    renderComposer('access', onDone);
    expect(screen.getByText('Анна Смирнова', { selector: 'strong' })).toBeTruthy();
    const preview = JSON.parse(screen.getByText(/"requester"/).textContent ?? '{}') as Record<string, unknown>;
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(sent).toEqual([{ type: 'request/submit', draft: preview }]);
    expect(preview).toMatchObject({ type: 'access', widgets: ['ingroup_demo_reports'], requester: { userId: 7001001, email: 'anna@romashka.example' } });
  });

  it('asks for an explicit confirmation before an erasure request', () => {
    renderComposer('erasure');
    const sendButton = screen.getByRole('button', { name: 'Send request' }) as HTMLButtonElement;
    expect(sendButton.disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: /cannot be undone/ }));
    expect(sendButton.disabled).toBe(false);
  });

  it('needs a corrected value before a rectification request can be sent', () => {
    renderComposer('rectification');
    const sendButton = screen.getByRole('button', { name: 'Send request' }) as HTMLButtonElement;
    expect(sendButton.disabled).toBe(true);
    fireEvent.input(screen.getByRole('textbox', { name: 'Correct value' }), { target: { value: 'Анна Петрова' } });
    expect(sendButton.disabled).toBe(false);
    expect(screen.getByText(/"corrections"/).textContent).toContain('Анна Петрова');
  });
});
