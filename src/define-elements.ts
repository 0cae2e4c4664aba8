import { ProformaAssessment } from './components/proforma-assessment/proforma-assessment.js';

/** The elements this library provides, by tag name without suffix. */
export const proformaElements = {
  'proforma-assessment': ProformaAssessment,
} as const;

export interface DefineOptions {
  /** Appended to every tag, e.g. `"school"` gives `<proforma-assessment-school>`. */
  suffix?: string;
}

/**
 * Registers the elements with the page. Safe to call more than once, and
 * alongside another copy of the library: a tag already taken is left alone.
 */
export function defineProformaElements(options: DefineOptions = {}): void {
  const suffix = options.suffix ? `-${options.suffix.replace(/^-+/, '')}` : '';
  for (const [tag, elementClass] of Object.entries(proformaElements)) {
    const name = `${tag}${suffix}`;
    if (customElements.get(name)) continue;
    // The registry refuses one constructor under two names, so a suffixed
    // tag gets a subclass of its own.
    customElements.define(name, suffix ? class extends elementClass {} : elementClass);
  }
}
