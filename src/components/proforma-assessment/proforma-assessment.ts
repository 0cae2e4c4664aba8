import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { languageOf, localized } from '../../internal/localization.js';
import { AnswersSchema, type Answer, type Answers } from '../../model/answers.js';
import type { AssessmentDrafts } from './drafts.js';
import type { ExportPanel } from './export-panel.js';
import type { TrustNotice } from './trust-notice.js';
import type { CopiedFrom } from '../../model/assessment.js';
import {
  allQuestions,
  isRequired,
  type FormDefinition,
  type Question,
  type Section,
} from '../../model/form-definition.js';
import { checkFormDefinition } from '../../model/form-rules.js';
import { scoreAssessment, type Reason, type Score } from '../../model/scoring.js';
import { resolveText } from '../../model/text.js';
import { visibleQuestionIds } from '../../model/visibility.js';
import { ProformaChangeEvent } from '../../events/change.js';
import { ProformaFormErrorEvent } from '../../events/form-error.js';
import type { DraftStore } from '../../services/draft-store.js';
import { fetchFormJson } from '../../internal/load-form.js';
import { LatestLoad } from '../../controllers/latest-load.js';
import { bandWords, outcomeWords, reasonsHeading, reasonWords } from '../../internal/words.js';
import { renderQuestion } from './kinds/registry.js';
import type { QuestionView } from './kinds/view.js';
import { baseStyles } from '../../styles/base.styles.js';
import { styles } from './proforma-assessment.styles.js';

const OUTCOME_ICONS = {
  approved: '✓',
  'approved-with-conditions': '!',
  'not-approved': '✕',
  incomplete: '…',
} as const;

/** Reasons shown before the list offers "Show all". */
const REASONS_SHOWN_AT_FIRST = 8;

/** Why a form cannot be shown: a title and each problem. */
interface FormProblems {
  title: string;
  problems: string[];
}

/** A definition that passed its checks; one that failed is described by code loaded only then. */
function checkedDefinition(input: unknown): FormDefinition | Promise<FormDefinition> {
  return (
    checkFormDefinition(input) ??
    import('./form-problems.js').then((words) => {
      throw words.describeFormProblems(input);
    })
  );
}

/** What went wrong with a form's load, as the element shows it: problems described, or an error's message. */
function formProblems(error: unknown): FormProblems {
  return {
    title: msg('The form could not be loaded'),
    problems: [error instanceof Error ? error.message : String(error)],
    ...(error as Partial<FormProblems>),
  };
}

/**
 * The risk-assessment pro forma: every section and question of a form
 * definition, with the score, the outcome and what blocks approval updated
 * as the teacher answers.
 *
 * @summary Fill in a risk assessment and see its score and outcome live.
 *
 * @tag proforma-assessment
 *
 * @fires {ProformaChangeEvent} proforma-change - The person changed an answer; `detail` has `answers` and `score`. Not fired for programmatic changes.
 * @fires {ProformaFormErrorEvent} proforma-form-error - The form definition could not be loaded or is not valid; `detail.problems` lists why.
 * @fires {ProformaDraftCreatedEvent} proforma-draft-created - The first change made a new draft; `detail.draftId` is its id, to give back as `draft-id` to resume.
 * @fires {ProformaPdfExportedEvent} proforma-pdf-exported - From the "Sign and save as PDF" panel: the signed PDF was made; `detail` has `fileName`, `pdf`, `fingerprint` and `signer`.
 *
 * @csspart form - The column of sections and questions.
 * @csspart section - Each section of questions.
 * @csspart question - Each question.
 * @csspart score-panel - The panel with the outcome, readiness and blockers.
 * @csspart outcome - The outcome in words.
 * @csspart problems - The list of problems shown when a form definition is not valid.
 *
 * @cssprop [--proforma-font-family=system-ui, sans-serif] - Font of the whole element.
 * @cssprop [--proforma-color-text=#0b0c0c] - Main text colour.
 * @cssprop [--proforma-color-muted=#505a5f] - Help and hint text colour.
 * @cssprop [--proforma-color-background=#ffffff] - Background of the element and its fields.
 * @cssprop [--proforma-color-surface=#f3f2f1] - Background of the score panel.
 * @cssprop [--proforma-color-border=#6f777b] - Borders of fields and between questions.
 * @cssprop [--proforma-color-accent=#1d4f91] - Buttons, links, selected controls and the line above each section.
 * @cssprop [--proforma-color-focus=#b35c00] - Focus outline colour.
 * @cssprop [--proforma-color-approved=#00703c] - Colour of the "approved" outcome and green risks.
 * @cssprop [--proforma-color-conditions=#7a4b00] - Colour of "approved with conditions", amber risks and draft warnings.
 * @cssprop [--proforma-color-not-approved=#b10e1e] - Colour of "not approved", red risks and error messages.
 * @cssprop [--proforma-color-incomplete=#505a5f] - Colour of the "not finished yet" outcome.
 * @cssprop [--proforma-radius=4px] - Corner radius of panels, fields and buttons.
 */
