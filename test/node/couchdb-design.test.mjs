// The register's server rules as functions, without a server: who may write which event, what an
// event must look like, and that the source sent to CouchDB is ES5 its query server can run.
// test/node/couchdb-rules.test.mjs puts the same rules through a real server.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { runInNewContext } from 'node:vm';
import { parse } from 'acorn';
import {
  eventsByEntry,
  publishedDesignDocument,
  publishedTools,
  registerDesignDocument,
  schoolNames,
  submissionsDesignDocument,
  trustDesignDocument,
  validatePublished,
  validateRegisterEvent,
  validateSubmission,
  validateTrust,
} from '../../couchdb/design-documents.mjs';
import { siteOf } from '../../couchdb/setup.mjs';
import { EVENT_TYPES, eventDocument, submissionDocument } from '../couchdb/events.mjs';

const { roles } = schoolNames('ysgol-gwyn');
const people = {
  approver: { name: 'ann', roles: [roles.approver] },
  teacher: { name: 'tom', roles: [roles.teacher] },
  staff: { name: 'sue', roles: [roles.staff] },
  otherSchoolsApprover: { name: 'ola', roles: ['proforma-other-approver'] },
  admin: { name: 'admin', roles: ['_admin'] },
};

/** The reason the register's rules give for refusing `doc`, or undefined when they accept it. */
function refusal(doc, person, oldDoc = null, validate = validateRegisterEvent) {
  try {
    validate(doc, oldDoc, person, {}, roles);
    return undefined;
  } catch (error) {
    assert.ok(error && typeof error.forbidden === 'string', `refused without a reason: ${JSON.stringify(error)}`);
    return error.forbidden;
  }
}

for (const type of EVENT_TYPES) {
  test(`an approver may add a ${type} event in their own name`, () => {
    assert.equal(refusal(eventDocument(type, 'ann'), people.approver), undefined);
  });
}

test('teachers, staff, and approvers of another school, may add nothing to the register', () => {
  for (const person of [people.teacher, people.staff, people.otherSchoolsApprover]) {
    for (const type of ['submitted', 'decided']) {
      assert.equal(
        refusal(eventDocument(type, person.name), person),
        'Only the approvers of this school may add to its register.',
        `${person.name}: ${type}`,
      );
    }
  }
});

test('an event is never changed or deleted, but by a server admin', () => {
  const event = { ...eventDocument('decided', 'ann'), _rev: '1-abc' };
  const changed = { ...event, outcome: 'not-approved' };
  const deleted = { _id: event._id, _rev: event._rev, _deleted: true };
  assert.equal(
    refusal(changed, people.approver, event),
    'Events are never changed once written: record a new event instead.',
  );
  assert.equal(refusal(deleted, people.approver, event), 'Events are never deleted: the register keeps every change.');
  assert.equal(refusal(changed, people.admin, event), undefined);
  assert.equal(refusal(deleted, people.admin, event), undefined);
});

test('an event in the name of someone other than the person signed in is refused', () => {
  assert.equal(
    refusal(eventDocument('decided', 'tom'), people.approver),
    'An event is recorded in the name of the person signed in (ann), not of "tom".',
  );
  assert.equal(refusal(eventDocument('decided', 'tom'), people.admin), undefined, 'an admin may carry events over');
});

test('recordedBy names the person signed in, whoever the event names', () => {
  assert.equal(refusal(eventDocument('decided', 'ann', { recordedBy: 'ann' }), people.approver), undefined);
  assert.equal(
    refusal(eventDocument('decided', 'ann', { recordedBy: 'tom' }), people.approver),
    'An event is recorded by the person signed in (ann), not by "tom".',
  );
});

test("an approver may move other people's events into the shared register, recorded in the approver's name", () => {
  for (const type of EVENT_TYPES) {
    const moved = eventDocument(type, 'someone who left', { moved: true, recordedBy: 'ann' });
    assert.equal(refusal(moved, people.approver), undefined, type);
  }
});

