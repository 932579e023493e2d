/** Every error code is worded in both languages, and the Russian words are Russian (STYLE 8). */
import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES, type ErrorParams } from '@/lib/errors';
import { describeError, ERROR_WORDS, errorText } from '@/lib/i18n/errors';

/** Params as rich as any code's, so every conditional sentence is said. */
const FULL: ErrorParams = {
  status: 503,
  retryAfterS: 4,
  said: 'Service Unavailable',
  host: 'demo.amocrm.ru',
  hosts: 'a.amocrm.ru, b.kommo.com',
  origin: 'https://privacy.example.org',
  id: 'r1',
  count: 2,
  message: 'disk full',
};

/** Words of the UI's own: the facts the params carry are taken out (hosts, statuses, what Ingroup said). */
function ownWords(text: string, params: ErrorParams): string {
  return Object.values(params).reduce<string>((rest, value) => rest.split(String(value)).join(' '), text);
}

/** A run of three Latin words is English prose (amoCRM, HTTP, IP, Ingroup and the like stand alone). */
const ENGLISH_PROSE = /\b[a-z]+\s+[a-z]+\s+[a-z]+\b/i;

describe('error words', () => {
  const cases = ERROR_CODES.flatMap((code) =>
    (['en', 'ru'] as const).flatMap((lang) => [
      { code, lang, params: {} },
      { code, lang, params: FULL },
    ]),
  );

  it.each(cases)('$code in $lang says what happened and what to do next', ({ code, lang, params }) => {
    const words = ERROR_WORDS[lang][code](params);
    expect(words.title.trim().length).toBeGreaterThan(5);
    expect(words.action.trim().length).toBeGreaterThan(5);
    expect(`${words.title} ${words.detail}`).not.toMatch(/undefined|\{\w+\}/);
  });

  it.each(ERROR_CODES)('%s in Russian is Russian, not English', (code) => {
    const { title, detail, action } = ERROR_WORDS.ru[code](FULL);
    for (const part of [title, action]) expect(part).toMatch(/[а-яё]/i);
    for (const part of [title, detail, action]) expect(ownWords(part, FULL)).not.toMatch(ENGLISH_PROSE);
  });

  it('the check for English catches English (negative control)', () => {
    expect(ownWords(ERROR_WORDS.en['account/unknown'](FULL).action, FULL)).toMatch(ENGLISH_PROSE);
  });

  it.each(['en', 'ru'] as const)('gives each code its own title in %s', (lang) => {
    const titles = ERROR_CODES.map((code) => ERROR_WORDS[lang][code]({}).title);
    expect(new Set(titles).size).toBe(ERROR_CODES.length);
  });

  it('puts the params in: the account, the status, the wait', () => {
    expect(errorText(new AppError('account/unknown', 'x', { host: 'ghost.amocrm.ru' }), 'ru')).toContain(
      'ghost.amocrm.ru',
    );
    expect(
      describeError(new AppError('endpoint/retryable', 'x', { status: 429, retryAfterS: 30 }), 'ru').detail,
    ).toMatch(/HTTP 429.*подождать 30 с/);
    expect(describeError(new AppError('endpoint/retryable', 'x'), 'en').detail).not.toMatch(/HTTP|wait \d/);
  });

  it('never shows the English log words of an AppError', () => {
    const error = new AppError('ledger/write_failed', 'LOG ONLY: the head moved three times');
    expect(errorText(error, 'en')).not.toContain('LOG ONLY');
    expect(errorText(error, 'ru')).not.toContain('LOG ONLY');
  });
});
