import { FLAGS } from '@/lib/policy';
import { useI18n } from '../common/i18n';
import { Section, SectionRef } from './Section';

/** Where the policy falls short of the law, with the sources to check. */
export function PolicyFlags(): preact.JSX.Element {
  const { t, lang } = useI18n();
  return (
    <Section id="flags" title={t('inventory.flags')}>
      {FLAGS.map((flag) => (
        <div key={flag.id} class="notice flag">
          <h3>
            {flag.title[lang]} <SectionRef section={flag.section} />
          </h3>
          <blockquote lang="en" class="quote">
            «{flag.quote}»
          </blockquote>
          <p>{flag.text[lang]}</p>
          <ul class="sources">
            {flag.sources.map((source) => (
              <li key={source.url}>
                <a href={source.url} target="_blank" rel="noreferrer noopener">
                  {source.name}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </Section>
  );
}