test('a moved event says who moved it, and only an approver moves events', () => {
  assert.equal(
    refusal(eventDocument('decided', 'tom', { moved: true }), people.approver),
    'A moved event names the approver who moved it (recordedBy).',
  );
  assert.equal(
    refusal(eventDocument('decided', 'tom', { moved: true, recordedBy: 'tom' }), people.approver),
    'An event is recorded by the person signed in (ann), not by "tom".',
  );
  for (const person of [people.teacher, people.staff]) {
    assert.equal(
      refusal(eventDocument('submitted', 'ann', { moved: true, recordedBy: person.name }), person),
      'Only the approvers of this school may add to its register.',
      person.name,
    );
  }
});

test('the envelope is checked for its shape', () => {
  assert.match(
    refusal(eventDocument('decided', 'ann', { moved: 'yes', recordedBy: 'ann' }), people.approver),
    /its mark of a moved event is not true/,
  );
  assert.match(
    refusal(eventDocument('decided', 'ann', { recordedBy: '' }), people.approver),
    /who recorded it is not a name/,
  );
});

const malformed = [
  ['no type', { type: undefined }],
  ['an unknown type', { type: 'approved' }],
  ['a type that is not text', { type: ['decided'] }],
  ['an id other than its document id', { id: 'event-other' }],
  ['a time that is not a date and time', { at: 'yesterday' }],
  ['no author', { by: undefined }],
  ['an author key that is not a fingerprint', { by: { name: 'ann', fingerprint: 'ab:cd' } }],
  ['no entry', { entryId: '' }],
  ['an outcome the register does not know', { outcome: 'maybe' }],
  ['conditions that are not a list', { conditions: 'none' }],
  ['no decision date', { decisionDate: undefined }],
  ['a review date that is not a date', { reviewDue: '07/06/2027' }],
];
for (const [what, overrides] of malformed) {
  test(`a decision with ${what} is refused as not a register event`, () => {
    assert.match(
      refusal(eventDocument('decided', 'ann', overrides), people.approver),
      /^This is not a register event: /,
    );
  });
}

test('a key event names a well-formed key', () => {
  const badKey = eventDocument('key-trusted', 'ann', { key: { name: 'Ann', role: 'IT lead', fingerprint: 'AB' } });
  assert.match(refusal(badKey, people.approver), /its key is not a name, a role and a fingerprint/);
  const badFingerprint = eventDocument('key-distrusted', 'ann', { fingerprint: 'nope' });
  assert.match(refusal(badFingerprint, people.approver), /fingerprint is not a SHA-256 fingerprint/);
});

test('design documents themselves pass the rules (CouchDB lets only admins write them)', () => {
  assert.equal(refusal({ _id: '_design/proforma', language: 'javascript' }, people.admin), undefined);
});

/** The reason the submissions database's rules give for refusing `doc`, or undefined. */
const submissionRefusal = (doc, person, oldDoc = null) => refusal(doc, person, oldDoc, validateSubmission);

test('a teacher or an approver sends a submission in their own name; staff and others may not', () => {
  assert.equal(submissionRefusal(submissionDocument('tom'), people.teacher), undefined);
  assert.equal(submissionRefusal(submissionDocument('ann'), people.approver), undefined);
  assert.equal(submissionRefusal(submissionDocument('someone'), people.admin), undefined);
  for (const person of [people.staff, people.otherSchoolsApprover]) {
    assert.equal(
      submissionRefusal(submissionDocument(person.name), person),
      'Only the teachers and approvers of this school may send it an assessment.',
    );
  }
  assert.equal(
    submissionRefusal(submissionDocument('ann'), people.teacher),
    'A submission is sent by the person signed in (tom), not by "ann".',
  );
});

test('a submission is never changed or deleted, but by a server admin', () => {
  const sent = { ...submissionDocument('tom'), _rev: '1-abc' };
  const changed = { ...sent, tool: { name: 'Canva' } };
  const deleted = { _id: sent._id, _rev: sent._rev, _deleted: true };
  assert.equal(
    submissionRefusal(changed, people.teacher, sent),
    'A submission is never changed once sent: send the assessment again instead.',
  );
  assert.equal(
    submissionRefusal(deleted, people.teacher, sent),
    'A submission is never deleted: the approvers keep every assessment sent to them.',
  );
  assert.equal(submissionRefusal(changed, people.admin, sent), undefined);
  assert.equal(submissionRefusal(deleted, people.admin, sent), undefined);
});

