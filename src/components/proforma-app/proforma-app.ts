import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { repeat } from 'lit/directives/repeat.js';
import { html as staticHtml, unsafeStatic, type StaticValue } from 'lit/static-html.js';
import { msg } from '@lit/localize';
import { languageOf, localized } from '../../internal/localization.js';
import { ProformaAssessment } from '../proforma-assessment/proforma-assessment.js';
import { defineElement } from '../../define-element.js';
import { tagSuffixOf } from '../../internal/scoped-tag.js';
import type { ProformaDraftCreatedEvent } from '../../events/draft-created.js';
import type { ProformaOpenDraftEvent } from '../../events/open-draft.js';
import { parseFormList, type BuiltInFormId, type FormListItem } from '../../internal/form-list.js';
import { fetchFormJson, FormLoadError } from '../../internal/load-form.js';
import type { FormDefinition } from '../../model/form-definition.js';
import { checkFormDefinition } from '../../model/form-rules.js';
import { resolveText } from '../../model/text.js';
import { baseStyles } from '../../styles/base.styles.js';
import {
  isAppMode,
  unknownFormWords,
  unknownModeWords,
  viewsOfMode,
  viewWords,
  type AppMode,
  type AppView,
} from './app-words.js';
import { styles } from './proforma-app.styles.js';

export type { AppMode, AppView } from './app-words.js';

const APP_TAG = 'proforma-app';

type LazyView = Exclude<AppView, 'assess'>;

/** The element of each view, without suffix. */
const VIEW_TAGS = {
  assess: 'proforma-assessment',
  drafts: 'proforma-drafts',
  verify: 'proforma-verify',
  register: 'proforma-register',
} as const satisfies Record<AppView, string>;

/** The elements of the views other than "New assessment", loaded when their view is first opened. */
const LAZY_ELEMENTS: Record<LazyView, () => Promise<CustomElementConstructor>> = {
  drafts: async () => (await import('../proforma-drafts/proforma-drafts.js')).ProformaDrafts,
  verify: async () => (await import('../proforma-verify/proforma-verify.js')).ProformaVerify,
  register: async () => (await import('../proforma-register/proforma-register.js')).ProformaRegister,
};

/** A form of the list, read and checked; or why it could not be. */
type CatalogueEntry =
  { url: string; form: FormDefinition } | { url: string; problem: { title: string; problems: string[] } };

/** Code a view waits for. A failure is final: the page must be loaded again. */
type Loading = 'loading' | 'ready' | 'failed';

/**
 * The whole of proforma as one element for a VLE or intranet page: a
 * navigation between a new assessment, the teacher's drafts, checking a signed
 * PDF and the register of approved tools, configured by attributes. Each view's
 * element loads when the view is first opened.
 *
 * Every event of the elements inside (`proforma-change`, `proforma-open-draft`,
 * `proforma-pdf-exported`, `proforma-verified`, `proforma-register-change`, …)
 * reaches the host page from this element.
 *
 * @summary A teacher's or IT lead's proforma in one element: assess, drafts, verify and register.
 *
 * @tag proforma-app
 *
 * @csspart masthead - The school's logo and name.
 * @csspart nav - The navigation between views.
 * @csspart view - Each view, with its heading.
 *
 * @cssprop [--proforma-logo-height=3rem] - Height of the school's logo.
 * @cssprop [--proforma-font-family=system-ui, sans-serif] - Font of the whole element and the views in it.
 * @cssprop [--proforma-color-text=#0b0c0c] - Main text colour.
 * @cssprop [--proforma-color-muted=#505a5f] - Hint text.
 * @cssprop [--proforma-color-background=#ffffff] - Background of the element and its fields.
 * @cssprop [--proforma-color-border=#6f777b] - Lines under the masthead and the navigation.
 * @cssprop [--proforma-color-accent=#1d4f91] - Buttons, links, and the view that is open.
 * @cssprop [--proforma-color-focus=#b35c00] - Focus outline colour.
 * @cssprop [--proforma-color-not-approved=#b10e1e] - Messages when a form or view cannot be loaded.
 * @cssprop [--proforma-radius=4px] - Corner radius of buttons, fields and boxes.
 */
