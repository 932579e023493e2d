/**
 * DESIGN §3/§8: a page that inserts `<base href="https://elsewhere/">` must not change what the
 * content script reads from amoCRM — the read goes to the page's own origin or nowhere.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { amoFetch, ForeignAnswer } from '@/lib/content/amo-proxy';

const ORIGIN = 'https://demo.amocrm.ru';

function fakeFetch(answer: { url: string; status?: number; body?: string }) {
  const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
  const fetch = vi.fn(async (input: string, init?: RequestInit) => {
    calls.push({ url: input, init });
    return {
      url: answer.url,
      status: answer.status ?? 200,
      headers: new Headers({ 'content-type': 'application/hal+json' }),
      text: async () => answer.body ?? '{"id":1}',
    } as unknown as Response;
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.head.querySelector('base')?.remove();
});

describe('the content script’s amoCRM read', () => {
  it('asks the page’s own origin by an absolute URL, refusing redirects, whatever <base href> the page set', async () => {
    const base = document.createElement('base');
    base.href = 'https://elsewhere.example/';
    document.head.append(base);
    // The attack is real in this document: a relative path now resolves to the foreign host…
    expect(new URL('/api/v4/account', document.baseURI).origin).toBe('https://elsewhere.example');
    const calls = fakeFetch({ url: `${ORIGIN}/api/v4/account` });
    const answer = await amoFetch('/api/v4/account', new AbortController().signal, ORIGIN);
    // …and the read went to amoCRM all the same.
    expect(calls.map((c) => c.url)).toEqual([`${ORIGIN}/api/v4/account`]);
    expect(calls[0]?.init).toMatchObject({ redirect: 'error', credentials: 'same-origin' });
    expect(answer).toMatchObject({ origin: ORIGIN, status: 200, body: '{"id":1}' });
  });

  it('refuses an answer that came from another origin', async () => {
    fakeFetch({ url: 'https://elsewhere.example/api/v4/account' });
    await expect(amoFetch('/api/v4/account', new AbortController().signal, ORIGIN)).rejects.toBeInstanceOf(
      ForeignAnswer,
    );
  });

  it('refuses a path that leaves the origin before asking', async () => {
    const calls = fakeFetch({ url: 'https://elsewhere.example/x' });
    await expect(amoFetch('//elsewhere.example/x', new AbortController().signal, ORIGIN)).rejects.toBeInstanceOf(
      ForeignAnswer,
    );
    expect(calls).toEqual([]);
  });
});
