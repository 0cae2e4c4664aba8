import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { ProformaRegister } from '../../src/components/proforma-register/proforma-register.js';
import type { ProformaRegisterChangeEvent } from '../../src/events/register-change.js';
import { IndexedDbRegisterStore } from '../../src/services/register/indexeddb-register-store.js';
import { historyOf } from '../../src/model/register/carry-over.js';
import { catchDownloads, focused, text } from '../a11y/helpers.js';
import { padletForm, signedPadletPdf } from '../pdf/signing-fixtures.js';
import { accessibleWords, eventOrProblem, tabTo } from './keyboard.js';

// The IT lead's whole round with the keyboard alone: import a signed PDF, decide, export CSV.
// Every step is a key press or typing; nothing is clicked or set from the test.

const base64 = (bytes: Uint8Array) => btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(''));

describe('the IT lead, with the keyboard alone', function () {
  // A whole round of signing, verifying, deciding and exporting, one key press at a time.
  this.timeout(30_000);

  it('imports a signed PDF, records a decision and exports the register as CSV', async () => {
    const namespace = `test-keyboard-${Math.random().toString(36).slice(2)}`;
    const pdf = await signedPadletPdf('padlet-keyboard');
    const element = await fixture<ProformaRegister>(
      html`<proforma-register lang="en-GB" namespace=${namespace} .forms=${[padletForm]}></proforma-register>`,
    );
    const shadow = element.shadowRoot!;
    await waitUntil(() => text(shadow).includes('The register is empty'), 'the register never loaded');

    await tabTo('Your name');
    await sendKeys({ type: 'J. Evans, IT lead' });

    // Enter on the file input opens the browser's file chooser, as it would for a person; the
    // command presses it and answers the chooser with the file.
    await tabTo(/Import signed PDFs/);
    // The import reads, checks and stores the PDF: the test waits for the register to say it
    // changed, however long a busy machine takes, rather than for a clock.
    const imported = eventOrProblem<ProformaRegisterChangeEvent>(element, 'proforma-register-change');
    await executeServerCommand('choose-files', {
      press: 'Enter',
      files: [{ name: 'padlet.pdf', base64: base64(pdf) }],
    });
    expect((await imported).detail.action).to.equal('imported');
    await element.updateComplete;
    expect(text(shadow)).to.include('Added “Padlet” to the register.');

    await tabTo('Padlet');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused()?.id === 'detail-heading', 'the detail did not take the focus');

    await tabTo('Start a review');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(shadow).includes('Record the decision'), 'the review did not start');

    // The outcome is a radio group: the arrow keys move the choice to "Not approved".
    await tabTo(/^(Approved|Approved with conditions|Not approved)$/);
    for (let presses = 0; presses < 3 && accessibleWords(focused()) !== 'Not approved'; presses += 1) {
      await sendKeys({ press: 'ArrowDown' });
    }
    expect((focused() as HTMLInputElement).checked, 'the choice follows the arrow keys').to.equal(true);
    expect(accessibleWords(focused())).to.equal('Not approved');
    await tabTo('Approver');
    await sendKeys({ type: 'C. Jones, deputy head' });
    await tabTo('Record the decision');
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => text(shadow).includes('Decision recorded for Padlet: Not approved.'),
      'the decision was not recorded',
    );

    await tabTo('Back to the list');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => accessibleWords(focused()) === 'Padlet', 'the focus did not go back to the tool');

    // The CSV goes out as a download link the element clicks; the test keeps the file instead.
    const downloads = catchDownloads();
    try {
      await tabTo('Export CSV');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => downloads.files.length === 1, 'no CSV was offered');
    } finally {
      downloads.stop();
    }

    const csv = await (await fetch(downloads.files[0]!.href)).text();
    const [header, row] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(downloads.files[0]!.name).to.match(/^approved-tools-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(header).to.contain('Tool').and.to.contain('Status');
    expect(row).to.contain('Padlet').and.to.contain('Not approved').and.to.contain('C. Jones, deputy head');
    const store = new IndexedDbRegisterStore(namespace);
    const { entries } = await store.read();
    expect(entries.map(({ tool, status }) => [tool, status])).to.deep.equal([['Padlet', 'not-approved']]);
    const stored = await store.entry(entries[0]!.id);
    expect(stored?.entry.assessment?.id, 'the answers are kept with the entry').to.equal('padlet-keyboard');
    expect(Object.keys(stored?.entry.assessment?.answers ?? {}), 'with its answers').not.to.have.length(0);
    expect(
      stored?.evidence.map(({ name }) => name),
      'the signed PDF kept as evidence',
    ).to.deep.equal(['padlet.pdf']);
    expect(stored?.entry.log.map(({ type, by }) => [type, by.name]).reverse()).to.deep.equal([
      ['imported', 'J. Evans, IT lead'],
      ['review-started', 'J. Evans, IT lead'],
      ['decided', 'J. Evans, IT lead'],
    ]);
    expect(historyOf(stored!.entry).map(({ action }) => action)).to.deep.equal(['imported', 'status', 'decided']);
  });
});
