import { describe, expect, it } from 'vitest';
import { BUNDLED_CATALOG } from '@/lib/catalog/bundled';
import { matchIngroupWidgets, policyVersionDiffers } from '@/lib/catalog/match';
import { POLICY_VERSION } from '@/lib/policy';

describe('matching installed widgets against the catalog', () => {
  it.each([
    ['nothing installed', [], []],
    ['only other vendors’ widgets', ['amo_chats', 'someone_else'], []],
    ['one Ingroup widget among others', ['amo_chats', 'ingroup_demo_reports'], ['ingroup_demo_reports']],
    [
      'several, in the order amoCRM lists them',
      ['ingroup_demo_telephony', 'x', 'ingroup_demo_autotasks'],
      ['ingroup_demo_telephony', 'ingroup_demo_autotasks'],
    ],
    ['a code that differs only in case', ['INGROUP_DEMO_REPORTS'], []],
  ])('finds %s', (_label, codes, expected) => {
    const matches = matchIngroupWidgets(
      codes.map((code) => ({ code })),
      BUNDLED_CATALOG,
      'bundled',
    );
    expect(matches.map((m) => m.code)).toEqual(expected);
  });

  it.each(['endpoint', 'bundled'] as const)('says each match came from the %s catalog, with its entry', (source) => {
    const [match] = matchIngroupWidgets([{ code: 'ingroup_demo_duplicates' }], BUNDLED_CATALOG, source);
    expect(match).toEqual({ code: 'ingroup_demo_duplicates', entry: BUNDLED_CATALOG.widgets[1], source });
  });

  it.each([
    ['the bundled policy', POLICY_VERSION, false],
    ['a new text under the same date', { ...POLICY_VERSION, sha256: 'b'.repeat(64) }, true],
    ['a later policy', { effectiveDate: '2026-01-01', sha256: 'a'.repeat(64) }, true],
  ])('asks for a review when the catalog speaks of %s: %s', (_label, policy, differs) => {
    expect(policyVersionDiffers({ ...BUNDLED_CATALOG, policy })).toBe(differs);
  });
});
