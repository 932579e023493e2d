import { useI18n } from '../common/i18n';
import type { ComponentChildren } from 'preact';

/** A titled part of the panel; the heading names the region for screen readers and takes the focus when the summary links to it. */
export function Section({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ComponentChildren;
}): preact.JSX.Element {
  return (
    <section aria-labelledby={`${id}-heading`} class="panel-section">
      <h2 id={`${id}-heading`} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The policy section a statement comes from, e.g. «§3.3», or the opening paragraph before §1. */
export function SectionRef({ section }: { section: string }): preact.JSX.Element {
  const { t } = useI18n();
  return <span class="section-ref">{section === 'preamble' ? t('inventory.preamble') : section}</span>;
}
