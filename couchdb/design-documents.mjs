// The rules CouchDB enforces for a school's three databases, whatever a browser sends: the register
// (`proforma-<school>-register`, one document per event, written once, by approvers), the
// submissions teachers send (`proforma-<school>-submissions`, a signed PDF each, written once) and
// the published register for staff (`proforma-<school>-published`). Installed by
// `proforma-couchdb setup`.
//
// The functions below are sent to the server as source text and run by CouchDB's JavaScript query
// server, whose SpiderMonkey is an ES5 one on many installs: they are written in ES5 (var,
// function, no arrows, no template strings) and use nothing from outside their own body but their
// arguments (and `emit` in a view). test/node/couchdb-design.test.mjs parses them as ES5; Prettier
// leaves this file's trailing commas where ES5 allows them (.prettierrc.json).
/* global emit */

/** The names of a school's databases and roles, from its id (e.g. "ysgol-gwyn"). */
export function schoolNames(school) {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(school ?? '')) {
    throw new Error(
      `A school id is lower-case letters, digits and hyphens, starting with a letter or digit (got "${school}").`
    );
  }
  const prefix = `proforma-${school}`;
  return {
    register: `${prefix}-register`,
    published: `${prefix}-published`,
    submissions: `${prefix}-submissions`,
    roles: { approver: `${prefix}-approver`, teacher: `${prefix}-teacher`, staff: `${prefix}-staff` },
  };
}

/** The roles a person may be given, as `proforma-couchdb user --role` names them. */
export const PERSON_ROLES = ['approver', 'teacher', 'staff'];

/**
 * Whether a new or changed register document may be written: one event per document, written once,
 * by an approver of the school, in their own name. `roles` holds the school's role names.
 * Beside the event's fields a document may carry an envelope: `recordedBy`, the name of the person
 * who wrote it, always the person signed in; and `moved: true` for an event moved from a browser's
 * own register into the shared one, whose `by` is then history (it may name anyone): only an
 * approver may move events, and a moved event must say who moved it in `recordedBy`.
 */
