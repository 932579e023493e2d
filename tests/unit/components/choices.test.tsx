import { fireEvent, render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/components/common/i18n';
import { ChoicesSection } from '@/components/consent/ChoicesSection';
import type { PanelModel } from '@/lib/panel/model-schema';
import { BUNDLED_CATALOG } from '@/lib/catalog/bundled';
import { POLICY_VERSION } from '@/lib/policy';

const sent: unknown[] = [];
vi.mock('@/lib/send', () => ({
  send: vi.fn(async (message: unknown) => {
    sent.push(message);
    return { id: 'e1' };
  }),
}));

function model(choices: PanelModel['choices']): PanelModel {
  return {
    host: 'demo.amocrm.ru',
    account: null,
    snapshot: null,
    choices,
    consentHistory: [],
    requests: [],
    catalog: { catalog: BUNDLED_CATALOG, source: 'bundled', fetchedAt: null },
    evidence: null,
    marks: [],
    endpoint: {
      base: 'https://api.ingru.ru/privacy/v1',
      origin: 'https://api.ingru.ru',
      answeredAt: null,
      answeredVia: null,
      failedAt: null,
      problem: null,
      httpStatus: null,
    },
  };
}

describe('the panel’s choices', () => {
  beforeEach(() => {
    sent.length = 0;
  });

  it('offers a switch for each purpose with a choice and explains the ones without', () => {
    render(
      <I18nProvider lang="en">
        <ChoicesSection model={model({ marketing: null, improvements: null, third_party_combination: null })} />
      </I18nProvider>,
    );
    expect(screen.getAllByRole('switch').map((s) => (s as HTMLInputElement).checked)).toEqual([true, true, true]);
    expect(screen.getAllByText('Default under the policy — not chosen by you.')).toHaveLength(3);
    expect(screen.getByText(/administrative messages continue even after opting out/)).toBeTruthy();
    expect(screen.getByText(/38-FZ Art. 18/)).toBeTruthy();
  });

  it('shows the recorded choice and its policy version, and records a change through the background', () => {
    const at = '2026-11-20T10:00:00.000+03:00';
    render(
      <I18nProvider lang="en">
        <ChoicesSection
          model={model({
            marketing: { state: 'refused', at, policy: POLICY_VERSION, eventId: 'e0' },
            improvements: null,
            third_party_combination: null,
          })}
        />
      </I18nProvider>,
    );
    const marketing = screen.getByRole<HTMLInputElement>('switch', { name: /Promotional email/ });
    expect(marketing.checked).toBe(false);
    expect(screen.getByText(/Refused on .* under the policy of 2022-01-20/)).toBeTruthy();
    fireEvent.click(screen.getByRole('switch', { name: /Improvements and analytics/ }));
    expect(sent).toEqual([
      { type: 'consent/record', host: 'demo.amocrm.ru', purpose: 'improvements', state: 'refused', method: 'panel' },
    ]);
  });
});
