import { expect } from '@open-wc/testing';
import { registerToJson } from '../../src/model/register-json.js';
import { jsonToRegisterLog, registerLogToJson } from '../../src/model/register-log-json.js';
import { registerFromEvents } from '../../src/model/register/fold.js';
import { entryWithHistory } from '../../src/model/register/carry-over.js';
import { NOW, at, decided, imported, reviewStarted } from './register/log.js';
import { FINGERPRINT, entry } from '../register/entries.js';

const CARRY_OVER = { at: '2026-12-01T08:00:00.000Z', by: { name: 'J. Evans, IT lead' } };

const padletLog = () => [
  imported('padlet-1', 'padlet', at(1)),
  reviewStarted('padlet-2', 'padlet', 'padlet-1', at(2)),
  decided('padlet-3', 'padlet', 'padlet-2', at(3), { reason: 'Checked with the vendor' }),
];

describe('register JSON of version 2: the log', () => {
  it('writes every event and reads them back as they were', () => {
    const events = padletLog();
    const text = registerLogToJson(events, { now: NOW });
    expect(JSON.parse(text)).to.include({ kind: 'proforma-register', version: 2, exportedAt: NOW.toISOString() });
    expect(jsonToRegisterLog(text, CARRY_OVER)).to.deep.equal({ version: 2, events, exportedAt: NOW.toISOString() });
  });

  it('reads a file of version 1 as events: each entry with its history, each trusted key', () => {
    const entries = [entry('padlet', { tool: 'Padlet' })];
    const trustedKeys = [{ name: 'Siân Jones', role: 'Teacher', fingerprint: FINGERPRINT, addedAt: at(1) }];
    const result = jsonToRegisterLog(registerToJson(entries, trustedKeys, { now: NOW }), CARRY_OVER);
    if (!('events' in result)) throw new Error(JSON.stringify(result.errors));
    expect(result.version).to.equal(1);
    const register = registerFromEvents(result.events, { now: NOW });
    expect(register.entries.map(entryWithHistory)).to.deep.equal(entries);
    expect(register.trustedKeys.map(({ fingerprint }) => fingerprint)).to.deep.equal([FINGERPRINT]);
  });

  it('names where an event is wrong, and reads nothing of such a file', () => {
    const file = JSON.parse(registerLogToJson(padletLog(), { now: NOW }));
    file.events[1].at = 'the second of November';
    file.events[2].type = 'approved';
    const result = jsonToRegisterLog(JSON.stringify(file), CARRY_OVER);
    expect('errors' in result && result.errors.map(({ path }) => path)).to.deep.equal([
      'events[1].at',
      'events[2].type',
    ]);
  });

  it('refuses two different events under one id, and reads the same event twice as once', () => {
    const events = padletLog();
    const twice = jsonToRegisterLog(registerLogToJson([...events, events[0]!], { now: NOW }), CARRY_OVER);
    expect('events' in twice && twice.events).to.have.length(4);
    const rewritten = { ...events[2]!, at: at(4) };
    const result = jsonToRegisterLog(registerLogToJson([...events, rewritten], { now: NOW }), CARRY_OVER);
    expect('errors' in result && result.errors).to.deep.equal([
      {
        path: 'events[3].id',
        message: '"padlet-3" is also the id of a different change, events[2]; a change is never rewritten',
      },
    ]);
  });

  it('says a file of a newer version needs a newer proforma', () => {
    const text = JSON.stringify({ kind: 'proforma-register', version: 3, exportedAt: NOW.toISOString(), events: [] });
    expect(jsonToRegisterLog(text, CARRY_OVER)).to.deep.equal({
      errors: [
        {
          path: 'version',
          message:
            'this register was saved by a newer proforma (file version 3); update proforma on this page to read it',
        },
      ],
    });
  });
});
