import { FLAGS } from '@/lib/policy';
import { PROBLEM_WORDS, problemCards } from '@/lib/panel/problems';
import type { RequestType } from '@/lib/vocabulary';
import { useI18n } from '../common/i18n';
import { rightLabel } from './Rights';
import { Section, SectionRef } from './Section';

/** Where the policy falls short of the law: a card per problem — severity, the quote with its §, the law, the sources, and the request that answers it. */
export function PolicyFlags({ onRequest }: { onRequest: (type: RequestType) => void }): preact.JSX.Element {
  const { t, lang } = useI18n();
  return (
    <Section id="flags" title={t('inventory.flags')}>
      <p class="muted">{PROBLEM_WORDS.intro[lang]}</p>
      <ul class="problems">
        {problemCards(FLAGS).map(({ flag, severity, law, action: type }) => {
          const action = t(rightLabel(type));
          return (
            <li key={flag.id} class={`problem severity-${severity}`} aria-labelledby={`flag-${flag.id}`}>
              <p class="severity">
                <span class="visually-hidden">{PROBLEM_WORDS.severity[lang]}: </span>
                {PROBLEM_WORDS[severity][lang]}
              </p>
              <h3 id={`flag-${flag.id}`}>{flag.title[lang]}</h3>
              <blockquote lang="en" class="quote">
                «{flag.quote}» <SectionRef section={flag.section} />
              </blockquote>
              <p>{flag.text[lang]}</p>
              <p class="law">
                <strong>{PROBLEM_WORDS.law[lang]}:</strong> {law[lang]}
              </p>
              <ul class="sources" aria-label={PROBLEM_WORDS.sources[lang]}>
                {flag.sources.map((source) => (
                  <li key={source.url}>
                    <a href={source.url} target="_blank" rel="noreferrer noopener">
                      {source.name}
                    </a>
                  </li>
                ))}
              </ul>
              {/* The name starts with the words shown, then names the problem (WCAG 2.5.3). */}
              <button
                type="button"
                class="primary"
                aria-label={`${action} — ${flag.title[lang]}`}
                onClick={() => onRequest(type)}
              >
                {action}
              </button>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
