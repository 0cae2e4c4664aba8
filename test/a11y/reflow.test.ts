import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { deepQueryAll, isRendered, text } from './helpers.js';
import { checkEveryState } from './states.js';

// WCAG 2.2 1.4.10, Reflow: at 320 CSS px wide (1280 px at 400% zoom) nothing makes the page scroll
// sideways. A data table may scroll inside a box of its own, which the keyboard reaches and a
// screen reader names.

const WIDTH = 320;

/** The element a node sits in, crossing out of shadow roots. */
const parentOf = (element: Element): Element | null =>
  element.parentElement ?? ((element.parentNode as ShadowRoot | null)?.host || null);

/** Whether `element` sits in a box that scrolls sideways, that Tab reaches and that has a name to announce. */
function inNamedScrollRegion(element: Element): boolean {
  for (let box = parentOf(element); box && box !== document.body; box = parentOf(box)) {
    if (isNamedScrollRegion(box) && box.getBoundingClientRect().right <= WIDTH + 0.5) return true;
  }
  return false;
}

/** A box that scrolls sideways, that Tab reaches and that has a name to announce. */
function isNamedScrollRegion(box: Element): boolean {
  const overflow = getComputedStyle(box).overflowX;
  const named = box.hasAttribute('aria-label') || box.hasAttribute('aria-labelledby');
  return (overflow === 'auto' || overflow === 'scroll') && box.getAttribute('tabindex') === '0' && named;
}

const named = (element: Element) =>
  `<${element.localName}${element.id ? `#${element.id}` : ''}${element.className && typeof element.className === 'string' ? `.${element.className.split(' ').join('.')}` : ''}> “${text(element).slice(0, 30)}”`;

describe('every element in every state reflows at 320 px', function () {
  this.timeout(30_000);

  before(() => setViewport({ width: WIDTH, height: 640 }));
  after(() => setViewport({ width: 800, height: 600 }));

  checkEveryState(async (element) => {
    expect(document.documentElement.clientWidth, 'the viewport').to.equal(WIDTH);
    const wide = [element, ...deepQueryAll<Element>(element, '*')].filter(isRendered).flatMap((each) => {
      const box = each.getBoundingClientRect();
      // What overflows a box without scrolling it, such as a long word, reaches as far as its scroll width.
      const spills = getComputedStyle(each).overflowX === 'visible' ? box.left + each.scrollWidth : box.right;
      if (Math.max(box.right, spills) <= WIDTH + 0.5 && box.left >= -0.5) return [];
      if (inNamedScrollRegion(each)) return [];
      return [`${named(each)} spans ${box.left.toFixed(0)}–${Math.max(box.right, spills).toFixed(0)} px`];
    });
    expect(wide, wide.join('\n')).to.deep.equal([]);
    expect(document.documentElement.scrollWidth, 'the page scrolls sideways').to.be.at.most(WIDTH);
  });
});
