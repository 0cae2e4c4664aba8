import { expect } from '@open-wc/testing';
import type { Assessment } from '../../../src/model/assessment.js';
import { canonicalAssessmentJson } from '../../../src/model/canonical-json.js';
import type { FormDefinition } from '../../../src/model/form-definition.js';
import { parseFormDefinition } from '../../../src/model/parse-form-definition.js';
import { historyOf } from '../../../src/model/register/carry-over.js';
import { signPdf } from '../../../src/pdf/pdf-signature.js';
import { createDeviceKey, type DeviceKey } from '../../../src/services/device-key.js';
import { StorageFullError } from '../../../src/services/draft-store.js';
import { importSignedPdfsToLog } from '../../../src/services/register/import-pdfs.js';
import { MemoryRegisterStore } from '../../../src/services/register/memory-register-store.js';
import { completeSocialAssessment, SOCIAL_ASSESSMENT_ID } from '../../pdf/fixtures.js';
import { plainPdf } from '../../pdf/signing-fixtures.js';

// Signed PDFs of the full form into the log: several at once, in the page's language, and when
// the browser refuses to store one.

const BY = { name: 'J. Evans, IT lead' };
const NOW = new Date('2026-11-25T12:00:00.000Z');
const latin1 = (bytes: Uint8Array) => Array.from(bytes, (byte) => String.fromCharCode(byte)).join('');

let form: FormDefinition;
let teacher: DeviceKey;
let stranger: DeviceKey;

before(async () => {
  form = parseFormDefinition(await (await fetch('/forms/social-tool-risk-assessment.json')).json());
  teacher = await createDeviceKey({ name: 'Łukasz Nowak', role: 'Head of computing', school: 'Ysgol Gwyn' });
  stranger = await createDeviceKey({ name: 'Siân Prydderch', role: 'Year 6 teacher', school: 'Ysgol Gwyn' });
});

/** The complete Padlet assessment, or another tool's, at a later revision when asked. */
function assessmentOf(changes: { tool?: string; url?: string; id?: string; revision?: number } = {}): Assessment {
  const assessment = completeSocialAssessment(form);
  const tool = changes.tool ?? assessment.tool.name;
  const url = changes.url ?? assessment.tool.url;
  return {
    ...assessment,
    id: changes.id ?? assessment.id,
    revision: changes.revision ?? assessment.revision,
    tool: { ...assessment.tool, name: tool, url },
    answers: { ...assessment.answers, 'tool-name': { value: tool }, 'tool-url': { value: url } },
  };
}

const seesaw = () => assessmentOf({ tool: 'Seesaw', url: 'https://seesaw.com', id: 'seesaw-assessment' });

async function signedPdf(assessment: Assessment, key: DeviceKey = teacher): Promise<Uint8Array> {
  return signPdf(
    plainPdf(`Risk assessment of ${assessment.tool.name}`),
    key,
    {
      name: 'assessment.json',
      bytes: new TextEncoder().encode(canonicalAssessmentJson(assessment)),
      mimeType: 'application/json',
      description: 'The assessment data',
    },
    { name: key.signer.name, reason: 'Risk assessment completed', signedAt: new Date('2026-11-21T09:30:00Z') },
  );
}

