import { describe, expect, it } from 'vitest';
import { CATEGORIES, STATEMENTS, statementsOf } from '@/lib/policy';
import { POLICY_SECTIONS } from '@/lib/policy/schema';
import { POLICY_TEXT, quotedIn, sectionTexts } from './policy-text';

const sections = sectionTexts();
const cyrillic = /[а-яё]/i;

describe('the policy statements', () => {
  it('know exactly the sections the text has, numbered as it numbers them', () => {
    expect([...sections.keys()]).toEqual([...POLICY_SECTIONS]);
    expect(sections.has('§3')).toBe(false);
    expect(sections.has('§5.2')).toBe(false);
  });

  it.each(STATEMENTS.map((s) => [s.id, s] as const))('%s quotes the section it cites', (_id, statement) => {
    expect(quotedIn(statement.quote, sections.get(statement.section) ?? '')).toBe(true);
  });

  it.each(CATEGORIES.map((c) => [c.key, c] as const))('category %s quotes §1', (_key, category) => {
    expect(category.section).toBe('§1');
    expect(quotedIn(category.quote, sections.get('§1') ?? '')).toBe(true);
  });

  it('lists the six categories §1 says the widgets collect, the administrator’s and the account’s', () => {
    expect(CATEGORIES.map((c) => [c.key, c.subject])).toEqual([
      ['admin_name', 'administrator'],
      ['admin_email', 'administrator'],
      ['admin_phone', 'administrator'],
      ['account_id', 'account'],
      ['account_subdomain', 'account'],
      ['account_user_count', 'account'],
    ]);
    expect(POLICY_TEXT).toContain('from the profile of the administrator who installed the widget');
  });

  it.each([
    ['source', ['§1']],
    ['legal_basis', ['§1']],
    ['acceptance', ['preamble']],
    ['client_data', ['§3.1', '§5.1']],
    ['recipient', ['§4', '§4.1', '§4.2', '§4.3', '§4.4', '§4.4', '§4.5']],
    ['right', ['§5.1', '§5.1', '§5.1', '§5.3']],
    ['third_party', ['§6']],
    ['transfer', ['§7']],
    ['storage', ['§9']],
    ['minors', ['§8']],
    ['security', ['§9']],
    ['retention', ['§5.1', '§10', '§10']],
    ['settings', ['§11']],
    ['changes', ['§12']],
    ['contact', ['§10', '§13']],
  ] as const)('covers %s in %j', (kind, expected) => {
    expect(statementsOf(kind).map((s) => s.section)).toEqual(expected);
  });

  it('says the opt-out takes up to ten business days and administrative mail continues (§5.3)', () => {
    const optOut = STATEMENTS.find((s) => s.id === 'right-opt-out');
    expect(optOut?.quote).toContain('up to ten (10) business days');
    expect(optOut?.text.en).toMatch(/administrative messages continue/);
    expect(optOut?.text.ru).toMatch(/служебные письма/);
  });

  it('gives support@ingru.ru as the one contact (§10, §13)', () => {
    for (const s of statementsOf('contact')) expect(s.quote).toContain('support@ingru.ru');
  });

  it('keeps paragraph breaks: a quote joining two paragraphs is not the policy’s text', () => {
    const joined = 'to contact that Visitor or User for administrative purposes such as customer service';
    expect(quotedIn(joined, sections.get('§3.3') ?? '')).toBe(false);
    expect(
      quotedIn(
        'to contact that Visitor or User\n\nfor administrative purposes such as customer service',
        sections.get('§3.3') ?? '',
      ),
    ).toBe(true);
  });

  it('quotes in full what a shortened quote used to drop (§5.1)', () => {
    expect(STATEMENTS.find((s) => s.id === 'right-access')?.quote).toContain(
      'that we have obtained from an Integrated Service',
    );
    expect(STATEMENTS.find((s) => s.id === 'right-backups')?.quote).toContain(
      'or where we otherwise reasonably believe that we have a legitimate reason to do so',
    );
  });

  it('has unique ids and speaks Russian in every Russian text', () => {
    expect(new Set(STATEMENTS.map((s) => s.id)).size).toBe(STATEMENTS.length);
    for (const s of STATEMENTS) expect(s.text.ru).toMatch(cyrillic);
    for (const c of CATEGORIES) expect(c.label.ru).toMatch(cyrillic);
  });
});
