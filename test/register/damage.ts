import { createStore, get, set } from 'idb-keyval';
import { registerBucketOf, registerDatabaseName } from '../../src/services/register-store.js';

/** Adds an item that is not an entry to the stored register, as a damaged record might be, beside the entries kept with it. */
export async function storeDamagedEntry(
  namespace: string,
  raw: { id: string } & Record<string, unknown>,
): Promise<void> {
  const database = createStore(registerDatabaseName(namespace), 'register');
  const key = ['entries', registerBucketOf(raw.id)];
  const stored = await get<string>(key, database);
  await set(key, JSON.stringify([...(stored === undefined ? [] : (JSON.parse(stored) as unknown[])), raw]), database);
}
