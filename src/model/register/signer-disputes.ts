import { normalFingerprint } from '../../internal/fingerprint.js';
import type { RegisterEntry } from '../register-entry.js';
import { isSameTool } from './entries.js';

// Two files that claim the same assessment at the same revision, each signed
// by a different key, are both kept: the second is never refused because the
// first came in before it, since the first may be the forgery (a copy
// re-signed by a new key under the teacher's name). The disputes are found
// by `disputedAssessments` (disputes.ts); here, which entry a fresh import
// of a tool goes to.

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