export function validateRegisterEvent(newDoc, oldDoc, userCtx, secObj, roles) {
  var userRoles = userCtx.roles || [];
  var isAdmin = userRoles.indexOf('_admin') !== -1;
  var isApprover = userRoles.indexOf(roles.approver) !== -1;
  var fingerprintPattern = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;
  var timestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
  var datePattern = /^\d{4}-\d{2}-\d{2}$/;

  function refuse(reason) {
    throw { forbidden: reason };
  }
  function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  }
  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }
  function isText(value) {
    return typeof value === 'string';
  }
  function isFilled(value) {
    return typeof value === 'string' && value.length > 0;
  }
  function isListOf(value, test) {
    if (!Array.isArray(value)) return false;
    for (var i = 0; i < value.length; i++) if (!test(value[i])) return false;
    return true;
  }
  function isFingerprint(value) {
    return typeof value === 'string' && fingerprintPattern.test(value);
  }
  function isPerson(value) {
    return isObject(value) && isText(value.name);
  }
  function need(condition, what) {
    if (!condition) refuse('This is not a register event: ' + what + '.');
  }
  function checkAssessed(doc) {
    need(isObject(doc.assessment), 'it has no assessment');
    need(isObject(doc.fields), 'it has no fields from its assessment');
    if (doc.signer !== undefined) {
      need(
        isObject(doc.signer) && isText(doc.signer.name) && isFingerprint(doc.signer.fingerprint),
        'its signer is not a name and a key fingerprint'
      );
    }
    if (doc.evidence !== undefined) {
      need(
        isObject(doc.evidence) && isFilled(doc.evidence.name) && /^[0-9a-f]{64}$/.test(doc.evidence.sha256),
        'its evidence is not a file name and a SHA-256'
      );
    }
  }
  var checks = {
    imported: checkAssessed,
    're-assessed': checkAssessed,
    submitted: function () {},
    'review-started': function () {},
    decided: function (doc) {
      need(
        ['approved', 'approved-with-conditions', 'not-approved'].indexOf(doc.outcome) !== -1,
        'its outcome is not approved, approved with conditions or not approved'
      );
      need(isListOf(doc.conditions, isText), 'its conditions are not a list of words');
      need(isText(doc.approver), 'it names no approver');
      need(
        isText(doc.decisionDate) && datePattern.test(doc.decisionDate),
        'its decision date is not a date as yyyy-mm-dd'
      );
      need(
        doc.reviewDue === undefined || (isText(doc.reviewDue) && datePattern.test(doc.reviewDue)),
        'its review date is not a date as yyyy-mm-dd'
      );
      need(doc.owners === undefined || isListOf(doc.owners, isPerson), 'its account owners are not a list of people');
      need(
        doc.alsoSeen === undefined || isListOf(doc.alsoSeen, isFilled),
        'what it also saw is not a list of event ids'
      );
    },
    retired: function (doc) {
      need(isText(doc.reason), 'it gives no reason');
    },
    edited: function (doc) {
      need(isObject(doc.changes), 'it lists no changes');
      need(
        doc.cleared === undefined || isListOf(doc.cleared, isFilled),
        'the fields it clears are not a list of names'
      );
    },
    'carried-over': function (doc) {
      need(isFilled(doc.action), 'it says nothing of what was done');
      need(Array.isArray(doc.changes), 'its changes are not a list');
      need(doc.entry === undefined || isObject(doc.entry), 'its entry is not an entry');
    },
    'key-trusted': function (doc) {
      need(
        isObject(doc.key) && isFilled(doc.key.name) && isText(doc.key.role) && isFingerprint(doc.key.fingerprint),
        'its key is not a name, a role and a fingerprint'
      );
    },
    'key-distrusted': function (doc) {
      need(isFingerprint(doc.fingerprint), 'its fingerprint is not a SHA-256 fingerprint');
    },
  };

  if (newDoc._id.indexOf('_design/') === 0) return;
  if (newDoc._deleted) {
    if (isAdmin) return;
    refuse('Events are never deleted: the register keeps every change.');
  }
  if (oldDoc && !isAdmin) refuse('Events are never changed once written: record a new event instead.');
  // Teachers send their assessments to the submissions database; an approver's browser copies a
  // verified one into the register.
  if (!isAdmin && !isApprover) refuse('Only the approvers of this school may add to its register.');

  need(isText(newDoc.type) && has(checks, newDoc.type), 'its type is not one the register knows');
  need(newDoc.id === newDoc._id, 'its id is not its document id');
  need(isText(newDoc.at) && timestampPattern.test(newDoc.at), 'its time is not a date and time');
  need(isObject(newDoc.by) && isText(newDoc.by.name), 'it does not say who made it');
  need(
    newDoc.by.fingerprint === undefined || isFingerprint(newDoc.by.fingerprint),
    "its author's key fingerprint is not a SHA-256 fingerprint"
  );
  need(newDoc.basedOn === undefined || isFilled(newDoc.basedOn), 'what it is based on is not an event id');
  if (newDoc.type.indexOf('key-') !== 0) {
    need(isFilled(newDoc.entryId), 'it names no entry');
    need(newDoc.reason === undefined || isText(newDoc.reason), 'its reason is not words');
  }
  need(newDoc.recordedBy === undefined || isFilled(newDoc.recordedBy), 'who recorded it is not a name');
  need(newDoc.moved === undefined || newDoc.moved === true, 'its mark of a moved event is not true');
  checks[newDoc.type](newDoc);

  if (isAdmin) return;
  if (newDoc.recordedBy !== undefined && newDoc.recordedBy !== userCtx.name) {
    refuse('An event is recorded by the person signed in (' + userCtx.name + '), not by "' + newDoc.recordedBy + '".');
  }
  if (newDoc.moved) {
    // An event moved from a browser's own register: its author is history, and whoever moves it answers for it.
    if (newDoc.recordedBy !== userCtx.name) refuse('A moved event names the approver who moved it (recordedBy).');
    return;
  }
  if (newDoc.by.name !== userCtx.name) {
    refuse(
      'An event is recorded in the name of the person signed in (' +
        userCtx.name +
        '), not of "' +
        newDoc.by.name +
        '".'
    );
  }
}

