import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { localized } from '../../internal/localization.js';
import { baseStyles } from '../../styles/base.styles.js';
import { styles } from './proforma-signature.styles.js';
import { ProformaSignatureChangeEvent, type SignatureMethod } from '../../events/signature-change.js';

/** The size of the signature image; the pad is drawn at this size and scaled to fit. */
const WIDTH = 900;
const HEIGHT = 300;
const INK = '#0b0c0c';

interface Point {
  x: number;
  y: number;
  /** Pen pressure, 0–1 (0.5 for a mouse). */
  pressure: number;
}

/**
 * A signature: drawn with a mouse, finger or pen, or typed as a name for
 * those who sign with the keyboard. The result is a transparent PNG.
 *
 * @summary Sign by drawing or by typing your name.
 *
 * @tag proforma-signature
 *
 * @fires {ProformaSignatureChangeEvent} proforma-signature-change - The signature was drawn, typed or cleared; `detail` has `png` and `method`.
 *
 * @csspart pad - The drawing area.
 *
 * @cssprop [--proforma-font-family=system-ui, sans-serif] - Font of the whole element.
 * @cssprop [--proforma-color-text=#0b0c0c] - Main text colour.
 * @cssprop [--proforma-color-muted=#505a5f] - The line that says how the signature stands.
 * @cssprop [--proforma-color-background=#ffffff] - Background of the drawing area and the typed name.
 * @cssprop [--proforma-color-border=#6f777b] - Border of the drawing area and the typed name.
 * @cssprop [--proforma-color-accent=#1d4f91] - Buttons.
 * @cssprop [--proforma-color-focus=#b35c00] - Focus outline colour, also around the drawing area.
 * @cssprop [--proforma-radius=4px] - Corner radius of the drawing area, field and buttons.
 */
@localized()
export class ProformaSignature extends LitElement {
  static override styles = [baseStyles, styles];

  @query('canvas') private canvas!: HTMLCanvasElement;

  @state() private typedName = '';

  @state() private madeBy: SignatureMethod | undefined;

  /** Whose signature this is, for the drawing area's label; e.g. "Designated safeguarding lead". */
  @property() label = '';

  /** Language of the element's words, dates and numbers; defaults to the nearest `lang`, then the page's. */
  @property() locale = '';

  /** Strokes drawn so far, kept so the pad can be redrawn. */
  private strokes: Point[][] = [];
  private drawing: Point[] | undefined;

  /** How the current signature was made, or `undefined` when there is none. */
  get method(): SignatureMethod | undefined {
    return this.madeBy;
  }

  /** The signature as a transparent PNG data URL, or `undefined` when there is none. */
  get png(): string | undefined {
    return this.method === undefined ? undefined : this.canvas?.toDataURL('image/png');
  }

  /** Removes the signature. */
  clear(): void {
    this.strokes = [];
    this.typedName = '';
    this.madeBy = undefined;
    this.paint();
  }

  private get context(): CanvasRenderingContext2D | null {
    return this.canvas?.getContext('2d') ?? null;
  }

  private pointAt(event: PointerEvent): Point {
    const box = this.canvas.getBoundingClientRect();
    return {
      x: ((event.clientX - box.left) / box.width) * WIDTH,
      y: ((event.clientY - box.top) / box.height) * HEIGHT,
      pressure: event.pointerType === 'pen' && event.pressure > 0 ? event.pressure : 0.5,
    };
  }

  private onPointerDown(event: PointerEvent): void {
    if (event.button !== 0) return;
    event.preventDefault();
    this.canvas.setPointerCapture(event.pointerId);
    if (this.method === 'typed') this.clear();
    this.drawing = [this.pointAt(event)];
    this.strokes.push(this.drawing);
    this.paint();
  }

  private onPointerMove(event: PointerEvent): void {
    if (!this.drawing) return;
    // Coalesced events keep fast strokes smooth on devices that batch them.
    const events = typeof event.getCoalescedEvents === 'function' ? event.getCoalescedEvents() : [event];
    for (const each of events.length > 0 ? events : [event]) this.drawing.push(this.pointAt(each));
    this.paint();
  }

