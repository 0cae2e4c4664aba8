import { expect } from '@open-wc/testing';
import { deepQueryAll, isRendered, text } from './helpers.js';
import { checkEveryState } from './states.js';

// WCAG 2.2 2.5.8, Target Size (Minimum): everything a person can press, tick or type in is at least
// 24 by 24 CSS pixels, in every state of every element.

const MINIMUM = 24;
const INTERACTIVE = 'button, a[href], input:not([type="hidden"]), select, textarea, [role="button"], summary';

/**
 * The area that takes a click for a control. A radio button, checkbox or file input inside its
 * label is pressed through the label too, so the target is the two together.
 */
function targetArea(control: HTMLElement): { width: number; height: number } {
  const box = control.getBoundingClientRect();
  const label = control instanceof HTMLInputElement ? control.closest('label') : null;
  if (!label) return box;
  const around = label.getBoundingClientRect();
  const left = Math.min(box.left, around.left);
  const top = Math.min(box.top, around.top);
  return {
    width: Math.max(box.right, around.right) - left,
    height: Math.max(box.bottom, around.bottom) - top,
  };
}

/** How a control is named in a failure: its tag and its words. */
function named(control: HTMLElement): string {
  const words = text(control) || control.getAttribute('aria-label') || (control as HTMLInputElement).type || '';
  return `<${control.localName}> “${words.slice(0, 40)}”`;
}

describe('every control is a target of at least 24 × 24 px', function () {
  this.timeout(30_000);
  checkEveryState(async (element) => {
    const controls = deepQueryAll(element, INTERACTIVE).filter(isRendered);
    const small = controls.flatMap((control) => {
      const { width, height } = targetArea(control);
      return width < MINIMUM || height < MINIMUM
        ? [`${named(control)} is ${width.toFixed(1)} × ${height.toFixed(1)} px`]
        : [];
    });
    expect(small, small.join('\n')).to.deep.equal([]);
  });
});
