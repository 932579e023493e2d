import { describe, expect, it } from 'vitest';
import { problemCards, PROBLEMS } from '@/lib/panel/problems';
import { FLAGS } from '@/lib/policy';
import { REQUEST_TYPES } from '@/lib/vocabulary';

describe('the policy’s problems as cards', () => {
  it('gives every flag of the policy a severity, a law and a request type that exists', () => {
    expect(FLAGS.filter((f) => !PROBLEMS[f.id]).map((f) => f.id)).toEqual([]);
    expect(Object.keys(PROBLEMS).filter((id) => !FLAGS.some((f) => f.id === id))).toEqual([]);
    for (const view of Object.values(PROBLEMS)) expect(REQUEST_TYPES).toContain(view.action);
  });

  it('puts the serious ones first, keeping the policy’s order within a severity', () => {
    const cards = problemCards(FLAGS);
    expect(cards).toHaveLength(FLAGS.length);
    expect(cards.map((c) => c.severity)).toEqual(
      [...cards.map((c) => c.severity)].sort(
        (a, b) => ['serious', 'notable', 'minor'].indexOf(a) - ['serious', 'notable', 'minor'].indexOf(b),
      ),
    );
    expect(cards[0]?.flag.id).toBe('privacy-shield-invalid');
  });

  it('leaves out a flag it has no card for rather than inventing one', () => {
    expect(problemCards([{ id: 'a-new-flag' }])).toEqual([]);
  });
});