@localized()
export class ProformaApp extends LitElement {
  static override styles = [baseStyles, styles];

  /** Which views have been opened: each keeps its state while another is shown. */
  @state() private opened: ReadonlySet<AppView> = new Set();
  @state() private elements: Partial<Record<LazyView, Loading>> = {};
  /** The addresses of built-in forms, worked out by a small module of their own. */
  @state() private builtInForms: Loading | undefined;
  /** The forms of the list, read and checked, by the list's addresses; `entries` is unset while they load. */
  @state() private catalogue: { key: string; entries: CatalogueEntry[] | undefined } | undefined;
  /** The form chosen for the assessment, when the list has several, or the form of an opened draft. */
  @state() private chosenUrl: string | undefined;
  /** The draft the assessment is editing, once it has one. */
  @state() private draftId = '';
  /** Changes to start a fresh `<proforma-assessment>`. */
  @state() private assessmentKey = 0;
  @state() private announcement = '';

  /** Who the element is for: `teacher` (the default), `register` (the IT lead) or `public` (staff reading the published register). */
  @property() mode: string = 'teacher';

  /** The view shown: `assess`, `drafts`, `verify` or `register`; the mode's first view unless set. Follows the person's choice. */
  @property({ reflect: true }) view: string | undefined;

  /** The forms offered, separated by spaces or commas: built-in ids (`social-tool-risk-assessment`, `social-media-account-request`) or URLs of form definitions. */
  @property() forms = '';

  /** Address of the published register file ("Export for staff") shown read-only as "Approved tools". */
  @property({ attribute: 'register-src' }) registerSrc = '';

  /** A shared register's CouchDB database, passed on to the IT lead's register (`couch-url` of `<proforma-register>`), and to a teacher's assessment, to send signed PDFs to the IT lead. */
  @property({ attribute: 'couch-url' }) couchUrl = '';

  /** The trust's register on CouchDB (`…/proforma-<trust>-trust`), passed on to a teacher's assessment: a tool the trust's other schools assessed may be started from their answers. */
  @property({ attribute: 'trust-url' }) trustUrl = '';

  /** Whether requests to `couch-url` carry cookies: `include`, or `same-origin`/`omit` behind a site's own sign-in. */
  @property() credentials = 'include';

  /** Keeps this page's drafts and register apart from other embeds on the same site. */
  @property() namespace = 'default';

  /** The school's name, at the top and on the signed PDF. */
  @property({ attribute: 'school-name' }) schoolName = '';

  /** URL of the school's logo (PNG or JPEG), at the top and on the signed PDF. */
  @property({ attribute: 'logo-src' }) logoSrc = '';

  /** Language of the words, of form texts given in several languages, and of dates; defaults to the nearest `lang`, then the page's. */
  @property() locale = '';

  #formItems: FormListItem[] = [];
  #builtInFormUrl: ((id: BuiltInFormId) => string) | undefined;
  readonly #warnedViews = new Set<string>();
  /** Whether a view's heading had focus when this update began. */
  #headingHadFocus = false;

