import { PURPOSES, statementsOf, type Statement } from '@/lib/policy';
import { useI18n } from '../common/i18n';
import { Section, SectionRef } from './Section';

function StatementList({ statements }: { statements: Statement[] }): preact.JSX.Element {
  const { lang } = useI18n();
  return (
    <ul class="statements">
      {statements.map((s) => (
        <li key={s.id}>
          {s.text[lang]} <SectionRef section={s.section} />
          <blockquote lang="en" class="quote">
            «{s.quote}»
          </blockquote>
        </li>
      ))}
    </ul>
  );
}

/** Why, for whom, where and how long — each statement with the policy section it comes from. */
export function PolicyDetails(): preact.JSX.Element {
  const { t, lang } = useI18n();
  return (
    <>
      <Section id="purposes" title={t('inventory.purposes')}>
        <ul class="statements">
          {PURPOSES.map((p) => (
            <li key={p.key}>
              <strong>{p.label[lang]}</strong>: {p.text[lang]}{' '}
              {p.sections.map((s) => (
                <SectionRef key={s} section={s} />
              ))}
            </li>
          ))}
        </ul>
        <StatementList
          statements={[...statementsOf('acceptance'), ...statementsOf('legal_basis'), ...statementsOf('client_data')]}
        />
      </Section>
      <Section id="recipients" title={t('inventory.recipients')}>
        <StatementList
          statements={[...statementsOf('recipient'), ...statementsOf('source'), ...statementsOf('third_party')]}
        />
      </Section>
      <Section id="storage" title={t('inventory.storage')}>
        <StatementList
          statements={[...statementsOf('storage'), ...statementsOf('transfer'), ...statementsOf('security')]}
        />
      </Section>
      <Section id="retention" title={t('inventory.retention')}>
        <StatementList
          statements={[
            ...statementsOf('retention'),
            ...statementsOf('contact'),
            ...statementsOf('changes'),
            ...statementsOf('minors'),
          ]}
        />
      </Section>
    </>
  );
}
