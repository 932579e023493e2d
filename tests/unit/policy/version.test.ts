import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POLICY_TEXT_FILE, POLICY_VERSION, isKnownPolicyVersion } from '@/lib/policy/version';

describe('the policy version', () => {
  it('is the SHA-256 of the bundled policy text', () => {
    const digest = createHash('sha256').update(readFileSync(POLICY_TEXT_FILE)).digest('hex');
    expect(digest).toBe(POLICY_VERSION.sha256);
    expect(POLICY_VERSION.effectiveDate).toBe('2022-01-20');
  });

  it('names the effective date the text itself states', () => {
    expect(readFileSync(POLICY_TEXT_FILE, 'utf8')).toMatch(/Effective Date\s+January 20th, 2022/);
  });

  it.each([
    ['the bundled version', POLICY_VERSION, true],
    ['another text of the same date', { ...POLICY_VERSION, sha256: '0'.repeat(64) }, false],
    ['the same text under another date', { ...POLICY_VERSION, effectiveDate: '2023-01-20' }, false],
    ['a later policy', { effectiveDate: '2026-01-01', sha256: 'a'.repeat(64) }, false],
  ])('knows %s: %s', (_label, version, known) => {
    expect(isKnownPolicyVersion(version)).toBe(known);
  });
});
