import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { datedFileName, downloadFile, downloadsBlocked } from '../../internal/download.js';
import type { FormDefinition } from '../../model/form-definition.js';
import { csvToRegister, decodeCsv, registerToCsv } from '../../model/register-csv.js';
import { registerToJson } from '../../model/register-json.js';
import { jsonToRegisterLog, registerLogToJson } from '../../model/register-log-json.js';
import { entryWithHistory } from '../../model/register/carry-over.js';
import { newEventId } from '../../model/register/changes.js';
import { isKeyEvent, type RegisterEvent } from '../../model/register/events.js';
import { entryRecord, eventsFromFileEntries } from '../../model/register/file-events.js';
import { registerFromEvents, type RegisterEntryState } from '../../model/register/fold.js';
import { importSignedPdfsToLog, type PdfImportResult } from '../../services/register/import-pdfs.js';
import type { RegisterStore, RegisterView } from '../../services/register/register-store.js';
import { ProformaRegisterChangeEvent } from '../../events/register-change.js';
import type { RegisterChangesController } from './register-changes.js';
import type { RegisterDataController } from './register-data.js';
import { storeProblemWords } from './render-common.js';

// The register in and out of the browser: signed PDFs, CSV and JSON files in
// as events of the log; CSV for Excel, JSON of version 2 (the log) and the
// register published for staff out. One transfer at a time; what the last
// import did is kept to show until the next.

/** One thing wrong with an imported file: a CSV row and column, or a JSON path; none for the file as a whole. */
export interface FileImportProblem {
  /** The CSV row as a spreadsheet numbers it (the header is row 1). */
  row?: number;
  /** Where in a JSON file, such as `entries[2].status`. */
  path?: string;
  column?: string;
  message: string;
}

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
}

type Refusal = { errors: FileImportProblem[] };

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
        const options = { forms: this.host.forms, by: { name: this.changes.actor.trim() }, locale: this.host.language };
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
    let events: RegisterEvent[] | Refusal;
    try {
      events =
        typeof contents === 'string' ? await this.jsonEvents(contents, store) : await this.csvEvents(contents, store);
    } catch (error) {
      return this.fail(error);
    }
    if ('errors' in events) {
      return this.finish({ kind: 'file-problems', format, fileName: file.name, problems: events.errors });
    }
    let view: RegisterView | undefined;
    try {
      view = await this.data.append(events);
    } catch (error) {
      return this.fail(error);
    }
    const entryIds = new Set(events.flatMap((event) => (isKeyEvent(event) ? [] : [event.entryId])));
    await this.finish({ kind: 'file', format, fileName: file.name, imported: entryIds.size }, view, entryIds, events);
  }

  async exportFile(kind: 'csv' | 'json' | 'published'): Promise<void> {
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
      const now = new Date();
      if (kind === 'json') {
        const text = registerLogToJson(await store.events(), { now });
        downloadFile(datedFileName('approved-tools', 'json'), new Blob([text], { type: 'application/json' }));
      } else {
        const { entries } = await store.read(now);
        if (kind === 'csv') {
          const text = registerToCsv(entries.map(entryRecord));
          downloadFile(datedFileName('approved-tools', 'csv'), new Blob([text], { type: 'text/csv;charset=utf-8' }));
        } else {
          const text = registerToJson(entries.map(entryWithHistory), [], { published: true, now });
          const name = datedFileName('approved-tools-for-staff', 'json');
          downloadFile(name, new Blob([text], { type: 'application/json' }));
        }
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

  /** A CSV's rows as events, each recording its entry as the row has it; or every problem of the file. */
  private async csvEvents(bytes: Uint8Array, store: RegisterStore): Promise<RegisterEvent[] | Refusal> {
    const decoded = decodeCsv(bytes);
    if ('errors' in decoded) return decoded;
    const { entries } = await store.read();
    const read = csvToRegister(decoded.text, entries.map(entryRecord));
    if ('errors' in read) return read;
    return eventsFromFileEntries(read.entries, entries, {
      at: new Date().toISOString(),
      by: { name: this.changes.actor.trim() },
      action: 'imported from CSV',
      newId: newEventId,
    });
  }

  /**
   * A register JSON file's events (version 2), or its entries' histories as
   * events (version 1); refused, all of it, when the register would set any
   * of them aside, with each reason.
   */
  private async jsonEvents(text: string, store: RegisterStore): Promise<RegisterEvent[] | Refusal> {
    const now = new Date();
    const read = jsonToRegisterLog(text, { at: now.toISOString(), by: { name: this.changes.actor.trim() } });
    if ('errors' in read) return { errors: read.errors.map(({ path, message }) => ({ path, message })) };
    const incoming = new Set(read.events);
    const { rejected } = registerFromEvents([...(await store.events()), ...read.events], { now });
    const refused = rejected.filter(({ event }) => incoming.has(event));
    if (refused.length === 0) return read.events;
    if (read.published) {
      return {
        errors: [
          {
            path: 'published',
            message:
              'this is the published copy of a register, made for staff: it leaves out the assessments and who made each change, so it cannot be imported over a register that holds its tools. Import a full export of the register instead.',
          },
        ],
      };
    }
    return {
      errors: refused.map(({ event, message }) => ({
        path: `events[${read.events.indexOf(event)}]`,
        message: isKeyEvent(event) ? message : `“${event.entryId}”: ${message}`,
      })),
    };
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
