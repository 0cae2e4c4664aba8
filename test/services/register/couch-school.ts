// A school on the test run's CouchDB-protocol server (the `couchdb-school` command), its people,
// and ways to wait on a shared register's store: on its status and its watchers, never on the clock.
import { executeServerCommand } from '@web/test-runner-commands';
import type { CouchRegisterStore } from '../../../src/services/register/couch-register-store.js';
import type { CouchFetch } from '../../../src/services/register/couch-session.js';
import type { CouchRegisterView, CouchSyncStatus } from '../../../src/services/register/couch-sync-status.js';
import { NOW } from '../../model/register/log.js';

export interface School {
  kind: string;
  school: string;
  server: string;
  register: string;
  submissions: string;
  published: string;
}

export interface Person {
  name: string;
  password: string;
  role: 'approver' | 'teacher' | 'staff';
}

/** A short random tag: names on the server are server-wide. */
export const freshTag = () => Math.random().toString(36).slice(2, 10);

/** A person with a name no other test uses. */
export const personOf = (role: Person['role'], label: string): Person => ({
  name: `web-${freshTag()}-${label}`,
  password: `${label} password`,
  role,
});

/**
 * A new school with `people`, CORS open to this page, and this browser signed out of its server: a
 * session an earlier test left (the cookie is the whole browser's where pages share one) is not this
 * test's.
 */
export async function newSchool(people: Person[]): Promise<School> {
  const school = await executeServerCommand<School, { origin: string; people: Person[] }>('couchdb-school', {
    origin: location.origin,
    people,
  });
  await fetch(`${school.server}/_session`, { method: 'DELETE', credentials: 'include' });
  return school;
}

/**
 * Requests as `person` by HTTP Basic authentication, with no cookie: a second person beside the one
 * whose session cookie the page holds, as a site that signs in through a proxy or a token would.
 */
export const requestsAs =
  (person: Person): CouchFetch =>
  (url, init) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Basic ${btoa(`${person.name}:${person.password}`)}`);
    return fetch(url, { ...init, headers, credentials: 'omit' });
  };

/** Resolves with the store's status once `until` holds of it (at once if it already does). */
export function statusWhen(
  store: CouchRegisterStore,
  until: (status: CouchSyncStatus) => boolean,
): Promise<CouchSyncStatus> {
  return new Promise((resolve) => {
    if (until(store.status)) return resolve(store.status);
    const stop = store.watchStatus((status) => {
      if (!until(status)) return;
      stop();
      resolve(status);
    });
  });
}

/**
 * Resolves with the store's register once `until` holds of it, read as of `now` (the tests' day
 * unless given) after each change its watchers hear of.
 */
export function registerWhen(
  store: CouchRegisterStore,
  until: (view: CouchRegisterView) => boolean,
  now: () => Date = () => NOW,
): Promise<CouchRegisterView> {
  return new Promise((resolve, reject) => {
    let done = false;
    const check = async () => {
      const view = await store.read(now());
      if (done || !until(view)) return;
      done = true;
      stop();
      resolve(view);
    };
    const stop = store.watch(() => void check().catch(reject));
    void check().catch(reject);
  });
}

/** The ids of the register's events the server holds, asked of it as `person`. */
export async function idsOnServer(school: School, person: Person): Promise<string[]> {
  const response = await requestsAs(person)(`${school.register}/_all_docs`, { method: 'GET' });
  const { rows } = (await response.json()) as { rows: Array<{ id: string }> };
  return rows.map(({ id }) => id).filter((id) => !id.startsWith('_design/'));
}
