import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { plural } from '../../internal/plural.js';
import type { RegisterEntryState } from '../../model/register/fold.js';
import type { PdfImportResult } from '../../services/register/import-pdfs.js';
import type { RegisterChangesController } from './register-changes.js';
import { refusalWords } from './register-words.js';
import { renderActor } from './render-common.js';
import type { FileImportProblem, ImportReport, TransferController } from './transfers.js';

// The panel of imports and exports, and what the last import did.

export interface TransfersView {
  transfers: TransferController;
  changes: RegisterChangesController;
  language: string;
  /** Whether files are held over the element. */
  dragging: boolean;
  entries: readonly RegisterEntryState[];
  open(entry: RegisterEntryState): void;
}

export function renderTransfers(view: TransfersView): TemplateResult {
  const { transfers, changes } = view;
  const busy = transfers.busy !== undefined;
  const fileField = (
    id: string,
    label: string,
    hint: string,
    accept: string,
    multiple: boolean,
    run: (files: File[]) => Promise<void>,
  ) =>
    html`<div class="file-field">
      <label for=${id}>${label}</label>
      <span class="hint" id=${`${id}-hint`}>${hint}</span>
      <input
        id=${id}
        type="file"
        accept=${accept}
        ?multiple=${multiple}
        ?disabled=${busy}
        aria-describedby=${`${id}-hint`}
        @change=${(event: Event) => {
          const input = event.target as HTMLInputElement;
          const files = [...(input.files ?? [])];
          // Cleared, so that choosing the same file again (after fixing it, say) imports it again.
          input.value = '';
          if (files.length > 0) void run(files);
        }}
      />
    </div>`;
  return html`<section class="panel" aria-labelledby="transfer-heading">
    <h3 id="transfer-heading">${msg('Import and export')}</h3>
    ${renderActor(changes)}
    <div class=${view.dragging ? 'drop-zone dragging' : 'drop-zone'} part="drop-zone">
      ${fileField(
        'import-pdfs',
        msg('Import signed PDFs'),
        msg(
          'Choose several at once, or drop them on the register. Each is checked in this browser: nothing is sent anywhere.',
        ),
        'application/pdf,.pdf',
        true,
        (files) => transfers.importPdfs(files),
      )}
      ${fileField(
        'import-csv',
        msg('Import CSV'),
        msg(
          'The register as Excel saves it (“CSV UTF-8”). All or nothing: if any row is wrong, nothing is imported and every problem is listed.',
        ),
        'text/csv,.csv',
        false,
        (files) => transfers.importFile('CSV', files[0]!),
      )}
      ${fileField(
        'import-json',
        msg('Import JSON'),
        msg('A register exported as JSON. All or nothing, like the CSV.'),
        'application/json,.json',
        false,
        (files) => transfers.importFile('JSON', files[0]!),
      )}
    </div>
    <div role="status">
      ${
        transfers.busy === 'importing'
          ? html`<p>${msg('Importing…')}</p>`
          : transfers.busy === 'exporting'
            ? html`<p>${msg('Exporting…')}</p>`
            : nothing
      }
    </div>
    ${renderImportReport(transfers.report, view)}
    <div class="actions">
      <button type="button" @click=${() => transfers.exportFile('csv')}>${msg('Export CSV')}</button>
      <button type="button" @click=${() => transfers.exportFile('json')}>${msg('Export JSON')}</button>
      <button type="button" @click=${() => transfers.exportFile('published')}>
        ${msg('Export for staff (published)')}
      </button>
      <button type="button" @click=${() => transfers.exportFile('reminders')}>
        ${msg('Export review reminders (calendar)')}
      </button>
    </div>
  </section>`;
}

function renderImportReport(report: ImportReport | undefined, view: TransfersView): TemplateResult | typeof nothing {
  if (!report) return nothing;
  const { language } = view;
  const heading = (words: string) => html`<h4 id="import-report-heading" tabindex="-1">${words}</h4>`;
  switch (report.kind) {
    case 'file':
      return html`<div class="message">
        ${heading(
          plural(report.imported, language, {
            one: msg(str`${report.imported} tool imported from ${report.fileName}.`, {
              id: 'register-tools-imported-one',
            }),
            other: msg(str`${report.imported} tools imported from ${report.fileName}.`, {
              id: 'register-tools-imported-other',
            }),
          }),
        )}
      </div>`;
    case 'file-problems':
      return html`<div class="error-summary">
        ${heading(
          plural(report.problems.length, language, {
            one: msg(str`Nothing was imported from ${report.fileName}: ${report.problems.length} problem`, {
              id: 'register-import-problems-one',
            }),
            other: msg(str`Nothing was imported from ${report.fileName}: ${report.problems.length} problems`, {
              id: 'register-import-problems-other',
            }),
          }),
        )}
        <ul>
          ${report.problems.map((problem) => html`<li>${importProblemWords(problem)}</li>`)}
        </ul>
      </div>`;
    case 'pdfs': {
      const { results, unopenable } = report;
      const added = results.filter((result) => result.result !== 'refused').length;
      const chosen = results.length + unopenable.length;
      return html`<div class="message">
        ${heading(
          plural(chosen, language, {
            one: msg(str`${added} of ${chosen} PDF imported`, { id: 'register-pdfs-imported-one' }),
            other: msg(str`${added} of ${chosen} PDFs imported`, { id: 'register-pdfs-imported-other' }),
          }),
        )}
        <ul class="results">
          ${results.map((result) => html`<li>${renderPdfResult(result, view)}</li>`)}
          ${unopenable.map(
            (name) =>
              html`<li>
                <strong>${name}</strong>:
                ${msg('Not imported: the file could not be opened. It may have been moved or deleted; choose it again.')}
              </li>`,
          )}
        </ul>
      </div>`;
    }
  }
}

function importProblemWords(problem: FileImportProblem): string {
  if (problem.row !== undefined && problem.column) {
    return msg(str`Row ${problem.row}, column “${problem.column}”: ${problem.message}`);
  }
  if (problem.row !== undefined) return msg(str`Row ${problem.row}: ${problem.message}`);
  if (problem.path) return msg(str`${problem.path}: ${problem.message}`);
  return problem.message;
}

function renderPdfResult(result: PdfImportResult, view: TransfersView): TemplateResult {
  const tool = result.tool ?? result.fileName;
  const entry = result.entryId === undefined ? undefined : view.entries.find(({ id }) => id === result.entryId);
  const what =
    result.result === 'created'
      ? msg(str`Added “${tool}” to the register.`)
      : result.result === 'updated'
        ? msg(str`Updated “${tool}”: re-assessed, its history kept.`)
        : result.result === 'side-by-side'
          ? msg(
              str`Added “${tool}” beside another file of the same assessment signed by a different key: see “Files that claim the same assessment”.`,
            )
          : result.reason
            ? refusalWords(result.reason)
            : msg('Not imported.');
  const signer = result.signer;
  return html`<strong>${result.fileName}</strong>: ${what}
    ${
      signer && !result.signerRecognised && result.result !== 'refused'
        ? html`<span>
            ${msg(str`Signer not recognised: ${signer.name || msg('someone who gave no name')}, key ${signer.fingerprint}.`)}
          </span>`
        : nothing
    }
    ${
      entry
        ? html`<button type="button" class="tool" @click=${() => view.open(entry)}>
            ${msg(str`Open ${entry.tool}`)}
          </button>`
        : nothing
    }`;
}
