import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { datedFileName, downloadFile, downloadsBlocked } from '../../internal/download.js';
import type { FormDefinition } from '../../model/form-definition.js';
import { entryWithHistory } from '../../model/register/carry-over.js';
import { isKeyEvent, type RegisterEvent } from '../../model/register/events.js';
import type { RegisterEntryState } from '../../model/register/fold.js';
import {
  exportRegisterCsv,
  exportRegisterJson,
  importRegisterCsv,
  importRegisterJson,
  type RegisterImportProblem,
  type RegisterImportResult,
} from '../../services/register/file-transfers.js';
import { importSignedPdfsToLog, type PdfImportResult } from '../../services/register/import-pdfs.js';
import type { RegisterStore, RegisterView } from '../../services/register/register-store.js';
import { ProformaRegisterChangeEvent } from '../../events/register-change.js';
import type { RegisterChangesController } from './register-changes.js';
import type { RegisterDataController } from './register-data.js';
import { formats, storeProblemWords, type Formats } from './render-common.js';
import { reviewRemindersCalendar, type ReviewReminderWords } from '../../model/register/review-reminders.js';

// The register in and out of the browser: signed PDFs, CSV and JSON files in
// as events of the log; CSV for Excel, JSON of version 2 (the log) and the
// register published for staff out. One transfer at a time; what the last
// import did is kept to show until the next.

export type FileImportProblem = RegisterImportProblem;

/** What the last import did, shown until the next one. */
export type ImportReport =
  | { kind: 'pdfs'; results: PdfImportResult[]; unopenable: string[] }
  | { kind: 'file'; format: 'CSV' | 'JSON'; fileName: string; imported: number }
  | { kind: 'file-problems'; format: 'CSV' | 'JSON'; fileName: string; problems: FileImportProblem[] };

export interface TransfersHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  forms: FormDefinition[];
  /** The language entries take the forms' words in. */
  readonly language: string;
  /** Keeps this register apart from others on the site: in the reminders' ids. */
  readonly namespace: string;
}

export class TransferController implements ReactiveController {
  /** What is being done while an import or export runs; changes wait until it is done. */
  busy: 'importing' | 'exporting' | undefined;
  report: ImportReport | undefined;