/**
 * Whether a document of the submissions database may be written: a teacher's (or an approver's)
 * signed assessment sent to the school's approvers, created once and never changed or deleted but
 * by a server admin. The document says who sent it (`recordedBy`, the person signed in), whose name
 * the PDF is signed in (`by.name`), which tool it assesses, and carries the PDF as the attachment
 * `assessment.pdf`. Nothing else of it is trusted: an approver's browser checks the PDF itself.
 */
export function validateSubmission(newDoc, oldDoc, userCtx, secObj, roles) {
  var userRoles = userCtx.roles || [];
  var isAdmin = userRoles.indexOf('_admin') !== -1;
  var uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  var timestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

  function refuse(reason) {
    throw { forbidden: reason };
  }
  function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  }
  function isFilled(value) {
    return typeof value === 'string' && value.length > 0;
  }
  function need(condition, what) {
    if (!condition) refuse('This is not a submission: ' + what + '.');
  }

  if (newDoc._id.indexOf('_design/') === 0) return;
  if (newDoc._deleted) {
    if (isAdmin) return;
    refuse('A submission is never deleted: the approvers keep every assessment sent to them.');
  }
  if (oldDoc && !isAdmin) refuse('A submission is never changed once sent: send the assessment again instead.');
  if (!isAdmin && userRoles.indexOf(roles.teacher) === -1 && userRoles.indexOf(roles.approver) === -1) {
    refuse('Only the teachers and approvers of this school may send it an assessment.');
  }

  need(uuidPattern.test(newDoc._id), 'its id is not a random UUID');
  need(newDoc.kind === 'proforma-submission', 'it is not of the kind "proforma-submission"');
  need(newDoc.version === 1, 'its version is not 1');
  need(isFilled(newDoc.submittedAt) && timestampPattern.test(newDoc.submittedAt), 'its time is not a date and time');
  need(isObject(newDoc.by) && isFilled(newDoc.by.name), 'it does not say whose name the PDF is signed in');
  need(isFilled(newDoc.recordedBy), 'it does not say who sent it');
  need(isObject(newDoc.tool) && isFilled(newDoc.tool.name), 'it does not name the tool');
  need(newDoc.tool.url === undefined || isFilled(newDoc.tool.url), "the tool's web address is not words");
  need(isFilled(newDoc.fileName) && /\.pdf$/i.test(newDoc.fileName), 'its file name does not end in .pdf');
  var attachments = isObject(newDoc._attachments) ? Object.keys(newDoc._attachments) : [];
  need(
    attachments.length === 1 && attachments[0] === 'assessment.pdf',
    'it does not carry the signed PDF (and nothing else) as assessment.pdf'
  );
  need(newDoc._attachments['assessment.pdf'].content_type === 'application/pdf', 'its attachment is not a PDF');

  if (isAdmin) return;
  if (newDoc.recordedBy !== userCtx.name) {
    refuse('A submission is sent by the person signed in (' + userCtx.name + '), not by "' + newDoc.recordedBy + '".');
  }
}

/**
 * Whether a document of the published register may be written: by the school's approvers only, and
 * only a published tool: `_id` = `<school>:<entryId>`, `school`, `entry` (the tool's public fields,
 * as "Export for staff" writes them: never its assessment) and `publishedAt`; and, when the tool
 * was assessed, `assessment` as other schools may copy it: its id, form, revision and time, and each
 * answer's value alone (no notes, no evidence, no list of people, no sign-off: no names). An
 * approver may also delete one, to stop publishing a tool.
 */