const notSubmissions = [
  ['an id that is not a UUID', { _id: 'submission-1' }, /its id is not a random UUID/],
  ['another kind', { kind: 'register-event' }, /it is not of the kind "proforma-submission"/],
  ['another version', { version: 2 }, /its version is not 1/],
  ['no time', { submittedAt: 'today' }, /its time is not a date and time/],
  ['no signer', { by: { name: '' } }, /whose name the PDF is signed in/],
  ['no sender', { recordedBy: undefined }, /it does not say who sent it/],
  ['no tool', { tool: { url: 'https://padlet.com' } }, /it does not name the tool/],
  ['an empty web address', { tool: { name: 'Padlet', url: '' } }, /web address is not words/],
  ['a file name not ending .pdf', { fileName: 'padlet.docx' }, /its file name does not end in \.pdf/],
  ['no PDF', { _attachments: undefined }, /does not carry the signed PDF/],
  [
    'a second attachment',
    {
      _attachments: {
        'assessment.pdf': { content_type: 'application/pdf', data: '' },
        'more.pdf': { content_type: 'application/pdf', data: '' },
      },
    },
    /does not carry the signed PDF \(and nothing else\)/,
  ],
  [
    'an attachment that is not a PDF',
    { _attachments: { 'assessment.pdf': { content_type: 'text/html', data: '' } } },
    /its attachment is not a PDF/,
  ],
];
for (const [what, overrides, reason] of notSubmissions) {
  test(`a submission with ${what} is refused`, () => {
    const found = submissionRefusal(submissionDocument('tom', overrides), people.teacher);
    assert.match(found ?? '', /^This is not a submission: /);
    assert.match(found ?? '', reason);
  });
}

/** A published tool of ysgol-gwyn, as publishRegister writes it, with `overrides` changed. */
function publishedTool(overrides = {}, entryOverrides = {}) {
  const entry = {
    id: 'entry-padlet',
    tool: 'Padlet',
    subjects: ['English'],
    yearGroups: ['Year 6'],
    status: 'approved-with-conditions',
    conditions: ['Comments moderated before they show'],
    owners: [{ name: 'Ann Evans' }, { name: 'Tom Jones' }],
    decisionDate: '2026-12-07',
    reviewDue: '2027-06-07',
    history: [{ at: '2026-12-07T10:15:00.000Z', by: '', action: 'decided', changes: [] }],
    ...entryOverrides,
  };
  return {
    _id: `ysgol-gwyn:${entry.id}`,
    school: 'ysgol-gwyn',
    entry,
    publishedAt: '2026-12-07T10:16:00.000Z',
    ...overrides,
  };
}

/** The reason the published register's rules give for refusing `doc`, or undefined. */
function publishedRefusal(doc, person, oldDoc = null) {
  return refusal(doc, person, oldDoc, (newDoc, old, userCtx, secObj, schoolRoles) =>
    validatePublished(newDoc, old, userCtx, secObj, schoolRoles, 'ysgol-gwyn'),
  );
}

test('only approvers and admins write the published register', () => {
  assert.equal(publishedRefusal(publishedTool(), people.approver), undefined);
  assert.equal(publishedRefusal(publishedTool(), people.admin), undefined);
  for (const person of [people.teacher, people.staff, people.otherSchoolsApprover]) {
    assert.equal(publishedRefusal(publishedTool(), person), 'Only an approver may publish the register for staff.');
  }
  const deleted = { _id: 'ysgol-gwyn:entry-padlet', _rev: '1-abc', _deleted: true };
  assert.equal(publishedRefusal(deleted, people.approver, publishedTool()), undefined, 'an approver may unpublish');
  assert.equal(
    publishedRefusal(deleted, people.staff, publishedTool()),
    'Only an approver may publish the register for staff.',
  );
});

