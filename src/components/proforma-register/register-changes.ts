import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { normalFingerprint } from '../../internal/fingerprint.js';
import { formOfAssessment } from '../../model/assessment.js';
import type { FormDefinition } from '../../model/form-definition.js';
import { TrustedKeySchema, type StoredStatus } from '../../model/register-entry.js';
import { entryWithHistory } from '../../model/register/carry-over.js';
import { decisionEvent, moveEvent, trustEvent } from '../../model/register/changes.js';
import type { DecisionOutcome } from '../../model/register/decisions.js';
import type { RegisterEvent } from '../../model/register/events.js';
import type { RegisterEntryState } from '../../model/register/fold.js';
import { localIsoDate, reviewDueDate } from '../../model/register/review-dates.js';
import { RegisterRuleError, type RegisterProblem, type RegisterRule } from '../../model/register/rule-error.js';
import { ProformaRegisterChangeEvent, type RegisterChangeAction } from '../../events/register-change.js';
import type { RegisterDataController } from './register-data.js';
import { ruleWords, statusWords } from './register-words.js';
import { storeProblemWords, type Problem, type ProblemSummary } from './render-common.js';

// What the person does to the register, from the detail of a tool: moves,
// decisions, retirements and trusted keys. Each change becomes the event the
// model writes for it (checked there, by the rules the log's fold applies);
// this controller keeps what the forms hold, shows the model's problems, and
// appends the events.

export const DECISIONS: readonly DecisionOutcome[] = ['approved', 'approved-with-conditions', 'not-approved'];

/** The decision form as the person is filling it in. */
export interface DecisionForm {
  /** The entry the form is for. */
  entryId: string | undefined;
  outcome: DecisionOutcome | '';
  conditions: string;
  approver: string;
  decisionDate: string;
  reviewDue: string;
  /** Once the person has set the review date, it no longer follows the outcome and decision date. */
  reviewDueSet: boolean;
  reason: string;
}

export interface TrustForm {
  open: boolean;
  name: string;
  role: string;
}

export interface ChangesHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The forms the assessments were made with, for their review periods. */
  forms: FormDefinition[];
}

/** The control each rule's problem is fixed in, on the decision form. */
const DECISION_FIELDS: Partial<Record<RegisterRule, string>> = {
  approver: 'approver',
  conditions: 'conditions',
  'account-owners': 'owners',
  who: 'actor',
};

export class RegisterChangesController implements ReactiveController {
  /** Who is making changes, as they name themselves: the `by` of every event. */
  actor = '';
  /** The person signed in to a shared register: every change is theirs, whatever the name field says. */
  signedInAs: string | undefined;
  problems: ProblemSummary | undefined;
  notice: string | undefined;
  decision: DecisionForm = this.blankDecision();
  retireReason = '';
  trustForm: TrustForm = { open: false, name: '', role: '' };

