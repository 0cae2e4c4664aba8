import { expect } from '@open-wc/testing';
import {
  decisionsOfSubmissions,
  readSubmission,
  submissionDocument,
  type Submission,
} from '../../../src/model/register/submissions.js';

const submission: Submission = {
  id: '0b6f1c2e-4d5a-4f6b-8c7d-9e0f1a2b3c4d',
  submittedAt: '2026-12-07T10:15:00.000Z',
  by: { name: 'Siân Prydderch' },
  recordedBy: 'sprydderch',
  tool: { name: 'Padlet', url: 'https://padlet.com' },
  fileName: 'Padlet-risk-assessment-2026-12-07.pdf',
};

describe('submissions', () => {
  it('are written as the server takes them and read back as they were', () => {
    const doc = submissionDocument(submission, 'JVBERi0=');
    expect(doc).to.deep.equal({
      _id: submission.id,
      kind: 'proforma-submission',
      version: 1,
      submittedAt: submission.submittedAt,
      by: { name: 'Siân Prydderch' },
      recordedBy: 'sprydderch',
      tool: { name: 'Padlet', url: 'https://padlet.com' },
      fileName: submission.fileName,
      _attachments: { 'assessment.pdf': { content_type: 'application/pdf', data: 'JVBERi0=' } },
    });
    expect(readSubmission(doc)).to.deep.equal({ submission });
  });

  it('leave out a tool’s empty web address', () => {
    const doc = submissionDocument({ ...submission, tool: { name: 'Padlet', url: '' } }, 'x');
    expect(doc.tool).to.deep.equal({ name: 'Padlet' });
  });

  const stub = { content_type: 'application/pdf', stub: true, length: 12 };
  const notSubmissions: Array<[string, unknown, RegExp]> = [
    ['nothing', null, /not a document/],
    ['an id that is not a UUID', { _id: 'submission-1' }, /random UUID/],
    ['another kind', { kind: 'register-event' }, /not a submission of version 1/],
    ['another version', { version: 2 }, /not a submission of version 1/],
    ['no time', { submittedAt: 'today' }, /not a date and time/],
    ['no signer', { by: {} }, /whose name the PDF is signed in/],
    ['no sender', { recordedBy: '' }, /who sent it/],
    ['no tool', { tool: { url: 'https://padlet.com' } }, /name the tool/],
    ['a file name not ending .pdf', { fileName: 'padlet.docx' }, /does not end in \.pdf/],
    ['no PDF', { _attachments: {} }, /no signed PDF/],
  ];
  for (const [what, change, problem] of notSubmissions) {
    it(`with ${what} are not read`, () => {
      const doc = change === null ? null : { ...submissionDocument(submission, undefined), ...(change as object) };
      const read = readSubmission(doc);
      expect('problem' in read && read.problem).to.match(problem);
    });
  }

  it('are read from a stub, as a database lists them without their PDFs', () => {
    const doc = {
      ...submissionDocument(submission, undefined),
      _rev: '1-abc',
      _attachments: { 'assessment.pdf': stub },
    };
    expect(readSubmission(doc)).to.deep.equal({ submission });
  });
});

describe('the decisions recorded for submissions', () => {
  const published = (submissions: unknown, status: string, publishedAt = '2026-12-08T09:00:00.000Z') => ({
    _id: 'ysgol-gwyn:entry-padlet',
    school: 'ysgol-gwyn',
    entry: { id: 'entry-padlet', tool: 'Padlet', status },
    publishedAt,
    ...(submissions === undefined ? {} : { submissions }),
  });

  const cases: Array<[string, unknown[], Array<[string, string]>]> = [
    ['none from documents without the field', [published(undefined, 'approved')], []],
    [
      'one from a decided tool',
      [published(['s-1', 's-2'], 'approved-with-conditions')],
      [
        ['s-1', 'approved-with-conditions'],
        ['s-2', 'approved-with-conditions'],
      ],
    ],
    ['none from a tool still under review', [published(['s-1'], 'under-review')], []],
    ['a refusal as not approved', [published(['s-1'], 'not-approved')], [['s-1', 'not-approved']]],
    [
      'the later publishing’s, whatever the order',
      [published(['s-1'], 'under-review', '2026-12-09T09:00:00.000Z'), published(['s-1'], 'approved')],
      [],
    ],
    ['nothing from ids that are not words', [published([7, null], 'approved')], []],
  ];
  for (const [what, documents, expected] of cases) {
    it(`are ${what}`, () => {
      expect([...decisionsOfSubmissions(documents)]).to.deep.equal(expected);
    });
  }
});
