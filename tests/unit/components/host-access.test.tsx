import { fireEvent, render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HostAccess } from '@/components/common/HostAccess';
import { I18nProvider } from '@/components/common/i18n';
import { REQUIRED_ORIGINS } from '@/lib/permissions/host-access';
import type { Lang } from '@/lib/vocabulary';

let held: string[] = [];
let grant = true;
const request = vi.fn(async ({ origins }: { origins: string[] }) => {
  if (grant) held = [...held, ...origins];
  return grant;
});

function show(lang: Lang = 'en', askBackground: () => Promise<string[]> = async () => []): void {
  render(
    <I18nProvider lang={lang}>
      <HostAccess askBackground={askBackground} />
    </I18nProvider>,
  );
}

describe('the prompt for host access the browser withholds (popup and panel)', () => {
  beforeEach(() => {
    held = [...REQUIRED_ORIGINS];
    grant = true;
    request.mockClear();
    Object.assign(fakeBrowser.permissions, {
      contains: async ({ origins }: { origins: string[] }) => origins.every((o) => held.includes(o)),
      request,
    });
  });

  it('shows nothing while every required site is granted', async () => {
    show();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByRole('button', { name: 'Allow access' })).toBeNull();
    expect(screen.queryByRole('heading')).toBeNull();
  });

  it('names a withdrawn amoCRM domain, asks for it inside the click, and says to reload amoCRM tabs', async () => {
    held = REQUIRED_ORIGINS.filter((o) => o !== 'https://*.amocrm.ru/*');
    show();
    await screen.findByRole('heading', { name: 'The browser does not let the extension reach these sites' });
    expect(screen.getByText(/^amoCRM \(\*\.amocrm\.ru\): without it the launcher does not appear/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Allow access' }));
    // Synchronously, still inside the click: the browser shows its prompt only for a user gesture.
    expect(request).toHaveBeenCalledWith({ origins: ['https://*.amocrm.ru/*'] });
    await screen.findByText('Access granted. Reload open amoCRM tabs to see the launcher there.');
    expect(screen.queryByRole('button', { name: 'Allow access' })).toBeNull();
  });

  it('keeps asking when the admin declines, in Russian', async () => {
    held = REQUIRED_ORIGINS.slice(0, 3);
    grant = false;
    show('ru');
    await screen.findByText(/^Сервис Ingroup \(api\.ingru\.ru\): без него запросы туда не отправить/);
    fireEvent.click(screen.getByRole('button', { name: 'Разрешить доступ' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Доступ не разрешён/);
    expect(screen.getByRole('button', { name: 'Разрешить доступ' })).toBeTruthy();
  });

  it('says why when the browser cannot be asked', async () => {
    fakeBrowser.permissions.contains = async () => {
      throw new Error('permissions unavailable');
    };
    show();
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not check or ask for access: Something went wrong. The error said: permissions unavailable Try again. If it keeps happening, report it to the extension developers.',
    );
  });
});

describe('the prompt in a frame without the permissions API (the panel over amoCRM, in Firefox)', () => {
  it('asks the background (access/missing) what is missing and sends the admin to the options page to allow it', async () => {
    const askBackground = vi.fn(async () => ['https://api.ingru.ru/*']);
    const permissions = fakeBrowser.permissions;
    Object.defineProperty(fakeBrowser, 'permissions', { value: undefined, configurable: true });
    try {
      show('en', askBackground);
      await screen.findByText(/^Ingroup's endpoint \(api\.ingru\.ru\): without it requests cannot be sent there/);
      expect(askBackground).toHaveBeenCalled();
      expect(screen.queryByRole('button', { name: 'Allow access' })).toBeNull();
      const link = screen.getByRole('link', { name: "Allow access on the extension's settings page" });
      expect(link.getAttribute('href')).toMatch(/\/options\.html$/);
      expect(link.getAttribute('target')).toBe('_blank');
    } finally {
      Object.defineProperty(fakeBrowser, 'permissions', { value: permissions, configurable: true });
    }
  });
});
