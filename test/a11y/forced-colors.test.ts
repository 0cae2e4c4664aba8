import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { deepQueryAll, isRendered, text } from './helpers.js';
import { checkEveryState, STATES } from './states.js';

// Forced colours (Windows High Contrast and the like): the system's few colours replace the page's.
// What a person needs to see stays visible in them: fields' edges, the focus outline, the chosen
// view, buttons that do nothing yet, error summaries, outcomes and the signature drawn on the pad.

type Rgba = [number, number, number, number];

function parseColor(color: string): Rgba {
  const parts = color.match(/[\d.]+/g)?.map(Number) ?? [];
  return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, color.startsWith('rgba') ? (parts[3] ?? 1) : 1];
}

function luminance([r, g, b]: Rgba): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The WCAG contrast ratio of two colours, from 1 to 21; a transparent colour contrasts with nothing. */
function contrast(one: string, other: string): number {
  const a = parseColor(one);
  const b = parseColor(other);
  if (a[3] === 0 || b[3] === 0) return 1;
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const parentOf = (element: Element): Element | null =>
  element.parentElement ?? ((element.parentNode as ShadowRoot | null)?.host || null);

/** The colour behind an element: the first background that is not transparent, out through shadow roots. */
function backdrop(element: Element): string {
  for (let at = parentOf(element); at; at = parentOf(at)) {
    const background = getComputedStyle(at).backgroundColor;
    if (parseColor(background)[3] > 0) return background;
  }
  return getComputedStyle(document.documentElement).backgroundColor;
}

const named = (element: Element) => `<${element.localName}> “${text(element).slice(0, 30)}”`;

/** Why the border of `element` could not be seen against what is behind it, if it could not. */
function unseenBorder(element: Element): string | undefined {
  const style = getComputedStyle(element);
  for (const side of ['Top', 'Right', 'Bottom', 'Left'] as const) {
    const width = parseFloat(style[`border${side}Width`]);
    if (style[`border${side}Style`] === 'none' || width === 0) continue;
    const ratio = contrast(style[`border${side}Color`], backdrop(element));
    if (ratio < 3) return `${named(element)}: its ${side.toLowerCase()} border contrasts ${ratio.toFixed(1)}:1`;
  }
  return undefined;
}

const hasBorder = (element: Element) => {
  const style = getComputedStyle(element);
  return style.borderTopStyle !== 'none' && parseFloat(style.borderTopWidth) > 0;
};

const FIELDS = 'input:not([type="radio"], [type="checkbox"], [type="file"], [type="hidden"]), select, textarea';
const FOCUSABLE = 'button, a[href], input:not([type="hidden"]), select, textarea, summary, [tabindex="0"]';

/** Why the focus outline of `control` could not be seen, if it could not; the control has the focus. */
function unseenFocus(control: HTMLElement): string | undefined {
  // A file input dressed as a button is see-through: its label shows the focus.
  const shown = getComputedStyle(control).opacity === '0' ? control.closest('label')! : control;
  const style = getComputedStyle(shown);
  if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) {
    return `${named(control)} shows no outline when focused`;
  }
  const ratio = contrast(style.outlineColor, backdrop(shown));
  return ratio < 3 ? `${named(control)}: its focus outline contrasts ${ratio.toFixed(1)}:1` : undefined;
}

function emulate(scheme: 'light' | 'dark'): Promise<unknown> {
  return executeServerCommand('emulate-media-features', {
    features: [
      { name: 'forced-colors', value: 'active' },
      { name: 'prefers-color-scheme', value: scheme },
    ],
  });
}

const stopEmulating = () => executeServerCommand('emulate-media-features', { features: [] });

const render = (name: string) => STATES.find((state) => state.name === name)!.render();

describe('in forced colours', function () {
  this.timeout(30_000);

  describe('fields, borders and focus outlines stay visible in every state of every element', () => {
    // Dark: light text on black, where anything drawn in the page's own dark ink would vanish.
    before(() => emulate('dark'));
    after(stopEmulating);

    checkEveryState(async (element) => {
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      const rendered = [element, ...deepQueryAll<Element>(element, '*')].filter(isRendered);
      const problems = rendered.flatMap((each) => unseenBorder(each) ?? []);
      for (const field of deepQueryAll(element, FIELDS).filter(isRendered)) {
        if (!hasBorder(field)) problems.push(`${named(field)} has no border`);
      }
      // A key press first, as a keyboard user's would be: focus then shows its outline.
      await sendKeys({ press: 'Shift' });
      for (const control of deepQueryAll(element, FOCUSABLE).filter(isRendered)) {
        control.focus();
        if (!control.matches(':focus')) continue;
        const unseen = unseenFocus(control);
        if (unseen) problems.push(unseen);
      }
      expect(problems, problems.join('\n')).to.deep.equal([]);
    });
  });

  for (const scheme of ['light', 'dark'] as const) {
    describe(`(${scheme})`, () => {
      before(() => emulate(scheme));
      after(stopEmulating);

      it('keeps the signature pad light, so the dark ink drawn on it shows', async () => {
        const element = await render('<proforma-signature> drawn');
        const pad = element.shadowRoot!.querySelector('canvas')!;

        expect(contrast(getComputedStyle(pad).backgroundColor, 'rgb(11, 12, 12)')).to.be.at.least(4.5);
        expect(unseenBorder(pad)).to.equal(undefined);
      });

      it('marks the view that is open apart from the others', async () => {
        const element = await render('<proforma-app> teacher, new assessment');
        const [current, other] = [
          element.shadowRoot!.querySelector('nav button[aria-current="page"]')!,
          element.shadowRoot!.querySelector('nav button:not([aria-current])')!,
        ].map((button) => getComputedStyle(button));

        expect(
          [current!.backgroundColor, current!.color],
          'the open view is drawn in other colours than the rest',
        ).to.not.deep.equal([other!.backgroundColor, other!.color]);
        expect(contrast(current!.backgroundColor, current!.color)).to.be.at.least(4.5);
      });

      it('shows a button that does nothing yet as unavailable', async () => {
        const element = await render('<proforma-register> long list');
        const buttons = deepQueryAll<HTMLButtonElement>(element, '.pages button');
        const [off, on] = ['true', 'false'].map((state) =>
          getComputedStyle(buttons.find((button) => button.getAttribute('aria-disabled') === state)!),
        );

        expect(off!.color, '“Previous page” on the first page').to.not.equal(on!.color);
      });

      it('draws the box of an error summary and the edge of an outcome', async () => {
        const withErrors = await render('<proforma-assessment> export panel with errors');
        const summary = deepQueryAll(withErrors, '.error-summary')[0]!;
        expect(hasBorder(summary), 'the error summary has a border').to.equal(true);
        expect(unseenBorder(summary)).to.equal(undefined);
        const link = summary.querySelector('a')!;
        expect(contrast(getComputedStyle(link).color, backdrop(link))).to.be.at.least(4.5);

        const outcome = deepQueryAll(await render('<proforma-assessment> not approved'), '[part="outcome"]')[0]!;
        expect(parseFloat(getComputedStyle(outcome).borderLeftWidth)).to.be.at.least(4);
        expect(unseenBorder(outcome)).to.equal(undefined);
      });
    });
  }
});
