import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { normalFingerprint } from '../../internal/fingerprint.js';
import type { TrustedKey } from '../../model/register-entry.js';
import type { DisputedAssessment } from '../../model/register/disputes.js';
import type { RegisterEntryState } from '../../model/register/fold.js';

type RegisterEntry = RegisterEntryState;
type SignerDispute = DisputedAssessment<RegisterEntryState>;

// Files that claim the same assessment, each signed by a different key, shown
// side by side: the IT lead compares the fingerprints with the person who
// signed, trusts the right key, and retires the other entry.

/** What the element gives the view of the disputes. */
export interface SignerDisputesView {
  trusted: readonly TrustedKey[];
  /** The entry's date and time of import, in the element's language. */
  moment(iso: string): string;
  /** Opens an entry's detail, where its key can be trusted or the entry retired. */
  open(entry: RegisterEntry): void;
  /** The entry whose detail is shown, marked as such and not offered to open. */
  current?: string;
}

/** Every dispute of the register, above the list; nothing when there is none. */
export function renderSignerDisputes(
  disputes: readonly SignerDispute[],
  view: SignerDisputesView,
): TemplateResult | typeof nothing {
  if (disputes.length === 0) return nothing;
  return html`<section class="warning disputes" aria-labelledby="disputes-heading">
    <h3 id="disputes-heading">${msg('Files that claim the same assessment')}</h3>
    <p>${disputesExplained()}</p>
    ${disputes.map((dispute, index) => renderDispute(dispute, view, `dispute-${index}`))}
  </section>`;
}

/** The dispute an entry is part of, in its detail; nothing when it is in none. */
export function renderSignerDisputeOf(
  entry: RegisterEntry,
  disputes: readonly SignerDispute[],
  view: SignerDisputesView,
): TemplateResult | typeof nothing {
  const dispute = disputes.find((each) => each.entries.some(({ id }) => id === entry.id));
  if (dispute === undefined) return nothing;
  return html`<section class="warning disputes" aria-labelledby="dispute-heading">
    <h3 id="dispute-heading">${msg('Another file claims this assessment')}</h3>
    <p>${disputesExplained()}</p>
    ${renderDispute(dispute, { ...view, current: entry.id }, 'dispute')}
  </section>`;
}

function disputesExplained(): string {
  return msg(
    'Each of these files is signed by a different key but claims to be the same assessment at the same revision: one may be a forgery made under the signer’s name. All are kept. Check each key’s fingerprint with the person who signed, then trust the right key: the entry it signed stands, and the other can be retired.',
  );
}

function renderDispute(dispute: SignerDispute, view: SignerDisputesView, id: string): TemplateResult {
  const [first] = dispute.entries;
  // Set only when its key is one the register trusts.
  const standingKey = dispute.standing && trustedKeyOf(dispute.standing, view.trusted);
  return html`<div class="dispute">
    <h4 id=${`${id}-heading`}>${first?.tool}</h4>
    <p>
      ${
        standingKey
          ? msg(str`Settled: the entry signed by the trusted key of ${standingKey.name} stands.`)
          : msg('Not settled: trust the key of the person who really signed.')
      }
    </p>
    <ul class="side-by-side" aria-labelledby=${`${id}-heading`}>
      ${dispute.entries.map((entry) => html`<li>${renderSide(entry, dispute, view)}</li>`)}
    </ul>
  </div>`;
}

function renderSide(entry: RegisterEntry, dispute: SignerDispute, view: SignerDisputesView): TemplateResult {
  const key = trustedKeyOf(entry, view.trusted);
  // The log is newest first: its last event made the entry.
  const imported = entry.log.at(-1)?.at;
  const verdict =
    dispute.standing === undefined
      ? undefined
      : dispute.standing.id === entry.id
        ? msg('This entry stands.')
        : msg('Signed by an untrusted key: retire this entry if it is a forgery.');
  return html`<dl class="facts">
      <dt>${msg('Signed in the name of')}</dt>
      <dd>${entry.signerName || msg('someone who gave no name')}</dd>
      <dt>${msg('Key fingerprint')}</dt>
      <dd><code class="fingerprint">${entry.signerFingerprint ?? msg('None')}</code></dd>
      <dt>${msg('Key trusted')}</dt>
      <dd>
        ${key ? (key.role ? msg(str`Yes: the key of ${key.name} (${key.role}).`) : msg(str`Yes: the key of ${key.name}.`)) : msg('No')}
      </dd>
      ${
        imported
          ? html`<dt>${msg('Imported')}</dt>
              <dd>${view.moment(imported)}</dd>`
          : nothing
      }
    </dl>
    ${verdict ? html`<p><strong>${verdict}</strong></p>` : nothing}
    ${
      entry.id === view.current
        ? html`<p class="note">${msg('The entry shown on this page.')}</p>`
        : html`<button type="button" class="tool" @click=${() => view.open(entry)}>
            ${msg(str`Open the entry signed with key ${shortFingerprint(entry.signerFingerprint)}`)}
          </button>`
    }`;
}

function trustedKeyOf(
  entry: Pick<RegisterEntry, 'signerFingerprint'>,
  trusted: readonly TrustedKey[],
): TrustedKey | undefined {
  const fingerprint = entry.signerFingerprint;
  if (fingerprint === undefined) return undefined;
  return trusted.find((key) => key.fingerprint === normalFingerprint(fingerprint));
}

/** The first four bytes of a fingerprint: enough to tell two buttons apart, where the whole one is shown above. */
function shortFingerprint(fingerprint: string | undefined): string {
  return fingerprint === undefined ? '' : `${normalFingerprint(fingerprint).slice(0, 11)}…`;
}
