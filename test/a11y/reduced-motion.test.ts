import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { renderFromUrl, root, SOCIAL_FORM_URL } from '../components/helpers.js';
import { deepQueryAll, isRendered } from './helpers.js';
import { checkEveryState } from './states.js';

// WCAG 2.2 2.3.3 and prefers-reduced-motion: with motion reduced, nothing on the page moves by
// itself: no transition, no animation, no smooth scrolling.

/** The longest of a list of CSS times such as "0s, 0.3s". */
const longest = (times: string) => Math.max(...times.split(',').map((time) => parseFloat(time) || 0));

function moving(element: Element): string[] {
  const style = getComputedStyle(element);
  const found: string[] = [];
  if (longest(style.transitionDuration) > 0) found.push(`a transition of ${style.transitionDuration}`);
  if (style.animationName !== 'none' && longest(style.animationDuration) > 0) {
    found.push(`the animation ${style.animationName}`);
  }
  if (style.scrollBehavior === 'smooth') found.push('smooth scrolling');
  return found.map(
    (what) => `<${element.localName}${element.className ? `.${String(element.className)}` : ''}> has ${what}`,
  );
}

describe('with motion reduced', function () {
  this.timeout(30_000);

  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));

  describe('nothing moves in any state of any element', () => {
    checkEveryState(async (element) => {
      const moves = [element, ...deepQueryAll<Element>(element, '*')].filter(isRendered).flatMap(moving);
      expect(moves, moves.join('\n')).to.deep.equal([]);
    });
  });

  it('jumps to a question from the list of what blocks approval, even where the page scrolls smoothly', async () => {
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches, 'motion is reduced').to.equal(true);
    // A host page that asks for smooth scrolling, as many do.
    const smooth = document.createElement('style');
    smooth.textContent = 'html { scroll-behavior: smooth; }';
    document.head.append(smooth);
    const scrolls: Array<ScrollIntoViewOptions | boolean | undefined> = [];
    const scrollIntoView = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function (this: Element, options?: ScrollIntoViewOptions | boolean) {
      scrolls.push(options);
      scrollIntoView.call(this, options);
    };
    try {
      const element = await renderFromUrl(SOCIAL_FORM_URL);
      const link = root(element).querySelector<HTMLAnchorElement>('.reasons a')!;
      expect(link.textContent).to.contain('Name of the tool');
      link.scrollIntoView({ block: 'end', behavior: 'instant' });
      const before = window.scrollY;
      scrolls.length = 0;

      link.click();

      const question = root(element).querySelector('#q-tool-name')!.getBoundingClientRect();
      expect(window.scrollY, 'the page moved at once, with no animation').to.not.equal(before);
      expect(question.top, 'the question is on screen').to.be.within(0, window.innerHeight);
      expect(scrolls.length, 'scrolled into view').to.be.at.least(1);
      for (const options of scrolls) {
        expect(typeof options === 'object' ? options.behavior : undefined).to.not.equal('smooth');
      }
    } finally {
      Element.prototype.scrollIntoView = scrollIntoView;
      smooth.remove();
    }
  });
});
