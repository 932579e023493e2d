import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, FLAGS, POLICY_TEXT_FILE, POLICY_VERSION, PURPOSES, STATEMENTS, isKnownPolicyVersion } from '@/lib/policy';

const text = readFileSync(POLICY_TEXT_FILE, 'utf8');
const normalise = (s: string): string => s.replace(/[’‘]/g, "'").replace(/\s+/g, ' ');

describe('the policy as data', () => {
  it('is identified by the SHA-256 of the bundled policy text', () => {
    expect(createHash('sha256').update(readFileSync(POLICY_TEXT_FILE)).digest('hex')).toBe(POLICY_VERSION.sha256);
    expect(isKnownPolicyVersion(POLICY_VERSION)).toBe(true);
    expect(isKnownPolicyVersion({ ...POLICY_VERSION, sha256: '0'.repeat(64) })).toBe(false);
  });

  it('lists the six categories §1 says the widgets collect', () => {
    expect(CATEGORIES.map((c) => c.key)).toEqual(['admin_name', 'admin_email', 'admin_phone', 'account_id', 'account_subdomain', 'account_user_count']);
  });

  it.each(STATEMENTS.map((s) => [s.id, s] as const))('statement %s quotes the policy and cites a section it has', (_id, statement) => {
    for (const part of statement.quote.split(' … ')) expect(normalise(text)).toContain(normalise(part));
    const number = statement.section.slice(1);
    expect(text).toMatch(new RegExp(`^${number.replace('.', '\\.')}[ .]`, 'm'));
  });

  it('cites sections as the text numbers them (3.1 under heading 2; no 5.2)', () => {
    const sections = new Set(STATEMENTS.map((s) => s.section));
    expect(sections.has('§5.2')).toBe(false);
    expect(PURPOSES.find((p) => p.key === 'operations')?.sections).toEqual(['§3.1']);
  });

  it('gives every purpose either a choice or the reason there is none', () => {
    const choices = PURPOSES.flatMap((p) => (p.choice.kind === 'none' ? [] : [p.choice.purpose]));
    expect(choices.sort()).toEqual(['improvements', 'marketing', 'third_party_combination']);
    for (const p of PURPOSES) if (p.choice.kind === 'none') expect(p.choice.reason.ru.length).toBeGreaterThan(10);
  });

  it('flags the three known problems, each with a source', () => {
    expect(FLAGS.map((f) => f.id)).toEqual(['privacy-shield-invalid', 'opt-out-ten-days', 'bundled-consent']);
    const shield = FLAGS.find((f) => f.id === 'privacy-shield-invalid')?.text.en;
    expect(shield).toContain('C-311/18');
    expect(shield).toContain('16 July 2020');
    for (const flag of FLAGS) expect(flag.sources.length).toBeGreaterThan(0);
  });
});