/** The PDF with one byte inside its signed range changed. */
function tampered(pdf: Uint8Array): Uint8Array {
  const copy = pdf.slice();
  const at = latin1(pdf).indexOf('/MediaBox') + 12;
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

async function entryOf(store: MemoryRegisterStore, id: string) {
  return (await store.entry(id))?.entry;
}

describe('signed PDFs of the full form into the register’s log', function () {
  // Each test signs PDFs and checks them in a worker.
  this.timeout(20_000);

  it('makes an entry of a valid signed PDF, its signer recognised by a trusted key', async () => {
    const store = new MemoryRegisterStore([
      {
        id: 'trusted-teacher',
        type: 'key-trusted',
        at: NOW.toISOString(),
        by: BY,
        key: { name: teacher.signer.name, role: teacher.signer.role, fingerprint: teacher.fingerprint },
      },
    ]);

    const [result] = await importSignedPdfsToLog(
      [{ name: 'padlet.pdf', bytes: await signedPdf(assessmentOf()) }],
      store,
      { forms: [form], by: BY, now: NOW },
    );

    expect(result).to.deep.equal({
      fileName: 'padlet.pdf',
      result: 'created',
      entryId: SOCIAL_ASSESSMENT_ID,
      tool: 'Padlet',
      signer: { name: 'Łukasz Nowak', role: 'Head of computing', fingerprint: teacher.fingerprint },
      signerRecognised: true,
    });
    const stored = await entryOf(store, SOCIAL_ASSESSMENT_ID);
    expect(stored).to.include({ tool: 'Padlet', status: 'submitted', outcome: 'approved-with-conditions' });
    expect(stored?.owners).to.deep.equal([
      { name: 'Łukasz Nowak', role: 'Head of computing' },
      { name: 'Siân Prydderch', role: 'Year 6 teacher' },
    ]);
    expect(stored?.assessment?.revision).to.equal(42);
    expect(historyOf(stored!)).to.deep.equal([
      { at: NOW.toISOString(), by: BY.name, action: 'imported', changes: [{ field: 'status', to: 'submitted' }] },
    ]);
  });

  it('takes the form’s option labels and conditions in the language asked for', async () => {
    const store = new MemoryRegisterStore();

    await importSignedPdfsToLog([{ name: 'padlet.pdf', bytes: await signedPdf(assessmentOf()) }], store, {
      forms: [form],
      by: BY,
      now: NOW,
      locale: 'cy',
    });

    const stored = await entryOf(store, SOCIAL_ASSESSMENT_ID);
    expect(stored?.yearGroups).to.deep.equal(['Blynyddoedd 5 a 6', 'Blynyddoedd 7 i 9']);
    expect(stored?.conditions).to.include(
      'Anfonwch y llythyr at rieni a gofalwyr cyn i ddisgyblion ddefnyddio’r offeryn.',
    );
  });

  it('takes several files at once, one bad file stopping none of the others', async () => {
    const store = new MemoryRegisterStore();

    const results = await importSignedPdfsToLog(
      [
        { name: 'padlet.pdf', bytes: await signedPdf(assessmentOf()) },
        { name: 'changed.pdf', bytes: tampered(await signedPdf(assessmentOf({ tool: 'Kahoot!', url: '' }))) },
        { name: 'not a pdf.pdf', bytes: new TextEncoder().encode('Tool,Status\r\n') },
        { name: 'unsigned.pdf', bytes: plainPdf() },
        { name: 'seesaw.pdf', bytes: await signedPdf(seesaw()) },
      ],
      store,
      { forms: [form], by: BY, now: NOW },
    );

    expect(results.map(({ fileName, result }) => [fileName, result])).to.deep.equal([
      ['padlet.pdf', 'created'],
      ['changed.pdf', 'refused'],
      ['not a pdf.pdf', 'refused'],
      ['unsigned.pdf', 'refused'],
      ['seesaw.pdf', 'created'],
    ]);
    expect(results[1]!.reason).to.deep.equal({ code: 'invalid', problems: [{ code: 'signature-mismatch' }] });
    expect(results[1]!.signer?.fingerprint, 'who signed the changed file is still said').to.equal(teacher.fingerprint);
    expect(results[2]!.reason).to.deep.equal({ code: 'invalid', problems: [{ code: 'not-a-pdf' }] });
    expect(results[3]!.reason).to.deep.equal({ code: 'unsigned', problems: [{ code: 'no-signature' }] });
    expect((await store.read()).entries.map(({ tool }) => tool).sort()).to.deep.equal(['Padlet', 'Seesaw']);
  });

  it('lands two assessments of one tool in one batch, in order', async () => {
    const store = new MemoryRegisterStore();

    const results = await importSignedPdfsToLog(
      [
        { name: 'padlet.pdf', bytes: await signedPdf(assessmentOf()) },
        { name: 'padlet v43.pdf', bytes: await signedPdf(assessmentOf({ revision: 43 }), stranger) },
      ],
      store,
      { forms: [form], by: BY },
    );

    expect(results.map(({ result, entryId }) => [result, entryId])).to.deep.equal([
      ['created', SOCIAL_ASSESSMENT_ID],
      ['updated', SOCIAL_ASSESSMENT_ID],
    ]);
    const stored = await entryOf(store, SOCIAL_ASSESSMENT_ID);
    expect(stored?.assessment?.revision).to.equal(43);
    expect(historyOf(stored!).map(({ action }) => action)).to.deep.equal(['imported', 'reassessed']);
  });

  it('reports a file the browser could not store as refused, and goes on with the next', async () => {
    class FullOnceStore extends MemoryRegisterStore {
      private failed = false;
      override async append(...args: Parameters<MemoryRegisterStore['append']>): Promise<void> {
        if (!this.failed) {
          this.failed = true;
          throw new StorageFullError('The quota has been exceeded.');
        }
        return super.append(...args);
      }
    }
    const store = new FullOnceStore();

    const results = await importSignedPdfsToLog(
      [
        { name: 'padlet.pdf', bytes: await signedPdf(assessmentOf()) },
        { name: 'seesaw.pdf', bytes: await signedPdf(seesaw()) },
      ],
      store,
      { forms: [form], by: BY },
    );

    expect(results[0]).to.include({ result: 'refused', fileName: 'padlet.pdf' });
    expect(results[0]!.reason).to.deep.equal({ code: 'storage', message: 'The quota has been exceeded.' });
    expect(results[1]).to.include({ result: 'created', tool: 'Seesaw' });
    expect((await store.read()).entries.map(({ tool }) => tool)).to.deep.equal(['Seesaw']);
  });
});
