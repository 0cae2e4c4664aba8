import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { renderSignInForm } from '../render-sign-in.js';
import type { CouchSyncStatus } from '../../couch.js';
import { plural } from '../../internal/plural.js';
import type { SharedRegisterController } from './shared-register.js';
import { formats } from './render-common.js';
import { renderRefusedSubmissions } from './render-submissions.js';

// A shared register's line of where it stands, its sign-in form, the changes its server refused,
// and the offer to move this browser's own register into it.

/** Where the shared register stands, in words: always shown, so that no one wonders. */
function statusWords(shared: SharedRegisterController, language: string): string {
  const { status } = shared;
  if (!status) return msg('Opening the shared register…');
  if (shared.published) return publishedStatusWords(status, shared.trust);
  switch (status.state) {
    case 'connecting':
      return msg('Connecting to the shared register…');
    case 'syncing':
      return status.pending > 0
        ? plural(status.pending, language, {
            one: msg(str`${status.pending} change waiting to be sent…`, { id: 'shared-changes-waiting-one' }),
            other: msg(str`${status.pending} changes waiting to be sent…`, { id: 'shared-changes-waiting-other' }),
          })
        : msg('Bringing the register up to date…');
    case 'up-to-date':
      return msg('Up to date with the shared register.');
    case 'offline':
      return status.pending > 0
        ? plural(status.pending, language, {
            one: msg(
              str`Offline: working from this browser’s copy. ${status.pending} change is waiting and will be sent when the server is back.`,
              { id: 'shared-offline-waiting-one' },
            ),
            other: msg(
              str`Offline: working from this browser’s copy. ${status.pending} changes are waiting and will be sent when the server is back.`,
              { id: 'shared-offline-waiting-other' },
            ),
          })
        : msg('Offline: working from this browser’s copy. Changes will be sent when the server is back.');
    case 'sign-in-needed':
      return msg('Sign in to see the latest of the shared register and to send your changes.');
  }
}

/** Where the register for staff, or a trust's, stands: it is only read, so nothing waits to be sent. */
function publishedStatusWords(status: CouchSyncStatus, trust: boolean): string {
  switch (status.state) {
    case 'connecting':
    case 'syncing':
      return trust ? msg('Reading the trust’s register…') : msg('Reading the register for staff…');
    case 'up-to-date':
      return msg('Up to date: decisions show here as approvers make them.');
    case 'offline':
      return msg(
        'Offline: showing the register as it was last read. It is brought up to date when the server is back.',
      );
    case 'sign-in-needed':
      return trust ? msg('Sign in to see the trust’s register.') : msg('Sign in to see the register for staff.');
  }
}

export function renderShared(shared: SharedRegisterController, language: string): TemplateResult {
  const { status, loadProblem } = shared;
  if (loadProblem) {
    return html`<p class="message error" role="alert">
      ${msg(str`The shared register could not be opened: ${loadProblem}`)}
    </p>`;
  }
  return html`<div class="shared" part="shared-status">
    <p role="status" class=${`sync sync-${status?.state ?? 'opening'}`}>${statusWords(shared, language)}</p>
    ${
      shared.notAllowed
        ? renderNotAllowed(shared)
        : status?.state === 'sign-in-needed'
          ? renderSignIn(shared)
          : renderSignedIn(shared)
    }
    ${renderRefused(status, language)} ${renderRefusedSubmissions(shared.submissions, formats(language))}
    ${renderMove(shared, language)}
    ${
      shared.publishProblem
        ? html`<p class="message warning" role="alert">
            ${msg(str`The register for staff could not be updated: ${shared.publishProblem}`)}
          </p>`
        : nothing
    }
  </div>`;
}

function renderSignIn(shared: SharedRegisterController): TemplateResult {
  return renderSignInForm({
    heading: msg('Sign in to the shared register'),
    problem: shared.signInProblem,
    signingIn: shared.signingIn,
    signIn: (name, password) => shared.signIn(name, password),
  });
}

/** Someone signed in whom this register is not for: said plainly, with the way to sign in as someone else. */
function renderNotAllowed(shared: SharedRegisterController): TemplateResult {
  const name = shared.signedInAs ?? '';
  return html`<div class="message error" role="alert">
    <p>
      ${
        shared.trust
          ? msg(str`You are signed in as ${name}, who may not see this trust’s register.`)
          : shared.published
            ? msg(str`You are signed in as ${name}, who may not see this school’s register for staff.`)
            : msg(
                str`You are signed in as ${name}, who may not open this register: it is kept by the school’s approvers. Staff see the register for staff.`,
              )
      }
    </p>
    <button type="button" @click=${() => void shared.signOut()}>${msg('Sign out')}</button>
  </div>`;
}

function renderSignedIn(shared: SharedRegisterController): TemplateResult | typeof nothing {
  const name = shared.signedInAs;
  if (name === undefined) return nothing;
  return html`<p>
    ${msg(str`Signed in as ${name}.`)}
    <button type="button" @click=${() => void shared.signOut()}>${msg('Sign out')}</button>
  </p>`;
}

/** Changes the server refused: kept in this browser and listed, never dropped without a word. */
function renderRefused(status: CouchSyncStatus | undefined, language: string): TemplateResult | typeof nothing {
  const refused = status?.refused ?? [];
  if (refused.length === 0) return nothing;
  return html`<div class="message warning" role="alert">
    <h3>
      ${plural(refused.length, language, {
        one: msg(str`The shared register refused ${refused.length} change`, { id: 'shared-refused-one' }),
        other: msg(str`The shared register refused ${refused.length} changes`, { id: 'shared-refused-other' }),
      })}
    </h3>
    <p>${msg('They are kept in this browser, not in the shared register. The server said:')}</p>
    <ul>
      ${refused.map(({ reason }) => html`<li>${reason}</li>`)}
    </ul>
  </div>`;
}

function renderMove(shared: SharedRegisterController, language: string): TemplateResult | typeof nothing {
  const { move: state, localEvents } = shared;
  if (state.status === 'idle' && localEvents === 0) return nothing;
  const outcome =
    state.status === 'moving'
      ? html`<p role="status">
          ${
            state.progress
              ? msg(str`Moving the register: ${state.progress.done} of ${state.progress.total}…`)
              : msg('Moving the register…')
          }
        </p>`
      : state.status === 'moved'
        ? html`<p class="message" role="status">
            ${plural(state.events, language, {
              one: msg(
                str`Moved: the shared register now holds the ${state.events} change of this browser’s register.`,
                { id: 'shared-moved-one' },
              ),
              other: msg(
                str`Moved: the shared register now holds all ${state.events} changes of this browser’s register.`,
                { id: 'shared-moved-other' },
              ),
            })}
          </p>`
        : state.status === 'failed'
          ? html`<p class="message error" role="alert">
              ${msg(str`Nothing was moved, and this browser’s register is as it was. ${state.reason}`)}
            </p>`
          : nothing;
  return html`<div class="move">
    <p class="hint">
      ${plural(localEvents, language, {
        one: msg(str`This browser also keeps a register of its own, with ${localEvents} change.`, {
          id: 'shared-local-register-one',
        }),
        other: msg(str`This browser also keeps a register of its own, with ${localEvents} changes.`, {
          id: 'shared-local-register-other',
        }),
      })}
    </p>
    <button
      type="button"
      ?disabled=${state.status === 'moving' || !shared.store}
      @click=${() => void shared.moveBrowserRegister()}
    >
      ${msg('Move this register to the shared one')}
    </button>
    ${outcome}
  </div>`;
}
