import { expect } from '@open-wc/testing';
import { registerFromEvents } from '../../../src/model/register/fold.js';
import {
  publishedDocumentId,
  publishedDocuments,
  readPublishedDocument,
  samePublicFields,
  withPublishedChanges,
  type PublishedDocument,
} from '../../../src/model/register/published-documents.js';
import { publishedAssessment } from '../../../src/model/register/published-assessment.js';
import { NOW, at, decided, underReview } from './log.js';
import { entry } from './helpers.js';

describe('published documents', () => {
  const register = registerFromEvents([...underReview('padlet'), decided('padlet-3', 'padlet', 'padlet-2', at(3))], {
    now: NOW,
  });

  it('are one per tool, named by school and entry, with the public fields only', () => {
    const [document, ...others] = publishedDocuments('ysgol-gwyn', register.entries, NOW);
    expect(others).to.have.length(0);
    expect(document!._id).to.equal('ysgol-gwyn:padlet');
    expect(document!.school).to.equal('ysgol-gwyn');
    expect(document!.publishedAt).to.equal(NOW.toISOString());
    expect(document!.entry.status).to.equal('approved');
    expect(document!.entry, 'no assessment').not.to.have.property('assessment');
    expect(
      document!.entry.history.every(({ by }) => by === ''),
      'no names in the history',
    ).to.equal(true);
    expect(document!, 'no revision before the server gives one').not.to.have.property('_rev');
  });

  it('publish the same of a tool whenever they are made, until the tool changes', () => {
    const [first] = publishedDocuments('ysgol-gwyn', register.entries, NOW);
    const [later] = publishedDocuments('ysgol-gwyn', register.entries, new Date('2027-01-01T00:00:00Z'));
    expect(samePublicFields(first!, { ...later!, _rev: '3-abc' } as PublishedDocument)).to.equal(true);
    const changed = { ...later!, entry: { ...later!.entry, conditions: ['Moderate comments'] } };
    expect(samePublicFields(first!, changed)).to.equal(false);
    expect(samePublicFields(first!, { ...later!, school: 'ysgol-arall' })).to.equal(false);
  });

  const good: PublishedDocument = {
    _id: publishedDocumentId('ysgol-gwyn', 'entry-1'),
    _rev: '1-abc',
    school: 'ysgol-gwyn',
    entry: entry(),
    publishedAt: NOW.toISOString(),
    submissions: ['submission-1'],
  };
  const cases: Array<[string, unknown, string | undefined]> = [
    ['a published tool', good, undefined],
    ['nothing', null, 'it is not a document'],
    [
      'a document with no school',
      { ...good, school: undefined },
      'it does not name its school and when it was published',
    ],
    ['a document with no time', { ...good, publishedAt: 3 }, 'it does not name its school and when it was published'],
    ['an entry that is not one', { ...good, entry: { tool: 'Padlet' } }, 'its entry is not a register entry'],
    ['an id of another entry', { ...good, _id: 'ysgol-gwyn:entry-2' }, 'its id is not its school and entry'],
    ['an id of another school', { ...good, _id: 'ysgol-arall:entry-1' }, 'its id is not its school and entry'],
  ];
  it('read a document published before submissions were kept as coming from none', () => {
    const older: Partial<PublishedDocument> = { ...good };
    delete older.submissions;
    expect(readPublishedDocument(older)).to.deep.equal({ document: { ...good, submissions: [] } });
  });

  it('name the submissions a tool’s assessments came from, oldest first, and publish again when one is added', () => {
    const mark = (id: string) => ({ id, submittedAt: at(1), by: { name: 'Siân Jones' } });
    const [imported, started] = underReview('padlet');
    const events = [{ ...imported!, submission: mark('first') }, started!] as Parameters<typeof registerFromEvents>[0];
    const before = publishedDocuments('ysgol-gwyn', registerFromEvents(events, { now: NOW }).entries, NOW)[0]!;
    expect(before.submissions).to.deep.equal(['first']);
    expect(samePublicFields(before, { ...before, submissions: ['first', 'second'] })).to.equal(false);
    expect(samePublicFields(before, { ...before, submissions: undefined! })).to.equal(false);
  });

  for (const [what, doc, problem] of cases) {
    it(`read: ${what}`, () => {
      const read = readPublishedDocument(doc);
      if (problem === undefined) expect(read).to.deep.equal({ document: good });
      else expect(read).to.deep.equal({ problem });
    });
  }

  it('carry the tool’s assessment as others may copy it, and publish again when it is assessed again', () => {
    const [document] = publishedDocuments('ysgol-gwyn', register.entries, NOW);
    const assessment = register.entries[0]!.assessment!;
    expect(document!.assessment, 'the assessment, published').to.deep.equal(publishedAssessment(assessment));
    const again = { ...assessment, revision: assessment.revision + 1, answers: { age: { value: 16 } } };
    const [reassessed] = publishedDocuments('ysgol-gwyn', [{ ...register.entries[0]!, assessment: again }], NOW);
    expect(samePublicFields(document!, reassessed!)).to.equal(false);
    expect(readPublishedDocument(reassessed)).to.deep.equal({ document: reassessed });
  });

  it('read a document whose assessment is not one as offering nothing to copy', () => {
    const names = {
      ...good,
      assessment: {
        id: 'a',
        form: { id: 'f', version: '1' },
        revision: 1,
        updatedAt: NOW.toISOString(),
        answers: { owners: { value: [{ name: 'Siân' }] } },
      },
    };
    expect(readPublishedDocument(names)).to.deep.equal({ document: good });
  });

  it('take a batch of changes: replaced, added and removed by id', () => {
    const a = { ...good, _id: 's:a' };
    const b = { ...good, _id: 's:b' };
    const b2 = { ...b, _rev: '2-def' };
    const c = { ...good, _id: 's:c' };
    expect(withPublishedChanges([a, b], [b2, c], ['s:a']).map(({ _id, _rev }) => `${_id} ${_rev}`)).to.deep.equal([
      's:b 2-def',
      's:c 1-abc',
    ]);
  });
});
