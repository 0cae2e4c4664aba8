export interface DefineOptions {
  /** Appended to every tag, e.g. `"school"` gives `<proforma-assessment-school>`. */
  suffix?: string;
}

/**
 * Registers one element under its tag (plus any suffix). Safe to call more
 * than once, and alongside another copy of the library: a tag already taken
 * is left alone.
 */
export function defineElement(tag: string, elementClass: CustomElementConstructor, options: DefineOptions = {}): void {
  const suffix = options.suffix ? `-${options.suffix.replace(/^-+/, '')}` : '';
  const name = `${tag}${suffix}`;
  if (customElements.get(name)) return;
  // The registry refuses one constructor under two names, so a suffixed tag
  // gets a subclass of its own.
  customElements.define(name, suffix ? class extends elementClass {} : elementClass);
}