  override connectedCallback(): void {
    super.connectedCallback();
    // The default view's element comes with this one; it is registered under this element's suffix.
    defineElement(VIEW_TAGS.assess, ProformaAssessment, { suffix: this.#tagSuffix });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A view's heading about to give way to the heading of the element it shows passes focus on (see `updated`).
    this.#headingHadFocus = this.shadowRoot?.activeElement?.id.startsWith('heading-') ?? false;
    if (changed.has('forms')) this.#formItems = parseFormList(this.forms, document.baseURI);
    if (!isAppMode(this.mode)) return;
    const view = this.#activeView;
    if (!this.opened.has(view)) this.opened = new Set([...this.opened, view]);
    this.#prepare(view);
  }

  protected override updated(): void {
    if (this.#headingHadFocus && !this.shadowRoot?.activeElement) this.#focusHeading(this.#activeView);
  }

  /** `-school` when this element is `<proforma-app-school>`: the elements inside take the same suffix. */
  get #tagSuffix(): string {
    const suffix = tagSuffixOf(this, APP_TAG);
    return suffix ? `-${suffix}` : '';
  }

  /** An inner element's tag, with this element's suffix (lit's static templates are cached by the tag's text). */
  #tag(name: string): StaticValue {
    return unsafeStatic(this.#suffixedTag(name));
  }

  /** An inner element's tag name, with this element's suffix. */
  #suffixedTag(name: string): string {
    return `${name}${this.#tagSuffix}`;
  }

  /** The views of this mode, in the order of the navigation. */
  get #views(): AppView[] {
    return viewsOfMode(isAppMode(this.mode) ? this.mode : 'teacher', this.registerSrc !== '');
  }