  constructor(
    private readonly host: ChangesHost,
    private readonly data: RegisterDataController,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Changes what the forms hold, and draws them again. */
  set(change: Partial<Pick<this, 'actor' | 'retireReason' | 'trustForm' | 'problems' | 'notice'>>): void {
    Object.assign(this, change);
    this.host.requestUpdate();
  }

  /** The text of the problem shown for a control, if any. */
  fieldError(field: string): string | undefined {
    return this.problems?.problems.find((problem) => problem.field === field)?.text;
  }

  /** Forms cleared for another entry; the person's name stays. */
  forEntry(entry: RegisterEntryState): void {
    if (this.decision.entryId !== entry.id) {
      this.decision = this.blankDecision(entry);
      this.retireReason = '';
      this.trustForm = { open: false, name: '', role: '' };
    }
    this.problems = undefined;
    this.notice = undefined;
    this.host.requestUpdate();
  }

  /** The problem of a missing name, which every change checks first. */
  actorProblems(): Problem[] {
    return this.author
      ? []
      : [{ field: 'actor', text: msg('Enter your name: it goes in the register’s history with every change.') }];
  }

  async showProblems(title: string, problems: Problem[]): Promise<void> {
    this.set({ problems: { title, problems }, notice: undefined });
    await this.focusAfterUpdate('.error-summary');
  }

  async focusAfterUpdate(selector: string): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  updateDecision(entry: RegisterEntryState, change: Partial<DecisionForm>): void {
    const next = { ...this.decision, ...change };
    if (!next.reviewDueSet && ('outcome' in change || 'decisionDate' in change)) {
      next.reviewDue = this.defaultReviewDate(entry, next.decisionDate, next.outcome);
    }
    this.decision = next;
    this.host.requestUpdate();
  }

  async move(entry: RegisterEntryState, to: StoredStatus): Promise<void> {
    const title = msg('The status was not changed');
    const problems = this.actorProblems();
    if (problems.length > 0) return this.showProblems(title, problems);
    let event: RegisterEvent;
    try {
      event = moveEvent(entry, to, this.change());
    } catch (error) {
      if (!(error instanceof RegisterRuleError)) throw error;
      return this.showProblems(title, [this.ruleProblem(error, { who: 'actor' })]);
    }
    const done = msg(str`${entry.tool} is now ${statusWords(to).toLowerCase()}.`);
    const moved = await this.write([event], 'moved', done);
    if (moved) this.decision = this.blankDecision(moved);
    await this.focusAfterUpdate('#detail-heading');
  }

  async decide(entry: RegisterEntryState): Promise<void> {
    const form = this.decision;
    const title = msg('The decision was not recorded');
    const problems = this.actorProblems();
    if (form.outcome === '') problems.push({ field: 'outcome-approved', text: msg('Choose the decision.') });
    if (form.decisionDate === '') problems.push({ field: 'decision-date', text: msg('Enter the decision date.') });
    if (problems.length > 0) return this.showProblems(title, problems);
    const outcome = form.outcome as DecisionOutcome;
    const approving = outcome !== 'not-approved';
    const written = decisionEvent(
      entry,
      {
        outcome,
        conditions: form.conditions.split('\n'),
        approver: form.approver,
        decisionDate: form.decisionDate,
        ...(approving && form.reviewDue !== '' ? { reviewDue: form.reviewDue } : {}),
      },
      this.change(form.reason),
      this.reviewMonthsFor(entry),
    );
    if (written.problems) {
      const fields = { ...DECISION_FIELDS, date: approving ? 'review-date' : 'decision-date' };
      return this.showProblems(
        title,
        written.problems.map((problem) => this.ruleProblem(problem, fields)),
      );
    }
    const done = msg(str`Decision recorded for ${entry.tool}: ${statusWords(outcome)}.`);
    const decided = await this.write([written.event], 'decided', done);
    if (decided) this.decision = this.blankDecision(decided);
    await this.focusAfterUpdate('#detail-heading');
  }

  async retire(entry: RegisterEntryState): Promise<void> {
    const title = msg('The tool was not retired');
    const problems = this.actorProblems();
    if (this.retireReason.trim() === '') {
      problems.push({ field: 'retire-reason', text: msg('Say why the tool is being retired.') });
    }
    if (problems.length > 0) return this.showProblems(title, problems);
    let event: RegisterEvent;
    try {
      event = moveEvent(entry, 'retired', this.change(this.retireReason));
    } catch (error) {
      if (!(error instanceof RegisterRuleError)) throw error;
      return this.showProblems(title, [this.ruleProblem(error, { reason: 'retire-reason', who: 'actor' })]);
    }
    if (await this.write([event], 'retired', msg(str`${entry.tool} is retired.`))) this.retireReason = '';
    await this.focusAfterUpdate('#detail-heading');
  }

  async toggleTrustForm(): Promise<void> {
    this.set({ trustForm: { ...this.trustForm, open: !this.trustForm.open } });
    if (this.trustForm.open) await this.focusAfterUpdate('#trust-name');
  }

  async trust(fingerprint: string): Promise<void> {
    const title = msg('The key was not trusted');
    const problems = this.actorProblems();
    const name = this.trustForm.name.trim();
    if (name === '') problems.push({ field: 'trust-name', text: msg('Enter the name of the person whose key it is.') });
    if (problems.length > 0) return this.showProblems(title, problems);
    const key = { name, role: this.trustForm.role.trim(), fingerprint: normalFingerprint(fingerprint) };
    if (!TrustedKeySchema.safeParse({ ...key, addedAt: new Date().toISOString() }).success) {
      return this.showProblems(title, [
        { text: msg('This is not a key fingerprint the register can hold: it should be 64 hexadecimal digits.') },
      ]);
    }
    if (
      !(await this.write([trustEvent(key, this.change())], 'trusted', msg(str`The key of ${name} is now trusted.`)))
    ) {
      return;
    }
    this.trustForm = { open: false, name: '', role: '' };
    await this.focusAfterUpdate('#signer');
  }

  /**
   * Appends events through the data controller, all or none, says how it
   * went and tells the host page; gives the entry they changed as it now
   * stands (or true for a key), or undefined when nothing was saved.
   */
  private async write(
    events: RegisterEvent[],
    action: RegisterChangeAction,
    done: string,
  ): Promise<RegisterEntryState | true | undefined> {
    let view;
    try {
      view = await this.data.append(events);
    } catch (error) {
      await this.showProblems(msg('Nothing was changed'), [{ text: storeProblemWords(error) }]);
      return undefined;
    }
    const ids = new Set(events.flatMap((event) => ('entryId' in event ? [event.entryId] : [])));
    const changed = (view?.entries ?? []).filter((entry) => ids.has(entry.id));
    this.set({ problems: undefined, notice: done });
    this.host.dispatchEvent(
      new ProformaRegisterChangeEvent({ action, entries: changed.map(entryWithHistory), events }),
    );
    return changed[0] ?? true;
  }

  /** The name recorded with a change: the signed-in person's in a shared register, else the one typed. */
  get author(): string {
    return this.signedInAs ?? this.actor.trim();
  }

  private change(reason?: string) {
    return { by: { name: this.author }, at: new Date().toISOString(), ...(reason ? { reason } : {}) };
  }

  private ruleProblem(problem: RegisterProblem, fields: Partial<Record<RegisterRule, string>>): Problem {
    const field = fields[problem.rule];
    return { text: problem.message, rule: ruleWords(problem.rule), ...(field ? { field } : {}) };
  }

  private reviewMonthsFor(entry: RegisterEntryState) {
    return entry.assessment && formOfAssessment(entry.assessment, this.host.forms)?.scoring.reviewMonths;
  }

  private blankDecision(entry?: RegisterEntryState | true): DecisionForm {
    const shown = entry === true ? undefined : entry;
    const outcome =
      shown?.outcome !== undefined && (DECISIONS as readonly string[]).includes(shown.outcome)
        ? (shown.outcome as DecisionOutcome)
        : '';
    const decisionDate = localIsoDate();
    return {
      entryId: shown?.id,
      outcome,
      conditions: shown?.conditions.join('\n') ?? '',
      approver: '',
      decisionDate,
      reviewDue: shown ? this.defaultReviewDate(shown, decisionDate, outcome) : '',
      reviewDueSet: false,
      reason: '',
    };
  }

  private defaultReviewDate(entry: RegisterEntryState, decisionDate: string, outcome: DecisionOutcome | ''): string {
    if (outcome === '' || decisionDate === '') return '';
    try {
      return reviewDueDate(decisionDate, outcome, this.reviewMonthsFor(entry)) ?? '';
    } catch {
      return '';
    }
  }
}
