import { expect } from '@open-wc/testing';
import { registerFromEvents } from '../../../src/model/register/fold.js';
import {
  heldSubmissions,
  latestSubmission,
  submissionEntryId,
  submissionEventId,
  submissionEventTime,
  submissionIdsOf,
  type Submission,
} from '../../../src/model/register/submissions.js';
import type { RegisterEvent } from '../../../src/model/register/events.js';
import { NOW, at, imported, reviewStarted } from './log.js';

const submission: Submission = {
  id: '0b6f1c2e-4d5a-4f6b-8c7d-9e0f1a2b3c4d',
  submittedAt: '2026-11-21T09:30:00.000Z',
  by: { name: 'Siân Jones' },
  recordedBy: 'sjones',
  tool: { name: 'Padlet', url: 'https://padlet.com' },
  fileName: 'padlet.pdf',
};

const mark = (id: string) => ({ id, submittedAt: at(1), by: { name: 'Siân Jones' } });

// What an approver's browser writes of a teacher's submission, and what the register then says of it.
describe('the events of teachers’ submissions', () => {
  it('give the same event and entry ids for the same submission, and others for another', () => {
    expect(submissionEventId('c0ffee')).to.equal(submissionEventId('c0ffee'));
    expect(submissionEventId('c0ffee')).not.to.equal(submissionEventId('beef'));
    expect(submissionEntryId('c0ffee')).not.to.equal(submissionEventId('c0ffee'));
  });

  const times: Array<[string, string | undefined, string]> = [
    ['a new tool: when it was sent', undefined, submission.submittedAt],
    ['a tool last changed before: when it was sent', '2026-11-20T09:00:00.000Z', submission.submittedAt],
    ['a tool changed since: that change’s time', '2026-11-22T09:00:00.000Z', '2026-11-22T09:00:00.000Z'],
  ];
  for (const [what, newest, expected] of times) {
    it(`date the event for ${what}`, () =>
      expect(submissionEventTime(submission.submittedAt, newest ? { at: newest } : undefined)).to.equal(expected));
  }

  it('say which submission an entry’s assessment came from, and every one it came from', () => {
    const events: RegisterEvent[] = [
      { ...imported('p-1', 'padlet', at(1)), submission: mark('first') } as RegisterEvent,
      reviewStarted('p-2', 'padlet', 'p-1', at(2)),
      imported('q-1', 'quizlet', at(1)),
    ];
    const { entries } = registerFromEvents(events, { now: NOW });
    const padlet = entries.find(({ id }) => id === 'padlet')!;
    const quizlet = entries.find(({ id }) => id === 'quizlet')!;
    expect(latestSubmission(padlet)).to.deep.equal(mark('first'));
    expect(submissionIdsOf(padlet)).to.deep.equal(['first']);
    expect(latestSubmission(quizlet)).to.equal(undefined);
    expect(submissionIdsOf(quizlet)).to.deep.equal([]);
  });

  it('count as held a submission whose event the register applied or set aside', () => {
    const events: RegisterEvent[] = [
      { ...imported('p-1', 'padlet', at(1)), submission: mark('applied') } as RegisterEvent,
      // A second import of the same entry is set aside; its submission is held all the same.
      { ...imported('p-9', 'padlet', at(2)), submission: mark('set-aside') } as RegisterEvent,
    ];
    const register = registerFromEvents(events, { now: NOW });
    expect(register.rejected).to.have.length(1);
    expect([...heldSubmissions(register)].sort()).to.deep.equal(['applied', 'set-aside']);
  });
});
