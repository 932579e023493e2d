import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { I18nProvider } from '@/components/common/i18n';
import { Composer } from '@/components/requests/Composer';
import type { Snapshot } from '@/lib/amocrm/snapshot';
import { POLICY_VERSION } from '@/lib/policy/version';
import type { EndpointLiveness } from '@/lib/requests/liveness';
import type { RequestType } from '@/lib/vocabulary';

const sent: unknown[] = [];
vi.mock('@/lib/send', () => ({
  send: vi.fn(async (message: unknown) => {
    sent.push(message);
    return { id: 'x' };
  }),
}));

const snapshot: Snapshot = {
  host: 'demo.amocrm.ru',
  fetchedAt: 0,
  account: { id: 31415926, name: 'ООО «Ромашка»', subdomain: 'demo', country: 'RU' },
  admin: {
    id: 7001001,
    name: 'Анна Смирнова',
    email: 'anna@romashka.example',
    phone: '+7 912 345-67-89',
    isAdmin: true,
  },
  adminUnavailable: null,
  userCount: 12,
  widgets: [],
  widgetTotal: 40,
};

const NEVER_ANSWERED: EndpointLiveness = {
  base: 'https://api.ingru.ru/privacy/v1',
  origin: 'https://api.ingru.ru',
  answeredAt: null,
  answeredVia: null,
  failedAt: null,
  problem: null,
  httpStatus: null,
};
const ANSWERED: EndpointLiveness = {
  ...NEVER_ANSWERED,
  answeredAt: Date.parse('2026-03-02T09:00:00Z'),
  answeredVia: 'catalog',
};

function renderComposer(
  type: RequestType | undefined,
  onDone = vi.fn(),
  shown: Snapshot | null = snapshot,
  endpoint: EndpointLiveness = ANSWERED,
): void {
  render(
    <I18nProvider lang="en">
      <Composer
        host="demo.amocrm.ru"
        snapshot={shown}
        ingroupWidgets={[{ code: 'ingroup_demo_reports', name: 'Reports' }]}
        regime="ru152"
        initialType={type}
        endpoint={endpoint}
        onDone={onDone}
      />
    </I18nProvider>,
  );
}

function preview(): Record<string, unknown> {
  return JSON.parse(screen.getAllByText(/"requester"/)[0]?.textContent ?? '{}') as Record<string, unknown>;
}

/** The second step: the body shown again, and a Confirm that comes on only after a moment. */
async function confirmSecondStep(): Promise<void> {
  const step = await screen.findByRole('dialog', { name: /Check and confirm/ });
  const confirm = within(step).getByRole<HTMLButtonElement>('button', { name: 'Confirm' });
  await waitFor(() => expect(confirm.disabled).toBe(false), { timeout: 2_000 });
  fireEvent.click(confirm);
}

