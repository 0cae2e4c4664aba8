import type { FormDefinition } from '../../model/form-definition.js';
import { heldSubmissions, type Submission } from '../../model/register/submissions.js';
import type { PdfVerification } from '../../pdf/verify-pdf.js';
import type { CouchRegisterStore } from './couch-register-store.js';
import type { CouchSubmissions } from './couch-submissions.js';
import { importSubmission, messageOf, type PdfImportRefusal } from './import-pdfs.js';

// An approver's browser taking teachers' submissions into the shared register: each submission the
// register holds no event of is checked here, as an import checks a file, and what an import of
// it writes is appended to the log; a submission refused is listed with the reason, writing nothing,
// until an approver dismisses it. Submissions are taken one at a time, oldest first, and only while
// the register's replica is up to date with its server, so that each is placed (a new tool, or a
// re-assessment) against the register as the other approvers' browsers see it.

/** A submission that was not taken into the register, and why. */
export interface RefusedSubmission {
  submission: Submission;
  reason: PdfImportRefusal;
}

/** Refusals that may not hold next time: the forms given, the verifier's code. */
const PASSING: ReadonlySet<PdfImportRefusal['code']> = new Set(['unknown-form', 'verifier-unavailable']);

export interface SubmissionApproverOptions {
  /** The forms assessments may have been made with, as the page has them now. */
  forms: () => readonly FormDefinition[];
  /** Called after the list of refused submissions changes. */
  onChange?: () => void;
  /** Checks a file; the verifier in a worker unless given. */
  verify?: (bytes: Uint8Array) => Promise<PdfVerification>;
}

export class SubmissionApprover {
  /** The submissions refused and not dismissed, oldest first. */
  refused: RefusedSubmission[] = [];
  readonly #refusals = new Map<string, RefusedSubmission>();
  /** Submissions written to the server (or found there) whose event the replica may not hold yet. */
  readonly #taken = new Set<string>();
  readonly #stops: Array<() => void> = [];
  #running?: Promise<void>;
  #again = false;
  #stopped = false;

  constructor(
    private readonly register: CouchRegisterStore,
    private readonly submissions: CouchSubmissions,
    private readonly options: SubmissionApproverOptions,
  ) {
    const run = () => this.run();
    this.#stops.push(register.watch(run), register.watchStatus(run), submissions.watch(run));
    run();
  }

  /** Takes in what has arrived: once now, and once more after if asked meanwhile. Resolves when done. */
  run(): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#takeIn()
      .catch(() => undefined)
      .finally(() => {
        this.#running = undefined;
        if (this.#again) {
          this.#again = false;
          void this.run();
        }
      });
    return this.#running;
  }

  /** Checks again the submissions refused for a reason that may have passed: after the page's forms change, say. */
  retry(): Promise<void> {
    for (const [id, { reason }] of this.#refusals) if (PASSING.has(reason.code)) this.#refusals.delete(id);
    return this.run();
  }

  /** Stops listing a refused submission (in this browser). */
  async dismiss(id: string): Promise<void> {
    await this.submissions.dismiss(id);
    await this.run();
  }

  /** Stops watching; the stores stay open. */
  stop(): void {
    this.#stopped = true;
    for (const stop of this.#stops.splice(0)) stop();
  }

  async #takeIn(): Promise<void> {
    if (this.register.status.state !== 'up-to-date') return;
    const [all, dismissed, view] = await Promise.all([
      this.submissions.list(),
      this.submissions.dismissed(),
      this.register.read(),
    ]);
    const held = heldSubmissions(view);
    for (const submission of all) {
      const id = submission.id;
      if (this.#stopped || this.register.status.state !== 'up-to-date') break;
      if (held.has(id) || dismissed.has(id) || this.#refusals.has(id) || this.#taken.has(id)) continue;
      let reason: PdfImportRefusal | undefined;
      try {
        const bytes = await this.submissions.pdf(id);
        const result = await importSubmission(submission, bytes, this.register, {
          forms: this.options.forms(),
          append: (events, evidence) => this.register.appendOnServer(events, evidence),
          ...(this.options.verify ? { verify: this.options.verify } : {}),
        });
        reason = result.reason;
      } catch (error) {
        reason = { code: 'storage', message: messageOf(error) };
      }
      // A register that could not be read or written is tried again at the next change, not refused.
      if (reason?.code === 'storage') continue;
      if (reason) this.#refusals.set(id, { submission, reason });
      else this.#taken.add(id);
    }
    const refused = all.flatMap((submission) => {
      const refusal = this.#refusals.get(submission.id);
      return refusal && !dismissed.has(submission.id) && !held.has(submission.id) ? [refusal] : [];
    });
    if (refused.length !== this.refused.length || refused.some((each, index) => each !== this.refused[index])) {
      this.refused = refused;
      this.options.onChange?.();
    }
  }
}
