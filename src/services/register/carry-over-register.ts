import { eventsFromRegister, type CarryOver } from '../../model/register/carry-over.js';
import { EventAuthorSchema } from '../../model/register/events.js';
import { HistoryEventSchema } from '../../model/register-entry.js';
import { earlierRegisterDatabaseName, readEarlierRegister } from './earlier-register.js';
import type { IndexedDbRegisterStore } from './indexeddb-register-store.js';

// A register kept by an earlier version (entries with history arrays, their
// assessments and the trusted keys, in `proforma-<namespace>-register`)
// carried into the log once: every entry, every history event, every
// assessment and every trusted key become events, written in one
// transaction with a note that it was done. Until that transaction commits
// nothing changes; the earlier records are never changed or deleted.

/** What `about('carried-over')` records once an earlier register has been carried over. */
export interface CarriedOverNote {
  at: string;
  entries: number;
  trustedKeys: number;
  /** Records of the earlier register that could not be read: left where they were, not carried. */
  unreadable: number;
}

/** A register kept by an earlier version could not be carried over: the earlier register is as it was. */
export class CarryOverError extends Error {
  override name = 'CarryOverError';
}

async function earlierRegisterExists(namespace: string): Promise<boolean> {
  if (typeof indexedDB.databases !== 'function') return true;
  const name = earlierRegisterDatabaseName(namespace);
  return (await indexedDB.databases()).some((database) => database.name === name);
}

/**
 * Carries the register kept by an earlier version for the store's namespace
 * into its log, once. Gives what was carried, or undefined when there was
 * nothing to carry or it had been done. Throws `CarryOverError` when it
 * could not be done; nothing is then written, and the earlier register is
 * still there to read.
 */
export async function carryOverEarlierRegister(
  store: IndexedDbRegisterStore,
  carryOver: CarryOver,
): Promise<CarriedOverNote | undefined> {
  if ((await store.about('carried-over')) !== undefined) return undefined;
  if (!(await earlierRegisterExists(store.namespace))) return undefined;
  try {
    // What the events take from the carry-over itself, checked here as the schema would.
    if (
      !EventAuthorSchema.safeParse(carryOver.by).success ||
      !HistoryEventSchema.shape.at.safeParse(carryOver.at).success
    ) {
      throw new TypeError('who is carrying it over, or when, is not given as the register keeps it');
    }
    const { entries, damaged, trustedKeys } = await readEarlierRegister(store.namespace);
    const note: CarriedOverNote = {
      at: carryOver.at,
      entries: entries.length,
      trustedKeys: trustedKeys.length,
      unreadable: damaged.length,
    };
    // The entries and keys were read through their schemas: their events are not checked again.
    await store.appendRecording(eventsFromRegister(entries, trustedKeys, carryOver), 'carried-over', note, {
      checked: true,
    });
    return note;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CarryOverError(
      `The register kept by the earlier version could not be moved to the new one (${reason}). It is still as it was, and nothing was lost.`,
    );
  }
}
