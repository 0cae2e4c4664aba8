import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { CouchRegisterStore } from '../../src/couch.js';
import { NOW, at, imported, reviewStarted } from '../model/register/log.js';
import { freshTag, idsOnServer, newSchool, personOf, statusWhen } from '../services/register/couch-school.js';

// A session that ends while the register is open, on a real CouchDB-protocol server: the server no
// longer takes the browser's session cookie once the person's password has changed (CouchDB ties
// the cookie to it), as when a session expires. Here, with the other rounds, one file at a time:
// the session cookie is the whole browser's.

describe('the shared register when the session ends', function () {
  this.timeout(30_000);

  it('asks for a sign-in again, keeps the changes made meanwhile, and sends them once signed in', async () => {
    const ann = personOf('approver', 'ann');
    const school = await newSchool([ann]);
    const store = new CouchRegisterStore(school.register, { replica: `test-${freshTag()}` });
    try {
      await store.signIn(ann.name, ann.password);
      await statusWhen(store, ({ state }) => state === 'up-to-date');

      const renewed = { ...ann, password: `${ann.password}, renewed` };
      await executeServerCommand('couchdb-person', { school: school.school, ...renewed });
      // The server may take a moment to stop taking the old session: ask it until it has.
      while (await store.session().catch(() => undefined)) {
        /* asked again */
      }
      const first = imported(`event-${freshTag()}`, `entry-${freshTag()}`, at(1), { by: { name: ann.name } });
      const events = [
        first,
        {
          ...reviewStarted(`event-${freshTag()}`, (first as { entryId: string }).entryId, first.id, at(2)),
          by: { name: ann.name },
        },
      ];
      await store.append(events);
      const ended = await statusWhen(store, ({ state, pending }) => state === 'sign-in-needed' && pending === 2);
      expect(ended.httpStatus).to.equal(401);
      expect(
        (await store.read(NOW)).entries.map(({ tool }) => tool),
        'kept in the browser',
      ).to.have.length(1);
      expect(await store.session(), 'the server no longer knows the browser').to.equal(undefined);

      await store.signIn(renewed.name, renewed.password);
      await statusWhen(store, ({ state, pending }) => state === 'up-to-date' && pending === 0);
      expect(await idsOnServer(school, renewed)).to.include.members(events.map(({ id }) => id));
    } finally {
      await fetch(`${school.server}/_session`, { method: 'DELETE', credentials: 'include' });
      await store.deleteReplica();
    }
  });
});
