import { normalFingerprint } from '../../internal/fingerprint.js';
import type { RegisterEntry } from '../register-entry.js';
import { isSameTool, reassess } from './entries.js';
import type { ChangeBy } from './rule-error.js';

// Two files that claim the same assessment at the same revision, each signed
// by a different key, are both kept: the second is never refused because the
// first came in before it, since the first may be the forgery (a copy
// re-signed by a new key under the teacher's name). The IT lead settles it by
// trusting the right key; the other file's entry stays, marked, until it is
// retired.

/** Whether two entries were signed by one key (or neither was signed). */
function sameKey(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return normalFingerprint(a) === normalFingerprint(b);
}

/**
 * The entry a fresh import of a tool updates: of the entries of that tool,
 * the one signed by the same key, else the first that is not kept beside
 * another, else the first.
 */
export function entryForImport<Entry extends Pick<RegisterEntry, 'tool' | 'url' | 'signerFingerprint' | 'rivalOf'>>(
  entries: readonly Entry[],
  fresh: Pick<RegisterEntry, 'tool' | 'url' | 'signerFingerprint'>,
): Entry | undefined {
  const sameTool = entries.filter((entry) => isSameTool(entry, fresh));
  return (
    sameTool.find((entry) => sameKey(entry.signerFingerprint, fresh.signerFingerprint)) ??
    sameTool.find((entry) => entry.rivalOf === undefined) ??
    sameTool[0]
  );
}

/** What an import does: a new entry, the tool's entry re-assessed, or a new entry beside one signed by another key. */
export type ImportPlacement =
  | { result: 'created'; entry: RegisterEntry }
  | { result: 'updated'; entry: RegisterEntry }
  | { result: 'side-by-side'; entry: RegisterEntry; rivalOf: string };

/**
 * Where a fresh entry from a signed PDF goes, given the entry `entryForImport`
 * found (with its assessment). The same assessment at the same revision
 * signed by another key becomes a new entry kept beside it (`rivalOf`);
 * anything else is `reassess`, which refuses an older copy, or the same copy
 * again, with its own message.
 */
export function placeImport(
  existing: RegisterEntry | undefined,
  fresh: RegisterEntry,
  change: ChangeBy,
): ImportPlacement {
  if (existing === undefined) return { result: 'created', entry: fresh };
  const held = existing.assessment;
  const claimed = fresh.assessment;
  if (
    held !== undefined &&
    claimed !== undefined &&
    held.id === claimed.id &&
    held.revision === claimed.revision &&
    !sameKey(existing.signerFingerprint, fresh.signerFingerprint)
  ) {
    const rivalOf = existing.rivalOf ?? existing.id;
    return { result: 'side-by-side', entry: { ...fresh, rivalOf }, rivalOf };
  }
  return { result: 'updated', entry: reassess(existing, fresh, change) };
}

/** Entries, each signed by a different key, that claim one assessment: kept side by side for the IT lead to settle. */
export interface SignerDispute {
  /** The first entry imported, then the others in the order given. */
  entries: RegisterEntry[];
  /**
   * The one entry signed by a key the register trusts, which stands; the
   * others are signed by keys it does not trust. Unset while none of the
   * keys is trusted, or more than one.
   */
  standing?: RegisterEntry;
}

/**
 * The disputes among `entries`: each entry kept beside another (`rivalOf`)
 * with the entry it was kept beside, leaving out retired entries. A dispute
 * ends when all but one of its entries are retired; trusting one of the keys
 * settles which entry stands.
 */
export function signerDisputes(
  entries: readonly RegisterEntry[],
  trustedFingerprints: Iterable<string>,
): SignerDispute[] {
  const trusted = new Set([...trustedFingerprints].map(normalFingerprint));
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const rivals = new Map<string, RegisterEntry[]>();
  for (const entry of entries) {
    if (entry.rivalOf === undefined || entry.status === 'retired') continue;
    rivals.set(entry.rivalOf, [...(rivals.get(entry.rivalOf) ?? []), entry]);
  }
  const disputes: SignerDispute[] = [];
  for (const [firstId, others] of rivals) {
    const first = byId.get(firstId);
    const kept = first === undefined || first.status === 'retired' ? others : [first, ...others];
    if (kept.length < 2) continue;
    const signedByTrusted = kept.filter(
      (entry) => entry.signerFingerprint !== undefined && trusted.has(normalFingerprint(entry.signerFingerprint)),
    );
    disputes.push(signedByTrusted.length === 1 ? { entries: kept, standing: signedByTrusted[0] } : { entries: kept });
  }
  return disputes;
}