const notPublished = [
  ['another school', { school: 'ysgol-arall' }, {}, /does not name this school \(ysgol-gwyn\)/],
  ['an id that is not the school and entry', { _id: 'padlet' }, {}, /its id is not the school and the entry id/],
  ['an id of another entry', { _id: 'ysgol-gwyn:entry-canva' }, {}, /its id is not the school and the entry id/],
  ['no entry', { entry: undefined }, {}, /it holds no entry/],
  ['no tool', {}, { tool: '' }, /it names no tool/],
  ['an unknown status', {}, { status: 'review-due' }, /its status is not one the register knows/],
  ['conditions that are not a list', {}, { conditions: 'none' }, /are not lists of words/],
  ['owners that are not people', {}, { owners: ['Ann'] }, /account owners are not a list of people/],
  ['a review date that is not a date', {}, { reviewDue: '07/06/2027' }, /its dates are not dates/],
  ['no history', {}, { history: undefined }, /it has no history/],
  ['the assessment', {}, { assessment: { answers: {} } }, /it holds the assessment, which is never published/],
  ['no time', { publishedAt: 'today' }, {}, /its time is not a date and time/],
  ['an assessment that does not say which', { assessment: { answers: {} } }, {}, /does not say which it is/],
  ...[
    ['notes', { value: 'yes', notes: 'Asked the DPO' }],
    ['evidence', { value: 'yes', evidence: ['https://example.org'] }],
    ['a list of people', { value: [{ name: 'Ann Evans' }] }],
    ['a sign-off', { value: { name: 'Ann Evans', date: '2026-12-07' } }],
    ['no value', {}],
  ].map(([what, answer]) => [
    `an assessment whose answer keeps ${what}`,
    { assessment: publishedAssessment({ q1: answer }) },
    {},
    /its assessment's answers are not values alone/,
  ]),
];

/** An assessment as a school publishes it for its trust, with these answers. */
function publishedAssessment(answers) {
  return {
    id: 'a-1',
    form: { id: 'social-tool', version: '2.0.0' },
    revision: 3,
    updatedAt: '2026-12-07T10:00:00.000Z',
    answers,
  };
}

test('a published tool may carry its assessment: each answer’s value alone', () => {
  const answers = {
    text: { value: 'Padlet' },
    age: { value: 13 },
    subjects: { value: ['art', 'maths'] },
    hazard: {
      value: { before: { likelihood: 3, impact: 4 }, controls: 'Moderated', after: { likelihood: 1, impact: 2 } },
    },
  };
  assert.equal(
    publishedRefusal(publishedTool({ assessment: publishedAssessment(answers) }), people.approver),
    undefined,
  );
});
for (const [what, overrides, entryOverrides, reason] of notPublished) {
  test(`a published tool with ${what} is refused`, () => {
    const found = publishedRefusal(publishedTool(overrides, entryOverrides), people.approver);
    assert.match(found ?? '', /^This is not a published tool: /);
    assert.match(found ?? '', reason);
  });
}

test("a trust's replication takes published tools and their deletions, not design documents", () => {
  const filter = compile(publishedDesignDocument('ysgol-gwyn').filters.tools);
  assert.equal(filter(publishedTool(), {}), true);
  assert.equal(filter({ _id: 'ysgol-gwyn:entry-padlet', _deleted: true }, {}), true);
  assert.equal(filter({ _id: '_design/proforma' }, {}), false);
  assert.equal(filter({ _id: 'register' }, {}), false);
  assert.equal(publishedTools({ _id: 'ysgol-gwyn:x' }), true);
});

test("only the server's admin (its replication) writes a trust's database", () => {
  assert.doesNotThrow(() => validateTrust(publishedTool(), null, people.admin));
  for (const person of [people.approver, people.staff, { name: 'tia', roles: ['proforma-oak-trust-staff'] }]) {
    assert.throws(() => validateTrust(publishedTool(), null, person), { forbidden: /filled from its schools/ });
  }
  const installed = compile(trustDesignDocument().validate_doc_update);
  assert.throws(() => installed(publishedTool(), null, people.approver, {}), { forbidden: /filled from its schools/ });
});

/** A function from the source a design document carries, as the query server makes it. */
const compile = (source, globals = {}) => runInNewContext(`(${source})`, globals);