@localized()
export class ProformaAssessment extends LitElement {
  static override styles = [baseStyles, styles];

  /** The form definition: the one given, or the one fetched from `form-src`; the latest asked for wins. */
  readonly #formLoad = new LatestLoad<FormDefinition>(this, (state) => {
    this.#rescore();
    if (state.status === 'complete') this.#warnAboutUnknownAnswers();
    if (state.status !== 'error') return;
    const { problems } = formProblems(state.error);
    const source = this.#formSource;
    this.dispatchEvent(new ProformaFormErrorEvent(source === undefined ? { problems } : { problems, source }));
  });

  @state() private showAllReasons = false;
  /** Drafts and autosave, loaded on demand unless `no-autosave` is set. */
  @state() private drafts: AssessmentDrafts | undefined;

  /** The form definition as an object; takes precedence over `form-src`. */
  @property({ attribute: false }) form: unknown;

  /** URL of a JSON form definition, fetched when no `form` object is given. */
  @property({ attribute: 'form-src' }) formSrc = '';

  /** Language of the words, of the form's texts when it gives several, and of dates and the PDF; defaults to the nearest `lang`, then the page's. */
  @property() locale = '';

  /** The draft being edited. Set it to resume a draft; a new assessment gets one at its first change. */
  @property({ attribute: 'draft-id', reflect: true }) draftId = '';

  /** Keeps this page's drafts apart from other embeds on the same site. */
  @property() namespace = 'default';

  /** The school's name, for the top of the signed PDF. */
  @property({ attribute: 'school-name' }) schoolName = '';

  /** URL of the school's logo (PNG or JPEG) for the top of the signed PDF. */
  @property({ attribute: 'logo-src' }) logoSrc = '';

  /** The school's shared register on CouchDB (`…/proforma-<school>-register`): a signed PDF may then be sent to the IT lead. */
  @property({ attribute: 'couch-url' }) couchUrl = '';

  /** The trust's register on CouchDB (`…/proforma-<trust>-trust`): a tool the trust's schools assessed may be started from their answers. */
  @property({ attribute: 'trust-url' }) trustUrl = '';

  /** Turns off saving drafts in the browser (the host page keeps the answers itself). */
  @property({ type: Boolean, attribute: 'no-autosave' }) noAutosave = false;

  /**
   * Where drafts are kept. Usually left unset: a store provided through
   * `draftStoreContext` is used, else the browser's own for `namespace`.
   */
  @property({ attribute: false }) draftStore: DraftStore | undefined;

  /** Every answer, keyed by question id. Answers to questions not in the form are kept but ignored. */
  @property({ attribute: false })
  get answers(): Answers {
    return this.#currentAnswers;
  }
  set answers(value: Answers) {
    const previous = this.#currentAnswers;
    const parsed = AnswersSchema.safeParse(value ?? {});
    if (!parsed.success) {
      console.warn('proforma-assessment: answers ignored: not { value, notes, evidence } by question id');
      return;
    }
    this.#currentAnswers = parsed.data;
    this.#warnAboutUnknownAnswers();
    this.requestUpdate('answers', previous);
  }
  #currentAnswers: Answers = {};

  /** Where the answers were copied from, when the teacher started from another school's assessment; saved with the draft. */
  copiedFrom: CopiedFrom | undefined;

  /** "Sign and save as PDF", loaded when the teacher asks for it; it asks for the update that shows it. */
  #exportPanel: ExportPanel | undefined;
  /** The trust's assessments to start from, and where a copy came from: loaded with `trust-url` or a copy; `null` while it loads. */
  #trustNotice: TrustNotice | null | undefined;
  /** Items whose notes and evidence the person has opened. */
  readonly #openedNotes = new Set<string>();
  /**
   * The score of the answers, and the outcome announced to screen readers (changed only when the
   * outcome is): worked out by `rescore` as the answers or the form change, before the update that
   * shows them, so not reactive themselves.
   */
  #score: Score | undefined;
  #announcement = '';
  /** The address the form is loading from; `undefined` for a form given as an object. */
  #formSource: string | undefined;
  #pendingFocusId: string | undefined;
  /** A change made before the draft code had loaded, to save once it has. */
  #changedBeforeDrafts = false;
  #draftsLoading: Promise<void> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Removed from the page (or the page is closing): save what is not saved yet.
    if (this.hasUnsavedChanges) void this.saveNow();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('form') || changed.has('formSrc')) this.#loadForm();
    if (!this.noAutosave) {
      // The draft code loads when there is a draft to open or a first change
      // to save, so it never delays the first render.
      if (this.drafts) this.drafts.hostPropertiesChanged(changed);
      else if (this.draftId) void this.#loadDrafts();
    }
    if (changed.has('answers')) this.#rescore();
    if ((this.trustUrl || this.copiedFrom) && this.#trustNotice === undefined) {
      this.#trustNotice = null;
      void import('./trust-notice.js').then(({ TrustNotice }) => {
        this.#trustNotice = new TrustNotice(this, (answers) => this.#setAnswers(answers));
      });
    }
  }

  protected override updated(): void {
    if (this.#pendingFocusId === undefined) return;
    this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(this.#pendingFocusId)}`)?.focus();
    this.#pendingFocusId = undefined;
  }

  /** The score of the current answers, or `undefined` until a form is ready. */
  get currentScore(): Score | undefined {
    return this.#score;
  }

  /** The form definition in use, once it has loaded and passed its checks. */
  get definition(): FormDefinition | undefined {
    const { state } = this.#formLoad;
    return state.status === 'complete' ? state.value : undefined;
  }

  /** True until the draft named by `draft-id` has been read: answers typed before then would be lost. */
  get #openingDraft(): boolean {
    return !this.noAutosave && this.draftId !== '' && (this.drafts?.opening ?? true);
  }

  /** The language the form's texts are shown in. */
  get language(): string {
    return languageOf(this);
  }

  #loadForm(): void {
    const { form, formSrc } = this;
    this.#formSource = form == null && formSrc ? formSrc : undefined;
    void this.#formLoad.run(
      form != null
        ? () => checkedDefinition(form)
        : formSrc
          ? async (signal) => checkedDefinition(await fetchFormJson(formSrc, signal))
          : undefined,
    );
  }

  #warnAboutUnknownAnswers(): void {
    const form = this.definition;
    if (!form) return;
    const known = new Set(allQuestions(form).map(({ question }) => question.id));
    const unknown = Object.keys(this.#currentAnswers).filter((id) => !known.has(id));
    if (unknown.length > 0) {
      console.warn(`proforma-assessment: kept but ignored, not in form "${form.id}": ${unknown.join(', ')}`);
    }
  }

  #rescore(): void {
    const form = this.definition;
    const previousOutcome = this.#score?.outcome;
    this.#score = form ? scoreAssessment(form, this.#currentAnswers) : undefined;
    if (this.#score && previousOutcome !== undefined && previousOutcome !== this.#score.outcome) {
      this.#announcement = msg(str`Outcome now: ${outcomeWords(this.#score.outcome)}`);
    }
  }

  /** The person's change of answers: scored, saved and announced. */
  #setAnswers(answers: Answers): void {
    this.#currentAnswers = answers;
    // Scored here, once, for the event; an update asked for without naming `answers` does not score again.
    this.#rescore();
    this.requestUpdate();
    if (!this.noAutosave) {
      if (this.drafts) this.drafts.changed();
      else {
        this.#changedBeforeDrafts = true;
        void this.#loadDrafts();
      }
    }
    if (this.#score) {
      this.dispatchEvent(new ProformaChangeEvent({ answers: this.#currentAnswers, score: this.#score }));
    }
  }

  /** Saves any unsaved answers now rather than after the usual short pause. */
  async saveNow(): Promise<void> {
    await this.#draftsLoading;
    await this.drafts?.autosave.flush();
  }

  /** Whether some answers are not yet saved. */
  get hasUnsavedChanges(): boolean {
    return this.#changedBeforeDrafts || (this.drafts?.autosave.hasUnsavedChanges ?? false);
  }

  #loadDrafts(): Promise<void> {
    this.#draftsLoading ??= import('./drafts.js').then(({ AssessmentDrafts }) => {
      this.drafts = new AssessmentDrafts(this);
      if (this.#changedBeforeDrafts) {
        this.#changedBeforeDrafts = false;
        this.drafts.changed();
      }
    });
    return this.#draftsLoading;
  }

  async #openExport(): Promise<void> {
    const panel = await import('./export-panel.js');
    this.#exportPanel = new panel.ExportPanel(this, () => this.drafts);
  }

  #questionView(question: Question, form: FormDefinition, language: string): QuestionView {
    const answers = () => this.#currentAnswers;
    const setAnswer = (answer: Answer) => this.#setAnswers({ ...answers(), [question.id]: answer });
    return {
      question,
      // Read when used, so that an event handler sees the latest answer even
      // before the element has re-rendered.
      get answer() {
        return answers()[question.id];
      },
      locale: language,
      id: `q-${question.id}`,
      required: isRequired(question),
      riskBands: form.scoring.riskBands,
      setValue: (value) => setAnswer({ ...answers()[question.id], value }),
      setAnswer,
      notesOpen: this.#openedNotes.has(question.id),
      openNotes: () => {
        this.#openedNotes.add(question.id);
        this.requestUpdate();
      },
      focusAfterRender: (elementId) => {
        this.#pendingFocusId = elementId;
      },
    };
  }

  #goToQuestion(event: Event, questionId: string): void {
    event.preventDefault();
    const container = this.renderRoot.querySelector<HTMLElement>(`#q-${CSS.escape(questionId)}`);
    if (!container) return;
    // A jump, never an animation, even where the host page asks for smooth scrolling.
    container.scrollIntoView({ block: 'center', behavior: 'instant' });
    const firstControl = container.querySelector<HTMLElement>('input, select, textarea, button, summary');
    (firstControl ?? container).focus();
  }

  override render(): TemplateResult {
    const state = this.#formLoad.state;
    switch (state.status) {
      case 'initial':
        return html`<p class="notice">${msg('No form to show: give this element a form or a form-src.')}</p>`;
      case 'pending':
        return html`<p class="notice" role="status">${msg('Loading the form…')}</p>`;
      case 'error': {
        const { title, problems } = formProblems(state.error);
        return html`<div class="form-error" role="alert">
          <h2>${title}</h2>
          <ul part="problems">
            ${problems.map((problem) => html`<li>${problem}</li>`)}
          </ul>
        </div>`;
      }
      case 'complete':
        return this.#renderForm(state.value);
    }
  }

  #renderForm(form: FormDefinition): TemplateResult {
    const language = this.language;
    const visible = visibleQuestionIds(form, this.#currentAnswers);
    // The title is not in a <header>: outside <main> that would be a second banner landmark on the host page.
    return html`<div class="layout">
      <div class="form" part="form" ?inert=${this.#openingDraft}>
        ${this.drafts?.renderAlerts(language, form)}
        <h1 class="form-title">${resolveText(form.title, language)}</h1>
        ${form.description ? html`<p class="description">${resolveText(form.description, language)}</p>` : nothing}
        ${this.#trustNotice?.render(form)}
        <p class="hint">${msg('Questions marked * must be answered.')}</p>
        ${form.sections.map((section, index) => this.#renderSection(form, section, index, visible, language))}
        ${this.drafts?.renderNoLongerAsked(form)}
        ${
          this.#exportPanel?.render() ??
          html`<button class="primary" type="button" @click=${this.#openExport}>${msg('Sign and save as PDF')}</button>`
        }
      </div>
      ${this.#renderScorePanel(form, language)}
    </div>`;
  }

  #renderSection(
    form: FormDefinition,
    section: Section,
    index: number,
    visible: Set<string>,
    language: string,
  ): TemplateResult {
    const headingId = `section-${section.id}`;
    const sectionScore = this.#score?.sections[index];
    return html`<section class="section" part="section" aria-labelledby=${headingId}>
      <h2 id=${headingId}>${resolveText(section.title, language)}</h2>
      ${
        sectionScore && sectionScore.required > 0
          ? html`<p class="progress">
              ${msg(str`${sectionScore.answeredRequired} of ${sectionScore.required} required questions answered`)}
            </p>`
          : nothing
      }
      ${section.description ? html`<p class="description">${resolveText(section.description, language)}</p>` : nothing}
      ${section.questions
        .filter((question) => visible.has(question.id))
        .map(
          (question) =>
            html`<div class="question" part="question" id=${`q-${question.id}`} data-kind=${question.kind}>
              ${renderQuestion(this.#questionView(question, form, language))}
            </div>`,
        )}
    </section>`;
  }

  #renderScorePanel(form: FormDefinition, language: string): TemplateResult | typeof nothing {
    const score = this.#score;
    if (!score) return nothing;
    const questions = new Map(allQuestions(form).map(({ question }) => [question.id, question]));
    const title = (id: string) => resolveText(questions.get(id)?.title ?? id, language);
    // What the form says must be done about an item that is not fully met.
    const condition = (id: string) => {
      const question = questions.get(id);
      return question?.kind === 'item' && question.condition ? resolveText(question.condition, language) : '';
    };
    const reasons = this.showAllReasons ? score.reasons : score.reasons.slice(0, REASONS_SHOWN_AT_FIRST);
    const hidden = score.reasons.length - reasons.length;
    return html`<aside class="score-panel" part="score-panel" aria-labelledby="score-heading">
      <h2 id="score-heading">${msg('Result')}</h2>
      ${this.drafts?.renderStatus(language)}
      <p class="outcome outcome-${score.outcome}" part="outcome">
        <span class="outcome-icon" aria-hidden="true">${OUTCOME_ICONS[score.outcome]}</span>
        <span>${outcomeWords(score.outcome)}</span>
      </p>
      <p class="visually-hidden" role="status">${this.#announcement}</p>
      <dl class="figures">
        <dt>${msg('Readiness')}</dt>
        <dd>
          ${
            score.readiness === null
              ? msg('Nothing scored yet')
              : html`${score.readiness}% <meter min="0" max="100" value=${score.readiness} aria-hidden="true"></meter>`
          }
        </dd>
        <dt>${msg('Highest risk after controls')}</dt>
        <dd>
          ${
            score.highestResidualBand === null
              ? msg('No hazards rated')
              : html`<span class="band band-${score.highestResidualBand}"
                  >${bandWords(score.highestResidualBand)}</span
                >`
          }
        </dd>
        ${
          score.reviewMonths === null
            ? nothing
            : html`<dt>${msg('Review due')}</dt>
                <dd>${msg(str`${score.reviewMonths} months after the decision`)}</dd>`
        }
      </dl>
      <h3 id="reasons-heading">${reasonsHeading(score.outcome)}</h3>
      <ul class="reasons" aria-labelledby="reasons-heading">
        ${reasons.map((reason) => this.#renderReason(reason, title, condition))}
      </ul>
      ${
        hidden > 0
          ? html`<button type="button" @click=${this.#showEveryReason}>
              ${msg(str`Show all ${score.reasons.length}`)}
            </button>`
          : nothing
      }
      <table class="sections-table">
        <caption>
          ${msg('By section')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg('Section')}</th>
            <th scope="col">${msg('Answered')}</th>
            <th scope="col">${msg('Readiness')}</th>
          </tr>
        </thead>
        <tbody>
          ${form.sections.map((section, index) => {
            const sectionScore = score.sections[index]!;
            return html`<tr>
              <th scope="row">${resolveText(section.title, language)}</th>
              <td>${sectionScore.answeredRequired}/${sectionScore.required}</td>
              <td>${sectionScore.readiness === null ? '–' : `${sectionScore.readiness}%`}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </aside>`;
  }

  async #showEveryReason(): Promise<void> {
    this.showAllReasons = true;
    await this.updateComplete;
    // The button is gone: carry focus to the first reason that was not shown before.
    this.renderRoot.querySelectorAll<HTMLElement>('.reasons li')[REASONS_SHOWN_AT_FIRST]?.querySelector('a')?.focus();
  }

  #renderReason(reason: Reason, title: (id: string) => string, condition: (id: string) => string): TemplateResult {
    if (!('questionId' in reason)) return html`<li>${reasonWords(reason, title)}</li>`;
    const toDo =
      reason.code === 'item-partly-met' || reason.code === 'item-not-met' ? condition(reason.questionId) : '';
    return html`<li class=${reason.code}>
      <a href=${`#q-${reason.questionId}`} @click=${(event: Event) => this.#goToQuestion(event, reason.questionId)}
        >${reasonWords(reason, title)}</a
      >${toDo ? html`<br />${msg('To do:')} ${toDo}` : nothing}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'proforma-assessment': ProformaAssessment;
  }
}
