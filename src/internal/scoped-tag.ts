import { unsafeStatic, type StaticValue } from 'lit/static-html.js';
import { defineElement } from '../define-element.js';

/** The suffix `host` was registered with beyond `hostTag`: `school` for `<proforma-app-school>`, else ''. */
export function tagSuffixOf(host: HTMLElement, hostTag: string): string {
  return host.localName.startsWith(`${hostTag}-`) ? host.localName.slice(hostTag.length + 1) : '';
}

/**
 * The tag an element renders one of its inner elements with: the inner tag plus the suffix its
 * host was registered with, so `<proforma-assessment-school>` renders `<proforma-export-school>`.
 * Two copies of proforma on one page, each under its own suffix, then each render their own inner
 * elements. The inner element is registered under that tag when nothing holds it yet. For
 * lit's `static-html.js` templates.
 */
export function scopedTag(
  host: HTMLElement,
  hostTag: string,
  innerTag: string,
  innerClass: CustomElementConstructor,
): StaticValue {
  const suffix = tagSuffixOf(host, hostTag);
  defineElement(innerTag, innerClass, { suffix });
  return unsafeStatic(suffix ? `${innerTag}-${suffix}` : innerTag);
}