test('the functions sent to the server are ES5, for the query servers that run no later JavaScript', () => {
  const sources = [
    registerDesignDocument('ysgol-gwyn').validate_doc_update,
    registerDesignDocument('ysgol-gwyn').views['events-by-entry'].map,
    publishedDesignDocument('ysgol-gwyn').validate_doc_update,
    publishedDesignDocument('ysgol-gwyn').filters.tools,
    submissionsDesignDocument('ysgol-gwyn').validate_doc_update,
    trustDesignDocument().validate_doc_update,
  ];
  for (const source of sources) {
    assert.doesNotThrow(() => parse(`(${source})`, { ecmaVersion: 5 }), source.slice(0, 80));
  }
});

test("the installed validation knows the school's roles", () => {
  const validate = compile(registerDesignDocument('ysgol-gwyn').validate_doc_update);
  assert.doesNotThrow(() => validate(eventDocument('decided', 'ann'), null, people.approver, {}));
  assert.throws(() => validate(eventDocument('decided', 'tom'), null, people.teacher, {}), {
    forbidden: 'Only the approvers of this school may add to its register.',
  });
  const published = compile(publishedDesignDocument('ysgol-gwyn').validate_doc_update);
  assert.doesNotThrow(() => published(publishedTool(), null, people.approver, {}));
  assert.throws(() => published(publishedTool({ school: 'other' }), null, people.approver, {}), {
    forbidden: /does not name this school/,
  });
  const otherSchool = compile(registerDesignDocument('other').validate_doc_update);
  assert.throws(() => otherSchool(eventDocument('decided', 'ann'), null, people.approver, {}), {
    forbidden: 'Only the approvers of this school may add to its register.',
  });
  const submissions = compile(submissionsDesignDocument('ysgol-gwyn').validate_doc_update);
  assert.doesNotThrow(() => submissions(submissionDocument('tom'), null, people.teacher, {}));
  assert.throws(() => submissions(submissionDocument('sue'), null, people.staff, {}), {
    forbidden: 'Only the teachers and approvers of this school may send it an assessment.',
  });
});

test('the view lists an entry’s events by entry and time, and no key events', () => {
  const emitted = [];
  // What the view emits is made in the query server's realm: compared as JSON.
  const map = compile(eventsByEntry.toString(), { emit: (key, value) => emitted.push(JSON.stringify([key, value])) });
  map(eventDocument('decided', 'ann'));
  map(eventDocument('key-trusted', 'ann'));
  assert.deepEqual(emitted, [JSON.stringify([['entry-padlet', '2026-12-07T10:15:00.000Z'], null])]);
});

test('the sample events are events the register itself reads (the built schema)', async (t) => {
  if (!existsSync('dist/model/index.js')) {
    t.skip('dist/ is not built: npm run build');
    return;
  }
  const { RegisterEventSchema } = await import('../../dist/model/index.js');
  // An imported or re-assessed event carries a whole assessment, which the rules check only as an object.
  for (const type of EVENT_TYPES.filter((type) => type !== 'imported' && type !== 're-assessed')) {
    const result = RegisterEventSchema.safeParse(eventDocument(type, 'ann'));
    assert.ok(result.success, `${type}: ${JSON.stringify(result.error?.issues)}`);
  }
});

const sites = [
  ['https://couch.ysgol-gwyn.cardiff.sch.uk', 'https://www.ysgol-gwyn.cardiff.sch.uk', true],
  ['https://couch.ysgol-gwyn.cardiff.sch.uk', 'https://www.ysgol-arall.cardiff.sch.uk', false],
  ['https://couch.example.co.uk:6984', 'https://intranet.example.co.uk', true],
  ['https://couch.example.org', 'https://intranet.example.org', true],
  ['https://couch.trust.org.uk', 'https://school.sharepoint.com', false],
  ['http://intranet.example.org', 'https://intranet.example.org', false],
  ['http://127.0.0.1:5984', 'http://localhost:8000', false],
  ['http://localhost:5984', 'http://localhost:8000', true],
];
for (const [server, page, same] of sites) {
  test(`${page} is ${same ? 'on the same site as' : 'on another site than'} ${server}`, () => {
    assert.equal(siteOf(server) === siteOf(page), same);
  });
}
