// Writes a register as the version before the log kept it, record for record, so that carrying
// it over is tested against the records real browsers hold, whatever becomes of the code that
// wrote them: 32 records ['entries', n], each a JSON string of the entries (without their
// assessments) whose id hashes to n by FNV-1a; each assessment under ['assessment', id]; each
// trusted key under ['trusted', fingerprint]; all in one object store "register" of the database
// `proforma-<namespace>-register`.
import { createStore, promisifyRequest } from 'idb-keyval';
import type { RegisterEntry, TrustedKey } from '../../../src/model/register-entry.js';

const BUCKETS = 32;

function bucketOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < id.length; index += 1) {
    hash ^= id.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % BUCKETS;
}

export interface EarlierRegister {
  entries: RegisterEntry[];
  trustedKeys?: TrustedKey[];
  /** Records written as they are, under their keys: damage to carry over around. */
  raw?: Array<[IDBValidKey, unknown]>;
}

export async function writeEarlierRegister(namespace: string, register: EarlierRegister): Promise<void> {
  const store = createStore(`proforma-${namespace}-register`, 'register');
  const buckets = new Map<number, unknown[]>();
  for (const entry of register.entries) {
    const rest: Partial<RegisterEntry> = { ...entry };
    delete rest.assessment;
    const bucket = bucketOf(entry.id);
    buckets.set(bucket, [...(buckets.get(bucket) ?? []), rest]);
  }
  await store('readwrite', (objects) => {
    for (const [bucket, items] of buckets) objects.put(JSON.stringify(items), ['entries', bucket]);
    for (const entry of register.entries) {
      if (entry.assessment) objects.put(entry.assessment, ['assessment', entry.id]);
    }
    for (const key of register.trustedKeys ?? []) objects.put(key, ['trusted', key.fingerprint]);
    for (const [key, value] of register.raw ?? []) objects.put(value, key);
    return promisifyRequest(objects.transaction);
  });
}
