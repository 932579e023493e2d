import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { I18nProvider } from '@/components/common/i18n';
import { EndpointSetting } from '@/components/requests/EndpointSetting';
import { recordAnswered, recordFailure } from '@/lib/store/liveness';
import { db, resetDbForTests } from '@/lib/store/db';
import { DEFAULT_ENDPOINT_BASE } from '@/lib/manifest';
import { AppError } from '@/lib/errors';

const sent: unknown[] = [];
let refuse: AppError | null = null;
vi.mock('@/lib/send', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/send')>()),
  send: vi.fn(async (message: { type: string; base: string | null }) => {
    sent.push(message);
    if (refuse) throw refuse;
    return { base: message.base ?? 'https://api.ingru.ru/privacy/v1' };
  }),
}));

let grant = true;
const request = vi.fn(async (_: { origins: string[] }) => grant);

function show(): void {
  render(
    <I18nProvider lang="en">
      <EndpointSetting />
    </I18nProvider>,
  );
}

async function saveAddress(address: string): Promise<void> {
  const input = await screen.findByRole('textbox', { name: 'Endpoint address' });
  fireEvent.input(input, { target: { value: address } });
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
}

describe('the endpoint override on the options page', () => {
  beforeEach(async () => {
    await resetDbForTests();
    sent.length = 0;
    refuse = null;
    grant = true;
    request.mockClear();
    fakeBrowser.permissions.request = request as unknown as typeof fakeBrowser.permissions.request;
  });

  it('shows where requests go now, the default until changed', async () => {
    show();
    expect(
      await screen.findByText(`The endpoint address in force: ${DEFAULT_ENDPOINT_BASE} (the default)`),
    ).toBeTruthy();
    await db().settings.put({ key: 'endpointBase', value: 'https://privacy.example.org/v1' });
    expect(
      await screen.findByText(/The endpoint address in force: https:\/\/privacy\.example\.org\/v1\s*$/),
    ).toBeTruthy();
  });

  it('asks the browser for the new origin inside the click, then saves the plain base', async () => {
    show();
    const input = await screen.findByRole('textbox', { name: 'Endpoint address' });
    fireEvent.input(input, { target: { value: 'https://privacy.example.org/v1/' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    // Synchronously, still inside the click: the browser shows its prompt only for a user gesture.
    expect(request).toHaveBeenCalledWith({ origins: ['https://privacy.example.org/*'] });
    expect(await screen.findByRole('status')).toHaveProperty(
      'textContent',
      'Saved. Requests now go to https://privacy.example.org/v1.',
    );
    expect(sent).toEqual([{ type: 'settings/endpoint', base: 'https://privacy.example.org/v1' }]);
  });

  it.each([
    ['privacy.example.org', 'That is not an address'],
    ['http://privacy.example.org/v1', 'The address must start with https://.'],
    ['https://privacy.example.org/v1?token=1', 'Enter the base address only'],
  ])('refuses %s in words, without asking the browser or the background', async (address, words) => {
    show();
    await saveAddress(address);
    expect((await screen.findByRole('alert')).textContent).toContain(words);
    expect(request).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
  });

  it('changes nothing when the browser is not allowed to reach the new origin', async () => {
    grant = false;
    show();
    await saveAddress('https://privacy.example.org/v1');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The browser was not allowed to reach https://privacy.example.org, so nothing changed.',
    );
    expect(sent).toEqual([]);
  });

  it('says why when the background refuses', async () => {
    refuse = new AppError('settings/endpoint_not_granted', 'The extension may not reach https://privacy.example.org.', {
      origin: 'https://privacy.example.org',
    });
    show();
    await saveAddress('https://privacy.example.org/v1');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Not saved: The extension may not reach that address. The browser has not allowed the extension to reach https://privacy.example.org. Allow it when the browser asks, then save again.',
    );
  });

  it('says whether the endpoint has ever answered this browser, and its last problem', async () => {
    show();
    expect(await screen.findByText(/api\.ingru\.ru has not answered this browser yet/)).toBeTruthy();
    await recordFailure(db(), DEFAULT_ENDPOINT_BASE, Date.parse('2026-03-02T09:00:00Z'));
    expect(await screen.findByText(/no connection \(the name does not resolve, or nothing answers\)/)).toBeTruthy();
    await recordAnswered(db(), DEFAULT_ENDPOINT_BASE, 'catalog', Date.parse('2026-03-03T09:00:00Z'));
    expect(await screen.findByText(/api\.ingru\.ru last answered on/)).toBeTruthy();
    expect(screen.queryByText(/no connection/)).toBeNull();
  });

  it('goes back to the default', async () => {
    show();
    fireEvent.click(await screen.findByRole('button', { name: 'Use the default' }));
    await waitFor(() => expect(sent).toEqual([{ type: 'settings/endpoint', base: null }]));
    expect((await screen.findByRole('status')).textContent).toBe('Back to Ingroup’s default address.');
  });
});