export function validatePublished(newDoc, oldDoc, userCtx, secObj, roles, school) {
  var userRoles = userCtx.roles || [];
  var isAdmin = userRoles.indexOf('_admin') !== -1;
  var statuses = [
    'draft',
    'submitted',
    'under-review',
    'approved',
    'approved-with-conditions',
    'not-approved',
    'retired',
  ];
  var timestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
  var datePattern = /^\d{4}-\d{2}-\d{2}$/;

  function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  }
  function isFilled(value) {
    return typeof value === 'string' && value.length > 0;
  }
  function isListOf(value, test) {
    if (!Array.isArray(value)) return false;
    for (var i = 0; i < value.length; i++) if (!test(value[i])) return false;
    return true;
  }
  function isText(value) {
    return typeof value === 'string';
  }
  function isPerson(value) {
    return isObject(value) && isText(value.name);
  }
  function isDateOrNone(value) {
    return value === undefined || (isText(value) && datePattern.test(value));
  }
  function need(condition, what) {
    if (!condition) throw { forbidden: 'This is not a published tool: ' + what + '.' };
  }
  // As published-assessment.ts's isPublishableValue: text, a number, a list of choices, a hazard.
  function isPublishableValue(value) {
    if (typeof value === 'string') return true;
    if (typeof value === 'number') return isFinite(value);
    if (Array.isArray(value)) return isListOf(value, isText);
    if (!isObject(value)) return false;
    var keys = Object.keys(value);
    for (var k = 0; k < keys.length; k++) {
      if (keys[k] !== 'before' && keys[k] !== 'controls' && keys[k] !== 'after') return false;
    }
    return keys.length > 0;
  }
  function isPublishedAnswers(answers) {
    if (!isObject(answers)) return false;
    var ids = Object.keys(answers);
    for (var a = 0; a < ids.length; a++) {
      var answer = answers[ids[a]];
      if (!isObject(answer) || Object.keys(answer).join() !== 'value' || !isPublishableValue(answer.value)) {
        return false;
      }
    }
    return true;
  }

  if (newDoc._id.indexOf('_design/') === 0) return;
  if (!isAdmin && userRoles.indexOf(roles.approver) === -1) {
    throw { forbidden: 'Only an approver may publish the register for staff.' };
  }
  if (newDoc._deleted) return;
  need(newDoc.school === school, 'it does not name this school (' + school + ')');
  var entry = newDoc.entry;
  need(isObject(entry), 'it holds no entry');
  need(isFilled(entry.id) && newDoc._id === school + ':' + entry.id, 'its id is not the school and the entry id');
  need(isFilled(entry.tool), 'it names no tool');
  need(statuses.indexOf(entry.status) !== -1, 'its status is not one the register knows');
  need(
    isListOf(entry.subjects, isText) && isListOf(entry.yearGroups, isText) && isListOf(entry.conditions, isText),
    'its subjects, year groups or conditions are not lists of words'
  );
  need(isListOf(entry.owners, isPerson), 'its account owners are not a list of people');
  need(isDateOrNone(entry.decisionDate) && isDateOrNone(entry.reviewDue), 'its dates are not dates as yyyy-mm-dd');
  need(Array.isArray(entry.history), 'it has no history');
  need(entry.assessment === undefined, 'it holds the assessment, which is never published');
  var assessment = newDoc.assessment;
  if (assessment !== undefined) {
    need(
      isObject(assessment) &&
        isFilled(assessment.id) &&
        isObject(assessment.form) &&
        isText(assessment.form.id) &&
        isText(assessment.form.version) &&
        typeof assessment.revision === 'number' &&
        isText(assessment.updatedAt),
      'its assessment does not say which it is (id, form, revision and time)'
    );
    need(
      isPublishedAnswers(assessment.answers),
      "its assessment's answers are not values alone (no notes, evidence, people or sign-off)"
    );
  }
  need(isText(newDoc.publishedAt) && timestampPattern.test(newDoc.publishedAt), 'its time is not a date and time');
}

