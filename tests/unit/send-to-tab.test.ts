import { describe, expect, it, vi } from 'vitest';
import type { AmoFetchAnswer } from '@/lib/messages';
import { sendToTab, TabReplyRefused } from '@/lib/send-to-tab';

function tabAnswering(answer: unknown): { tabs: { sendMessage: ReturnType<typeof vi.fn> } } {
  return { tabs: { sendMessage: vi.fn(async () => answer) } };
}

const fetched: AmoFetchAnswer = {
  origin: 'https://romashka.amocrm.ru',
  status: 200,
  contentType: 'application/hal+json',
  retryAfter: null,
  body: '{}',
};

describe('messages to the content script in an amoCRM tab', () => {
  it('goes to the tab’s top frame only, never to the panel frame inside it', async () => {
    const browser = tabAnswering(true);
    await sendToTab(browser as never, 7, { type: 'panel/close' });
    expect(browser.tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'panel/close' }, { frameId: 0 });
  });

  it.each([
    ['a fetch’s answer', { type: 'amo/fetch', path: '/api/v4/account' }, fetched],
    ['a failed fetch', { type: 'amo/fetch', path: '/api/v4/account' }, null],
    ['the panel opened', { type: 'panel/open' }, true],
    ['the panel closed', { type: 'panel/close' }, true],
  ] as const)('hands back %s as the content script gave it', async (_name, message, answer) => {
    await expect(sendToTab(tabAnswering(answer) as never, 7, message)).resolves.toEqual(answer);
  });

  it.each([
    ['nothing', { type: 'panel/open' }, undefined],
    [
      'a fetch answer without its origin',
      { type: 'amo/fetch', path: '/api/v4/account' },
      { ...fetched, origin: undefined },
    ],
    ['a fetch answer to a panel message', { type: 'panel/close' }, fetched],
    ['true to a fetch', { type: 'amo/fetch', path: '/api/v4/users' }, true],
  ] as const)('refuses %s, by the type of the message sent', async (_name, message, answer) => {
    await expect(sendToTab(tabAnswering(answer) as never, 7, message)).rejects.toBeInstanceOf(TabReplyRefused);
  });

  it('passes on the browser’s own failure when nothing listens in the tab', async () => {
    const browser = {
      tabs: { sendMessage: vi.fn(async () => Promise.reject(new Error('Receiving end does not exist.'))) },
    };
    await expect(sendToTab(browser as never, 7, { type: 'panel/open' })).rejects.toThrow(
      'Receiving end does not exist.',
    );
  });

  it('is typed: only the content script’s messages, and each reply as its type answers', async () => {
    const browser = tabAnswering(fetched) as never;
    const reply: AmoFetchAnswer | null = await sendToTab(browser, 7, { type: 'amo/fetch', path: '/api/v4/account' });
    expect(reply?.status).toBe(200);
    // @ts-expect-error: a message for the background is not one the content script takes.
    await expect(sendToTab(browser, 7, { type: 'data/wipe', confirm: 'wipe' })).rejects.toBeInstanceOf(Error);
    // @ts-expect-error: the panel's answer is `true`, not a fetch's answer.
    const wrong: AmoFetchAnswer = await sendToTab(tabAnswering(true) as never, 7, { type: 'panel/open' });
    expect(wrong).toBe(true);
  });
});
