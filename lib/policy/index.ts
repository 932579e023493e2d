export { CATEGORIES, STATEMENTS, statementsOf } from './statements';
export { FLAGS } from './flags';
export { PURPOSES, type Purpose } from './purposes';
export { POLICY_VERSION, POLICY_TEXT_FILE, isKnownPolicyVersion } from './version';
export type { Category, CategoryKey, Flag, Statement, Bilingual } from './schema';