  private onPointerUp(): void {
    if (!this.drawing) return;
    this.drawing = undefined;
    this.madeBy = 'drawn';
    this.typedName = '';
    this.announce();
  }

  private onTyped(event: Event): void {
    this.typedName = (event.target as HTMLInputElement).value;
    this.strokes = [];
    this.madeBy = this.typedName.trim() ? 'typed' : undefined;
    this.paint();
    this.announce();
  }

  private async onClear(): Promise<void> {
    this.clear();
    this.announce();
    // The button is gone once there is nothing to clear: carry focus to the name field.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#typed')?.focus();
  }

  private announce(): void {
    this.dispatchEvent(new ProformaSignatureChangeEvent({ png: this.png, method: this.method }));
  }

  /** Draws the pad from the strokes, or the typed name. */
  private paint(): void {
    const context = this.context;
    if (!context) return;
    context.clearRect(0, 0, WIDTH, HEIGHT);
    context.strokeStyle = INK;
    context.fillStyle = INK;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    if (this.typedName.trim()) {
      context.font = `italic 72px "Segoe Script", "Brush Script MT", "URW Chancery L", cursive`;
      context.textBaseline = 'middle';
      context.textAlign = 'center';
      context.fillText(this.typedName.trim(), WIDTH / 2, HEIGHT / 2, WIDTH - 40);
      return;
    }
    for (const stroke of this.strokes) drawStroke(context, stroke);
  }

  protected override firstUpdated(): void {
    this.paint();
  }

  override render(): TemplateResult {
    const who = this.label || msg('Signature');
    const described =
      this.method === 'drawn'
        ? msg('Signature drawn')
        : this.method === 'typed'
          ? msg(str`Signature typed: ${this.typedName.trim()}`)
          : msg('No signature yet');
    return html`<p id="how">${msg('Draw your signature with a mouse, finger or pen, or type your name below.')}</p>
      <canvas
        class="pad"
        part="pad"
        width=${WIDTH}
        height=${HEIGHT}
        role="img"
        aria-label=${`${who}: ${described}`}
        @pointerdown=${this.onPointerDown}
        @pointermove=${this.onPointerMove}
        @pointerup=${this.onPointerUp}
        @pointercancel=${this.onPointerUp}
      ></canvas>
      <label for="typed">${msg('Or type your name to sign')}</label>
      <input id="typed" type="text" autocomplete="name" .value=${this.typedName} @input=${this.onTyped} />
      <p class="status" role="status">${described}</p>
      ${
        this.method === undefined
          ? nothing
          : html`<button type="button" @click=${this.onClear}>${msg('Clear the signature')}</button>`
      }`;
  }
}

/**
 * A stroke as a smooth line: quadratic curves through the midpoints between
 * samples, a little thicker where a pen presses harder.
 */
function drawStroke(context: CanvasRenderingContext2D, stroke: Point[]): void {
  const first = stroke[0];
  if (!first) return;
  if (stroke.length === 1) {
    context.beginPath();
    context.arc(first.x, first.y, 2 + 3 * first.pressure, 0, Math.PI * 2);
    context.fill();
    return;
  }
  for (let i = 1; i < stroke.length; i += 1) {
    const before = stroke[i - 1]!;
    const point = stroke[i]!;
    const after = stroke[i + 1];
    context.lineWidth = 2 + 4 * point.pressure;
    context.beginPath();
    const start = i === 1 ? before : midpoint(before, point);
    context.moveTo(start.x, start.y);
    const end = after ? midpoint(point, after) : point;
    context.quadraticCurveTo(point.x, point.y, end.x, end.y);
    context.stroke();
  }
}

const midpoint = (a: Point, b: Point) => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

declare global {
  interface HTMLElementTagNameMap {
    'proforma-signature': ProformaSignature;
  }
}