describe('the request composer', () => {
  beforeEach(() => {
    sent.length = 0;
    fakeBrowser.runtime.getManifest = () => ({
      manifest_version: 3,
      name: 'Ingroup Privacy for amoCRM',
      version: '1.2.3',
    });
  });

  it('is pre-filled with the administrator and previews exactly the body the background will send', async () => {
    const onDone = vi.fn();
    renderComposer('access', onDone);
    expect(screen.getByText('Анна Смирнова', { selector: 'strong' })).toBeTruthy();
    const shown = preview();
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    await confirmSecondStep();
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('x'));
    const draft = {
      type: 'access',
      locale: 'en',
      regime: 'ru152',
      widgets: ['ingroup_demo_reports'],
      requester: { userId: 7001001, name: 'Анна Смирнова', email: 'anna@romashka.example', phone: '+7 912 345-67-89' },
      account: { id: 31415926, subdomain: 'demo', host: 'demo.amocrm.ru' },
    };
    expect(sent).toEqual([{ type: 'request/submit', draft: { ...draft, host: 'demo.amocrm.ru' }, route: 'endpoint' }]);
    // The body adds what only the background decides, and nothing else.
    expect(shown).toEqual({
      ...draft,
      id: '(given when the request is saved)',
      createdAt: '(the time it is saved)',
      policy: POLICY_VERSION,
      ledger: '(the consent ledger’s head when the request is saved)',
      client: { name: 'ingroup-privacy-amocrm', version: '1.2.3' },
    });
  });

  it('goes by email by default while Ingroup’s endpoint has never answered, and says why', async () => {
    const onDone = vi.fn();
    renderComposer('access', onDone, snapshot, NEVER_ANSWERED);
    const email = screen.getByRole<HTMLInputElement>('radio', { name: /By email to support@ingru\.ru/ });
    expect(email.checked).toBe(true);
    expect(screen.getByRole('group', { name: 'Where the request goes' }).textContent).toMatch(
      /api\.ingru\.ru has not answered this browser yet/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save and show the letter' }));
    await confirmSecondStep();
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('x'));
    expect(sent).toEqual([expect.objectContaining({ type: 'request/submit', route: 'email' })]);
  });

  it('goes through the endpoint by default once it has answered, says when, and lets the admin choose email', async () => {
    renderComposer('access');
    expect(
      screen.getByRole<HTMLInputElement>('radio', { name: /Through Ingroup’s endpoint, api\.ingru\.ru/ }).checked,
    ).toBe(true);
    expect(screen.getByText(/answered on/)).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: /By email/ }));
    expect(screen.getByText(/Nothing is sent to the endpoint/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save and show the letter' }));
    await confirmSecondStep();
    await waitFor(() => expect(sent).toEqual([expect.objectContaining({ route: 'email' })]));
  });

  it('takes optional identity details for the letter, offers the account as the relationship, and keeps them out of the endpoint preview', async () => {
    renderComposer('access');
    fireEvent.click(screen.getByText('Identity details for a letter (optional)'));
    fireEvent.input(screen.getByLabelText('Identity document: number, date of issue, issuer'), {
      target: { value: 'passport 0000 000000 (fixture)' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Use the account: demo (ID 31415926)' }));
    expect(screen.getByLabelText<HTMLTextAreaElement>('How you relate to Ingroup').value).toContain(
      'administrator of the amoCRM account demo (demo.amocrm.ru, ID 31415926)',
    );
    expect(JSON.stringify(preview())).not.toContain('0000 000000');
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    await confirmSecondStep();
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      type: 'request/submit',
      draft: { identity: { document: 'passport 0000 000000 (fixture)' } },
    });
  });

  it('sends nothing on Send alone: the second step shows the same body, and its Confirm is off at first', async () => {
    const onDone = vi.fn();
    renderComposer('marketing_opt_in', onDone);
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    const step = screen.getByRole('dialog', { name: /Check and confirm/ });
    expect(within(step).getByText(/"marketing_opt_in"/).textContent).toBe(
      screen.getAllByText(/"requester"/)[0]?.textContent,
    );
    const confirm = within(step).getByRole<HTMLButtonElement>('button', { name: 'Confirm' });
    // A second click at once (a double click, or a decoy's) confirms nothing.
    fireEvent.click(confirm);
    expect(confirm.disabled).toBe(true);
    expect(sent).toEqual([]);
    // Backing out sends nothing either; the negative control (confirming) is the first test.
    fireEvent.click(within(step).getByRole('button', { name: 'Back, change nothing' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(sent).toEqual([]);
    expect(onDone).not.toHaveBeenCalled();
  });

  it('opens on an access request when no type is given, and offers every request type', () => {
    renderComposer(undefined);
    const type = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Request' });
    expect(type.value).toBe('access');
    expect([...type.options].map((o) => o.value)).toEqual([
      'access',
      'rectification',
      'erasure',
      'portability',
      'objection',
      'restriction',
      'withdraw_consent',
      'marketing_opt_out',
      'marketing_opt_in',
    ]);
  });

  it('says the request covers every widget when none is ticked', () => {
    renderComposer('access');
    fireEvent.click(screen.getByRole('checkbox', { name: /Reports/ }));
    expect(screen.getByText(/covers every Ingroup widget/)).toBeTruthy();
    expect(preview()).toMatchObject({ widgets: [] });
  });

  it('keeps the regime the admin picks, for this request and the account', async () => {
    renderComposer('access');
    fireEvent.change(screen.getByRole('combobox', { name: 'Law that sets the deadline' }), {
      target: { value: 'gdpr' },
    });
    expect(preview()).toMatchObject({ regime: 'gdpr' });
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    await confirmSecondStep();
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[0]).toEqual({ type: 'settings/regime', host: 'demo.amocrm.ru', regime: 'gdpr' });
    expect(sent[1]).toMatchObject({ type: 'request/submit', draft: { regime: 'gdpr' } });
  });

  it('cannot be filled in without the administrator’s profile, and says why', () => {
    renderComposer('access', vi.fn(), null);
    expect(screen.getByText(/did not show the administrator’s profile/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Send request' })).toBeNull();
  });

  it('cancels with no id', () => {
    const onDone = vi.fn();
    renderComposer('access', onDone);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onDone).toHaveBeenCalledWith(null);
    expect(sent).toEqual([]);
  });

  it('asks for an explicit confirmation before an erasure request', () => {
    renderComposer('erasure');
    const sendButton = screen.getByRole<HTMLButtonElement>('button', { name: 'Send request' });
    expect(sendButton.disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: /cannot be undone/ }));
    expect(sendButton.disabled).toBe(false);
  });

  it('needs a corrected value before a rectification request can be sent', () => {
    renderComposer('rectification');
    const sendButton = screen.getByRole<HTMLButtonElement>('button', { name: 'Send request' });
    expect(sendButton.disabled).toBe(true);
    fireEvent.input(screen.getByRole('textbox', { name: 'Correct value' }), { target: { value: 'Анна Петрова' } });
    expect(sendButton.disabled).toBe(false);
    expect(screen.getByText(/"corrections"/).textContent).toContain('Анна Петрова');
  });
});
