import type { TrustedKey } from '../register-entry.js';
import type { EntryState } from './entry-state.js';

// Two files that claim the same assessment at the same revision, each signed
// by a different key, are both kept as entries side by side: the first to
// arrive may be the forgery (a copy re-signed by a new key under the
// teacher's name). Trusting one of the keys settles which entry stands.

/** Entries of one assessment at one revision, signed by different keys. */
export interface DisputedAssessment<Entry extends EntryState = EntryState> {
  assessmentId: string;
  revision: number;
  /** In the register's order; retired entries are left out. */
  entries: Entry[];
  /** The one entry signed by a trusted key; unset while none of the keys is trusted, or more than one. */
  standing?: Entry;
}

/** The disputes among the entries: each assessment and revision held, not retired, signed by more than one key. */
export function disputedAssessments<Entry extends EntryState>(
  entries: readonly Entry[],
  trustedKeys: readonly Pick<TrustedKey, 'fingerprint'>[],
): DisputedAssessment<Entry>[] {
  const trusted = new Set(trustedKeys.map((key) => key.fingerprint));
  const byAssessment = new Map<string, Entry[]>();
  for (const entry of entries) {
    if (entry.assessment === undefined || entry.signerFingerprint === undefined || entry.status === 'retired') continue;
    const key = `${entry.assessment.revision} ${entry.assessment.id}`;
    const same = byAssessment.get(key);
    if (same) same.push(entry);
    else byAssessment.set(key, [entry]);
  }
  const disputes: DisputedAssessment<Entry>[] = [];
  for (const same of byAssessment.values()) {
    if (new Set(same.map((entry) => entry.signerFingerprint)).size < 2) continue;
    const { id: assessmentId, revision } = same[0]!.assessment!;
    const signedByTrusted = same.filter((entry) => trusted.has(entry.signerFingerprint!));
    disputes.push({
      assessmentId,
      revision,
      entries: same,
      ...(signedByTrusted.length === 1 ? { standing: signedByTrusted[0] } : {}),
    });
  }
  return disputes;
}