  constructor(
    private readonly host: TransfersHost,
    private readonly data: RegisterDataController,
    private readonly changes: RegisterChangesController,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  async importPdfs(files: File[]): Promise<void> {
    const store = await this.start();
    if (!store) return;
    const pdfs: Array<{ name: string; bytes: Uint8Array }> = [];
    const unopenable: string[] = [];
    for (const file of files) {
      try {
        pdfs.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      } catch {
        unopenable.push(file.name);
      }
    }
    let results: PdfImportResult[] = [];
    try {
      if (pdfs.length > 0) {
        const options = { forms: this.host.forms, by: { name: this.changes.author }, locale: this.host.language };
        results = await importSignedPdfsToLog(pdfs, store, options);
      }
    } catch (error) {
      return this.fail(error);
    }
    const written = new Set(results.flatMap((result) => (result.entryId ? [result.entryId] : [])));
    const data = await this.data.read();
    await this.finish({ kind: 'pdfs', results, unopenable }, data.status === 'ready' ? data.view : undefined, written);
  }

  async importFile(format: 'CSV' | 'JSON', file: File): Promise<void> {
    const store = await this.start();
    if (!store) return;
    let contents: string | Uint8Array;
    try {
      // A CSV goes in as bytes, so that bytes that are not UTF-8 are refused rather than read as U+FFFD.
      contents = format === 'CSV' ? new Uint8Array(await file.arrayBuffer()) : await file.text();
    } catch {
      this.setBusy(undefined);
      return this.changes.showProblems(msg('Nothing was imported'), [
        { text: msg(str`${file.name} could not be opened. It may have been moved or deleted; choose it again.`) },
      ]);
    }
    let result: RegisterImportResult;
    try {
      const options = { by: { name: this.changes.author } };
      result =
        typeof contents === 'string'
          ? await importRegisterJson(contents, store, options)
          : await importRegisterCsv(contents, store, options);
    } catch (error) {
      return this.fail(error);
    }
    if ('errors' in result) {
      return this.finish({ kind: 'file-problems', format, fileName: file.name, problems: result.errors });
    }
    const { imported, events } = result;
    const entryIds = new Set(events.flatMap((event) => (isKeyEvent(event) ? [] : [event.entryId])));
    const data = await this.data.read();
    const view = data.status === 'ready' ? data.view : undefined;
    await this.finish({ kind: 'file', format, fileName: file.name, imported }, view, entryIds, events);
  }

  async exportFile(kind: 'csv' | 'json' | 'published' | 'reminders'): Promise<void> {
    const store = this.data.current;
    if (this.busy !== undefined || !store) return;
    if (downloadsBlocked()) {
      return this.changes.showProblems(msg('Nothing was exported'), [
        {
          text: msg(
            'This page may not download files: it is shown in a frame without permission to. Open the register on a page of its own to export it.',
          ),
        },
      ]);
    }
    this.setBusy('exporting');
    try {
      if (kind === 'csv') {
        const text = await exportRegisterCsv(store);
        downloadFile(datedFileName('approved-tools', 'csv'), new Blob([text], { type: 'text/csv;charset=utf-8' }));
      } else if (kind === 'reminders') {
        const { entries } = await store.read();
        const now = new Date();
        const text = reviewRemindersCalendar(entries, reminderWords(formats(this.host.language)), {
          now,
          registerId: this.host.namespace || 'default',
        });
        downloadFile(
          datedFileName('review-reminders', 'ics'),
          new Blob([text], { type: 'text/calendar;charset=utf-8' }),
        );
      } else {
        const text = await exportRegisterJson(store, { published: kind === 'published' });
        const name = kind === 'published' ? 'approved-tools-for-staff' : 'approved-tools';
        downloadFile(datedFileName(name, 'json'), new Blob([text], { type: 'application/json' }));
      }
      this.changes.set({ problems: undefined });
    } catch (error) {
      await this.changes.showProblems(msg('Nothing was exported'), [
        {
          text:
            (error as { name?: unknown } | null)?.name === 'StorageUnavailableError'
              ? msg('The register could not be read: this browser is not letting this page use its storage.')
              : msg(str`The register could not be exported: ${error instanceof Error ? error.message : String(error)}`),
        },
      ]);
    } finally {
      this.setBusy(undefined);
    }
  }

  /** Offers the signed PDF an entry was imported from, read from the store only now. */
  async downloadEvidence(file: { name: string; sha256: string }): Promise<void> {
    const store = this.data.current;
    if (!store) return;
    // A store that cannot read it says so as one that does not hold it.
    const held = await store.evidence(file.sha256).catch(() => undefined);
    if (!held || downloadsBlocked()) {
      return this.changes.showProblems(msg('Nothing was downloaded'), [
        {
          text: held
            ? msg(
                'This page may not download files: it is shown in a frame without permission to. Open the register on a page of its own to export it.',
              )
            : msg(str`The signed PDF ${file.name} could not be read from this browser’s register.`),
        },
      ]);
    }
    downloadFile(held.name, new Blob([held.bytes as BlobPart], { type: 'application/pdf' }));
  }

  /** The store to import into once someone is named and nothing else runs; shows why not, otherwise. */
  private async start(): Promise<RegisterStore | undefined> {
    const store = this.data.current;
    if (this.busy !== undefined || !store) return undefined;
    const problems = this.changes.actorProblems();
    if (problems.length > 0) {
      await this.changes.showProblems(msg('Nothing was imported'), problems);
      return undefined;
    }
    this.setBusy('importing');
    return store;
  }

  private async fail(error: unknown): Promise<void> {
    this.setBusy(undefined);
    await this.changes.showProblems(msg('Nothing was imported'), [{ text: storeProblemWords(error) }]);
  }

  /** Shows what the import did, moves focus to it, and tells the host page of the entries it wrote. */
  private async finish(
    report: ImportReport,
    view?: RegisterView,
    written?: ReadonlySet<string>,
    events?: RegisterEvent[],
  ): Promise<void> {
    this.busy = undefined;
    this.report = report;
    this.changes.set({ problems: undefined, notice: undefined });
    const entries: RegisterEntryState[] = (view?.entries ?? []).filter((entry) => written?.has(entry.id));
    if (entries.length > 0) {
      this.host.dispatchEvent(
        new ProformaRegisterChangeEvent({
          action: 'imported',
          entries: entries.map(entryWithHistory),
          // A PDF's import writes one event: the entry's newest.
          events: events ?? entries.flatMap((entry) => entry.log.slice(0, 1)),
        }),
      );
    }
    await this.changes.focusAfterUpdate('#import-report-heading');
  }

  private setBusy(busy: TransferController['busy']): void {
    this.busy = busy;
    this.host.requestUpdate();
  }
}

/** The reminders' words, in the register's language. */
function reminderWords(format: Formats): ReviewReminderWords {
  return {
    calendarName: msg('Approved tools: reviews due'),
    summary: ({ tool, reviewDue }) => msg(str`${tool}: review due on ${format.day(reviewDue)}`),
    description: ({ tool, reviewDue, conditions }) =>
      [
        msg(
          str`The approval of ${tool} is due for review on ${format.day(reviewDue)}. Assess the tool again with the pro forma and record a new decision in the register before then.`,
        ),
        ...(conditions.length > 0 ? [msg(str`Conditions of the approval: ${conditions.join('; ')}`)] : []),
      ].join('\n\n'),
  };
}