  get #activeView(): AppView {
    const views = this.#views;
    const asked = this.view as AppView | undefined;
    if (asked && views.includes(asked)) return asked;
    if (asked && !this.#warnedViews.has(asked)) {
      this.#warnedViews.add(asked);
      console.warn(`proforma-app: no view "${asked}" in ${this.mode} mode; the views are ${views.join(', ')}.`);
    }
    return views[0]!;
  }

  /** The published register shown read-only: everywhere but in the IT lead's mode. */
  get #registerIsPublished(): boolean {
    return this.mode !== 'register';
  }

  /** Starts loading what `view` needs: its element and, for the views that work with forms, the forms. */
  #prepare(view: AppView): void {
    if (view !== 'assess' && !(view === 'register' && this.#registerIsPublished && !this.registerSrc)) {
      void this.#loadElement(view);
    }
    const usesCatalogue =
      view === 'drafts' || (view === 'register' && !this.#registerIsPublished) || (view === 'assess' && this.#choosing);
    if (view === 'assess' || usesCatalogue) void this.#loadBuiltInForms();
    if (usesCatalogue) void this.#loadCatalogue();
  }

  async #loadElement(view: LazyView): Promise<void> {
    if (this.elements[view]) return;
    this.elements = { ...this.elements, [view]: 'loading' };
    let loaded: Loading;
    try {
      defineElement(VIEW_TAGS[view], await LAZY_ELEMENTS[view](), { suffix: this.#tagSuffix });
      if (view === 'drafts' && this.couchUrl) {
        // With a shared register, a teacher's drafts sit beside what they sent to the IT lead.
        const { ProformaSubmissions } = await import('../proforma-submissions/proforma-submissions.js');
        defineElement('proforma-submissions', ProformaSubmissions, { suffix: this.#tagSuffix });
      }
      loaded = 'ready';
    } catch (error) {
      console.error(error);
      loaded = 'failed';
    }
    this.elements = { ...this.elements, [view]: loaded };
  }

  async #loadBuiltInForms(): Promise<void> {
    if (this.builtInForms || !this.#formItems.some((item) => item.kind === 'built-in')) return;
    this.builtInForms = 'loading';
    try {
      this.#builtInFormUrl = (await import('../../internal/built-in-forms.js')).builtInFormUrl;
      this.builtInForms = 'ready';
    } catch (error) {
      console.error(error);
      this.builtInForms = 'failed';
    }
  }

  /**
   * The addresses of the forms in the list that can be loaded, or `undefined`
   * while the addresses of built-in forms are being worked out.
   */
  get #formUrls(): string[] | undefined {
    const urls: string[] = [];
    for (const item of this.#formItems) {
      if (item.kind === 'url') urls.push(item.url);
      else if (item.kind === 'built-in') {
        if (!this.#builtInFormUrl) return undefined;
        urls.push(this.#builtInFormUrl(item.id));
      }
    }
    return urls;
  }

  /** Whether the teacher has a form to choose before there is an assessment. */
  get #choosing(): boolean {
    return this.#formItems.filter((item) => item.kind !== 'unknown').length > 1 && this.#assessedUrl === undefined;
  }

  /** The address of the form the assessment uses, once there is one. */
  get #assessedUrl(): string | undefined {
    const urls = this.#formUrls;
    if (!urls) return undefined;
    if (this.chosenUrl !== undefined && urls.includes(this.chosenUrl)) return this.chosenUrl;
    return urls.length === 1 ? urls[0] : undefined;
  }

  /** Reads and checks every form of the list: to choose one, to open drafts, and for the register. */
  async #loadCatalogue(): Promise<void> {
    const urls = this.#formUrls;
    if (!urls) return;
    const key = urls.join(' ');
    if (this.catalogue?.key === key) return;
    this.catalogue = { key, entries: undefined };
    const entries = await Promise.all(urls.map((url) => this.#readForm(url)));
    // The list may have changed meanwhile: then these are not its forms.
    if (this.catalogue?.key === key) this.catalogue = { key, entries };
  }

  async #readForm(url: string): Promise<CatalogueEntry> {
    try {
      const json = await fetchFormJson(url);
      const form = checkFormDefinition(json);
      if (form) return { url, form };
      const words = await import('../proforma-assessment/form-problems.js');
      return { url, problem: words.describeFormProblems(json) };
    } catch (error) {
      const problem = error instanceof FormLoadError ? error.message : String(error);
      return { url, problem: { title: msg('The form could not be loaded'), problems: [problem] } };
    }
  }

  /** The forms of the list that were read and passed their checks. */
  get #readyForms(): FormDefinition[] {
    return (this.#currentCatalogue ?? []).flatMap((entry) => ('form' in entry ? [entry.form] : []));
  }

  /** The forms of the current list, read and checked; `undefined` until they are. */
  get #currentCatalogue(): CatalogueEntry[] | undefined {
    return this.catalogue?.key === this.#formUrls?.join(' ') ? this.catalogue?.entries : undefined;
  }

  get #language(): string {
    return languageOf(this);
  }

  /** Opens a view as the person asked: focus goes to its heading, and its name is announced. */
  async #openView(view: AppView): Promise<void> {
    this.view = view;
    this.announcement = viewWords(view, this.mode as AppMode);
    await this.updateComplete;
    this.#focusHeading(view);
  }

  /**
   * Whether the register view shows `<proforma-register>`, whose own heading then names the view:
   * one heading, not "Register" over "Approved tools".
   */
  get #registerNamesItsView(): boolean {
    if (this.elements.register !== 'ready') return false;
    if (this.#registerIsPublished) return this.registerSrc !== '';
    return this.builtInForms !== 'failed' && this.#currentCatalogue !== undefined;
  }

  /** Focus on the heading of `view`: this element's, or the register's own. */
  #focusHeading(view: AppView): void {
    const heading = this.renderRoot.querySelector<HTMLElement>(`#heading-${view}`);
    if (heading) heading.focus();
    else if (view === 'register')
      void this.renderRoot.querySelector<HTMLElement>(this.#suffixedTag('proforma-register'))?.focus();
  }

  #chooseForm(url: string): void {
    this.chosenUrl = url;
    this.draftId = '';
    this.assessmentKey += 1;
    void this.#openView('assess');
  }

  #startAgain(): void {
    this.chosenUrl = undefined;
    this.draftId = '';
    this.assessmentKey += 1;
    void this.#openView('assess');
  }

  #onOpenDraft(event: ProformaOpenDraftEvent): void {
    // <proforma-drafts> offers to open only drafts of the forms it is given, which are these.
    const entry = this.#currentCatalogue?.find((each) => 'form' in each && each.form.id === event.detail.formId);
    if (!entry) return;
    this.chosenUrl = entry.url;
    this.draftId = event.detail.draftId;
    this.assessmentKey += 1;
    void this.#openView('assess');
  }

  #onDraftCreated(event: ProformaDraftCreatedEvent): void {
    this.draftId = event.detail.draftId;
  }

  override render(): TemplateResult {
    if (!isAppMode(this.mode)) return html`<p class="problem">${unknownModeWords(this.mode)}</p>`;
    const mode = this.mode;
    const active = this.#activeView;
    const shown = this.#views.filter((view) => this.opened.has(view));
    return html`${this.#renderMasthead()}
    ${
      mode === 'public'
        ? nothing
        : html`<nav part="nav" aria-label=${msg('Risk assessment')}>
              <ul>
                ${this.#views.map(
                  (view) =>
                    html`<li>
                      <button
                        type="button"
                        aria-current=${view === active ? 'page' : nothing}
                        @click=${() => this.#openView(view)}
                      >
                        ${viewWords(view, mode)}
                      </button>
                    </li>`,
                )}
              </ul>
            </nav>
            <p class="visually-hidden" role="status">${this.announcement}</p>`
    }
    ${repeat(
      shown,
      (view) => view,
      (view) =>
        // Not a named region: the elements inside name their own.
        html`<div class="view" part="view" ?hidden=${view !== active}>
          ${
            view === 'register' && this.#registerNamesItsView
              ? nothing
              : html`<h2 id=${`heading-${view}`} tabindex="-1">${viewWords(view, mode)}</h2>`
          }
          ${this.#renderView(view)}
        </div>`,
    )}`;
  }

  #renderMasthead(): TemplateResult | typeof nothing {
    if (!this.schoolName && !this.logoSrc) return nothing;
    // The school's name is written beside the logo, so the logo itself says nothing more.
    return html`<div class="masthead" part="masthead">
      ${this.logoSrc ? html`<img class="logo" src=${this.logoSrc} alt="" />` : nothing}
      ${this.schoolName ? html`<p class="school">${this.schoolName}</p>` : nothing}
    </div>`;
  }

  #renderView(view: AppView): TemplateResult {
    if (view === 'assess') return this.#renderAssess();
    if (view === 'register' && this.#registerIsPublished && !this.registerSrc) {
      return html`<p class="problem">
        ${msg('No register to show: this page gives no register-src, the address of the published register file.')}
      </p>`;
    }
    const loaded = this.elements[view];
    if (loaded === 'failed') return this.#renderLoadFailure();
    if (loaded !== 'ready') return this.#renderLoading();
    switch (view) {
      case 'drafts':
        return this.#renderDrafts();
      case 'verify':
        return staticHtml`<${this.#tag('proforma-verify')} locale=${this.#language} .forms=${this.#readyForms}></${this.#tag('proforma-verify')}>`;
      case 'register':
        return this.#registerIsPublished
          ? staticHtml`<${this.#tag('proforma-register')}
              readonly
              src=${this.registerSrc}
              locale=${this.#language}
            ></${this.#tag('proforma-register')}>`
          : this.#renderRegister();
    }
  }

  #renderLoading(): TemplateResult {
    return html`<p role="status">${msg('Loading…')}</p>`;
  }

  #renderLoadFailure(): TemplateResult {
    return html`<p class="problem" role="alert">
      ${msg('This part could not be loaded. Check your connection, then reload the page.')}
    </p>`;
  }

  /** Says which names in the list are not forms, and which forms could not be read. */
  #renderFormProblems(withCatalogue: boolean): TemplateResult | typeof nothing {
    const unknown = this.#formItems.flatMap((item) => (item.kind === 'unknown' ? [item.text] : []));
    const failed = withCatalogue ? (this.#currentCatalogue ?? []).filter((entry) => 'problem' in entry) : [];
    if (unknown.length === 0 && failed.length === 0) return nothing;
    return html`<div class="problem">
      ${unknown.map((name) => html`<p>${unknownFormWords(name)}</p>`)}
      ${failed.map(
        (entry) =>
          html`<p>${entry.problem.title} (${entry.url})</p>
            <ul>
              ${entry.problem.problems.map((problem) => html`<li>${problem}</li>`)}
            </ul>`,
      )}
    </div>`;
  }

  #renderAssess(): TemplateResult {
    const problems = this.#renderFormProblems(this.#choosing);
    if (!this.#formItems.some((item) => item.kind !== 'unknown')) return html`${problems}`;
    if (this.builtInForms === 'failed') return this.#renderLoadFailure();
    const url = this.#assessedUrl;
    if (url === undefined) return this.#choosing ? this.#renderChooser(problems) : this.#renderLoading();
    const canStartAgain = this.draftId !== '' || this.#formUrls!.length > 1;
    const assessment = this.#tag('proforma-assessment');
    return html`${problems}
    ${
      canStartAgain
        ? html`<div class="toolbar">
            <button type="button" @click=${this.#startAgain}>${msg('Start a new assessment')}</button>
          </div>`
        : nothing
    }
    ${keyed(
      this.assessmentKey,
      staticHtml`<${assessment}
          form-src=${url}
          draft-id=${this.draftId}
          namespace=${this.namespace}
          school-name=${this.schoolName}
          logo-src=${this.logoSrc}
          locale=${this.#language}
          couch-url=${this.couchUrl}
          trust-url=${this.trustUrl}
          @proforma-draft-created=${this.#onDraftCreated}
        ></${assessment}>`,
    )}`;
  }

  #renderChooser(problems: TemplateResult | typeof nothing): TemplateResult {
    const entries = this.#currentCatalogue;
    if (!entries) return this.#renderLoading();
    const language = this.#language;
    const forms = entries.flatMap((entry) => ('form' in entry ? [{ url: entry.url, form: entry.form }] : []));
    return html`${problems}
    ${
      forms.length === 0
        ? nothing
        : html`<p id="choose-hint">${msg('Choose the form to fill in.')}</p>
            <ul class="choices" aria-describedby="choose-hint">
              ${forms.map(
                ({ url, form }) =>
                  html`<li>
                    <button type="button" class="primary" @click=${() => this.#chooseForm(url)}>
                      ${resolveText(form.title, language)}
                    </button>
                    ${form.description ? html`<p class="hint">${resolveText(form.description, language)}</p>` : nothing}
                  </li>`,
              )}
            </ul>`
    }`;
  }

  #renderDrafts(): TemplateResult {
    if (this.builtInForms === 'failed') return this.#renderLoadFailure();
    // Until the forms are read, every draft would be listed as one this page cannot open.
    if (!this.#currentCatalogue) return this.#renderLoading();
    const drafts = this.#tag('proforma-drafts');
    return html`${this.#renderFormProblems(true)}
    ${staticHtml`<${drafts}
      namespace=${this.namespace}
      locale=${this.#language}
      forms=${this.#readyForms.map((form) => form.id).join(' ')}
      @proforma-open-draft=${this.#onOpenDraft}
    ></${drafts}>`}
    ${
      this.couchUrl && this.mode !== 'register'
        ? staticHtml`<${this.#tag('proforma-submissions')}
            couch-url=${this.couchUrl}
            credentials=${this.credentials}
            locale=${this.#language}
          ></${this.#tag('proforma-submissions')}>`
        : nothing
    }`;
  }

  #renderRegister(): TemplateResult {
    if (this.builtInForms === 'failed') return this.#renderLoadFailure();
    // Signed PDFs are imported with the form they were made with, so the forms come first.
    if (!this.#currentCatalogue) return this.#renderLoading();
    const register = this.#tag('proforma-register');
    return html`${this.#renderFormProblems(true)}
    ${staticHtml`<${register}
      namespace=${this.namespace}
      locale=${this.#language}
      couch-url=${this.couchUrl}
      credentials=${this.credentials}
      .forms=${this.#readyForms}
    ></${register}>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'proforma-app': ProformaApp;
  }
}
