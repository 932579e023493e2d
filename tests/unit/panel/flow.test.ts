import { describe, expect, it } from 'vitest';
import { buildFlow, FLOW_RECIPIENTS, wrapWords } from '@/lib/panel/flow';
import { FLAGS, STATEMENTS } from '@/lib/policy';

describe('the data-flow picture’s data', () => {
  it('ties every arrow to a statement of the policy, with its section', () => {
    const ids = new Set(STATEMENTS.map((s) => s.id));
    expect(FLOW_RECIPIENTS.filter((r) => !ids.has(r.statement))).toEqual([]);
    const flow = buildFlow(['Автозадачи'], 'en');
    expect(flow.recipients.map((r) => [r.id, r.section])).toEqual([
      ['providers', '§4.2'],
      ['affiliates', '§9'],
      ['acquirer', '§4.5'],
      ['authorities', '§4.4'],
      ['third-parties', '§4'],
      ['aggregated', '§4.3'],
      ['us-transfer', '§7'],
      ['anywhere', '§9'],
    ]);
  });

  it('puts every flag of the policy on exactly one arrow: the transfer ones on theirs, the rest on the arrow into Ingroup', () => {
    const flow = buildFlow([], 'ru');
    const placed = [...flow.collection.flags, ...flow.recipients.flatMap((r) => r.flags)].map((f) => f.id);
    expect([...placed].sort()).toEqual(FLAGS.map((f) => f.id).sort());
    expect(flow.recipients.find((r) => r.id === 'us-transfer')?.flags.map((f) => f.id)).toEqual([
      'privacy-shield-invalid',
    ]);
    expect(flow.collection.flags.map((f) => f.id)).not.toContain('privacy-shield-invalid');
  });

  it('wraps a label at spaces within the width, keeping every word', () => {
    const text = 'Storage "anywhere in the world", the US included §9';
    const lines = wrapWords(text, 20);
    expect(lines.every((l) => l.length <= 20)).toBe(true);
    expect(lines.join(' ')).toBe(text);
  });
});
