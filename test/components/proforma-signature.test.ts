import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { ProformaSignature } from '../../src/components/proforma-signature/proforma-signature.js';
import type { ProformaSignatureChangeEvent } from '../../src/events/signature-change.js';

async function signaturePad(): Promise<ProformaSignature> {
  const element = await fixture<ProformaSignature>(
    html`<proforma-signature label="Designated safeguarding lead"></proforma-signature>`,
  );
  await element.updateComplete;
  return element;
}

const pad = (element: ProformaSignature) => element.shadowRoot!.querySelector('canvas')!;

/** Draws a stroke across the pad as a mouse would, through points given as fractions of its size. */
function drawStroke(element: ProformaSignature, points: Array<[number, number]>): void {
  const canvas = pad(element);
  const box = canvas.getBoundingClientRect();
  const at = ([x, y]: [number, number]) => ({
    clientX: box.left + x * box.width,
    clientY: box.top + y * box.height,
    pointerId: 1,
    pointerType: 'mouse',
    button: 0,
    bubbles: true,
  });
  const [first, ...rest] = points;
  canvas.dispatchEvent(new PointerEvent('pointerdown', at(first!)));
  for (const point of rest) canvas.dispatchEvent(new PointerEvent('pointermove', at(point)));
  canvas.dispatchEvent(new PointerEvent('pointerup', at(rest.at(-1) ?? first!)));
}

/** How many pixels of a PNG data URL have any ink (alpha above zero). */
async function inkedPixels(png: string): Promise<{ inked: number; transparentCorner: boolean }> {
  // createImageBitmap rather than an <img>: a test page in a background tab may never decode one.
  const bitmap = await createImageBitmap(await (await fetch(png)).blob());
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
  let inked = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) inked += 1;
  return { inked, transparentCorner: data[3] === 0 };
}

describe('<proforma-signature>', () => {
  it('starts empty, says so, and is accessible', async () => {
    const element = await signaturePad();

    expect(element.png).to.equal(undefined);
    expect(pad(element).getAttribute('aria-label')).to.equal('Designated safeguarding lead: No signature yet');
    await expect(element).to.be.accessible();
  });

  it('turns a drawn stroke into a transparent PNG, and says it was drawn', async () => {
    const element = await signaturePad();
    setTimeout(() =>
      drawStroke(element, [
        [0.1, 0.6],
        [0.3, 0.4],
        [0.5, 0.7],
        [0.8, 0.3],
      ]),
    );

    const event = (await oneEvent(element, 'proforma-signature-change')) as ProformaSignatureChangeEvent;

    expect(event.detail.method).to.equal('drawn');
    expect(event.detail.png).to.match(/^data:image\/png;base64,/);
    const { inked, transparentCorner } = await inkedPixels(event.detail.png!);
    expect(inked, 'the stroke is in the image').to.be.greaterThan(500);
    expect(transparentCorner, 'the background is transparent').to.equal(true);
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('Signature drawn');
  });

  it('signs with the keyboard alone by typing the name', async () => {
    const element = await signaturePad();
    element.shadowRoot!.querySelector<HTMLInputElement>('#typed')!.focus();

    await sendKeys({ type: 'Gwyn ŵ ŷ' });
    await element.updateComplete;

    expect(element.method).to.equal('typed');
    expect((await inkedPixels(element.png!)).inked).to.be.greaterThan(500);
    expect(pad(element).getAttribute('aria-label')).to.equal('Designated safeguarding lead: Signature typed: Gwyn ŵ ŷ');
    await expect(element).to.be.accessible();
  });

  it('clears the signature, with focus kept on the form', async () => {
    const element = await signaturePad();
    drawStroke(element, [
      [0.2, 0.5],
      [0.7, 0.5],
    ]);
    await element.updateComplete;
    const clear = [...element.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.includes('Clear'))!;

    setTimeout(() => clear.click());
    const event = (await oneEvent(element, 'proforma-signature-change')) as ProformaSignatureChangeEvent;

    expect(event.detail).to.deep.equal({ png: undefined, method: undefined });
    expect(element.png).to.equal(undefined);
    await element.updateComplete;
    expect(element.shadowRoot!.activeElement?.id, 'focus moves to the name field').to.equal('typed');
  });

  it('replaces a typed name when the person then draws', async () => {
    const element = await signaturePad();
    const typed = element.shadowRoot!.querySelector<HTMLInputElement>('#typed')!;
    typed.value = 'Ann Jones';
    typed.dispatchEvent(new Event('input'));
    await element.updateComplete;

    drawStroke(element, [
      [0.2, 0.5],
      [0.7, 0.6],
    ]);
    await element.updateComplete;

    expect(element.method).to.equal('drawn');
    expect(typed.value).to.equal('');
  });
});
