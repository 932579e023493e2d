/**
 * The Kantara Initiative's Consent Receipt v1.1 schema (vendored in ./kantara, see its README),
 * compiled with Ajv's draft-04 build, which is the draft the schema declares.
 */
import { readFileSync } from 'node:fs';
import Ajv04 from 'ajv-draft-04';
import type { ErrorObject, ValidateFunction } from 'ajv';

/** Relative to the repository root, where the test runners start. */
const dir = 'tests/support/kantara/';

/** The official file opens with `//` comment lines; they are dropped, nothing else is touched. */
export function readOfficial(name: string): unknown {
  const text = readFileSync(`${dir}${name}`, 'utf8');
  return JSON.parse(text.replace(/^\s*\/\/.*$/gm, ''));
}

export const KANTARA_SCHEMA = readOfficial('kantara-consent-receipt-v1_1-schema.json') as { $schema: string };
export const KANTARA_EXAMPLE = readOfficial('kantara-consent-receipt-v1_1-example.json');

let compiled: ValidateFunction | undefined;

/** Ajv's errors for a receipt, written as ajv prints them (`/piiControllers/0 must have …`); empty when it passes. */
export function kantaraErrors(receipt: unknown): string[] {
  compiled ??= new Ajv04({ allErrors: true, strict: false }).compile(KANTARA_SCHEMA);
  if (compiled(receipt)) return [];
  return (compiled.errors ?? []).map((e: ErrorObject) => `${e.instancePath} ${e.message ?? ''}`.trim());
}