/**
 * The published register's tools, as a trust's replication takes them (`filter: "proforma/tools"`):
 * every `<school>:<entryId>` document, deletions included, and no design document.
 */
export function publishedTools(doc) {
  return doc._id.indexOf('_design/') !== 0 && /^[a-z0-9][a-z0-9-]*:./.test(doc._id);
}

/** Whether a document of a trust's database may be written: by the server's replication (its admin) only. */
export function validateTrust(newDoc, oldDoc, userCtx) {
  if ((userCtx.roles || []).indexOf('_admin') !== -1) return;
  throw {
    forbidden:
      "The trust's register is filled from its schools' published registers: a school's approver publishes there.",
  };
}

/** The register's events by entry, in time order: `[entryId, at]`. */
export function eventsByEntry(doc) {
  if (doc.entryId && doc.at) emit([doc.entryId, doc.at], null);
}

/** A validation function's source, with the school's role names given to it as its last argument. */
function withRoles(validate, roles) {
  return [
    'function (newDoc, oldDoc, userCtx, secObj) {',
    `  var roles = ${JSON.stringify(roles)};`,
    `  return (${validate.toString()})(newDoc, oldDoc, userCtx, secObj, roles);`,
    '}',
  ].join('\n');
}

/** The register database's design document for `school`. */
export function registerDesignDocument(school) {
  const { roles } = schoolNames(school);
  return {
    _id: '_design/proforma',
    language: 'javascript',
    validate_doc_update: withRoles(validateRegisterEvent, roles),
    views: { 'events-by-entry': { map: eventsByEntry.toString() } },
  };
}

/** The submissions database's design document for `school`. */
export function submissionsDesignDocument(school) {
  const { roles } = schoolNames(school);
  return {
    _id: '_design/proforma',
    language: 'javascript',
    validate_doc_update: withRoles(validateSubmission, roles),
  };
}

/** The published database's design document for `school`: its rules, and the filter a trust replicates through. */
export function publishedDesignDocument(school) {
  const { roles } = schoolNames(school);
  return {
    _id: '_design/proforma',
    language: 'javascript',
    validate_doc_update: [
      'function (newDoc, oldDoc, userCtx, secObj) {',
      `  var roles = ${JSON.stringify(roles)};`,
      `  var school = ${JSON.stringify(school)};`,
      `  return (${validatePublished.toString()})(newDoc, oldDoc, userCtx, secObj, roles, school);`,
      '}',
    ].join('\n'),
    filters: { tools: publishedTools.toString() },
  };
}

/** Who may read each database (its members); server admins aside, no one else may. */
export function securityRoles(school) {
  const { roles } = schoolNames(school);
  return {
    // Teachers never read the register: CouchDB cannot hide some documents of a database from its
    // readers. They read the submissions database, colleagues' PDFs included, and the published one.
    register: [roles.approver],
    submissions: [roles.approver, roles.teacher],
    published: [roles.staff, roles.approver, roles.teacher],
  };
}

/** The names of a trust's database and role, from its id (e.g. "ymddiriedolaeth-gwyn"). */
export function trustNames(trust) {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(trust ?? '')) {
    throw new Error(
      `A trust id is lower-case letters, digits and hyphens, starting with a letter or digit (got "${trust}").`
    );
  }
  return {
    database: `proforma-${trust}-trust`,
    role: `proforma-${trust}-trust-staff`,
    replication: (school) => `proforma-${trust}-from-${school}`,
  };
}

/** The trust database's design document: no one but the server's admin (its replication) writes it. */
export function trustDesignDocument() {
  return {
    _id: '_design/proforma',
    language: 'javascript',
    validate_doc_update: validateTrust.toString(),
  };
}
