/** The policy version the extension bundles: its effective date and the SHA-256 of its text. */
import { PolicyVersionSchema, type PolicyVersion } from '../vocabulary';

export const POLICY_VERSION: PolicyVersion = PolicyVersionSchema.parse({
  effectiveDate: '2022-01-20',
  sha256: '798bbae77da8aa56e178355f301f576cf58522a3576f63124604e15ec86abafb',
});

export const POLICY_TEXT_FILE = 'lib/policy/ingroup-privacy-policy-2022-01-20.txt';

export function isKnownPolicyVersion(version: PolicyVersion): boolean {
  return version.effectiveDate === POLICY_VERSION.effectiveDate && version.sha256 === POLICY_VERSION.sha256;
}
