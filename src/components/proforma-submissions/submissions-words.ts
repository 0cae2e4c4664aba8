import { msg, str } from '@lit/localize';
import type { OutboxStatus, SubmissionProgress } from '../../services/register/submission-outbox.js';

// The words of a teacher's submissions: where each stands, and where the outbox stands with the
// school's server. Looked up when called, so that a change of language shows on the next render.

/** Where one submission stands, in words. */
export function progressWords(progress: SubmissionProgress): string {
  switch (progress.state) {
    case 'waiting':
      return progress.because === 'offline'
        ? msg('Waiting to be sent (offline)')
        : progress.because === 'sign-in-needed'
          ? msg('Waiting to be sent: sign in to send it')
          : msg('Sending…');
    case 'sent':
      return msg('Sent to the IT lead');
    case 'decided':
      return progress.decision === 'approved'
        ? msg('Decision recorded: approved')
        : progress.decision === 'approved-with-conditions'
          ? msg('Decision recorded: approved with conditions')
          : msg('Decision recorded: not approved');
    case 'refused':
      return msg(str`Refused by the server: ${progress.reason}`);
  }
}

/** Where the outbox stands with the school's server, in words; undefined when all is well and nothing needs saying. */
export function connectionWords(status: OutboxStatus | undefined): string | undefined {
  if (!status) return msg('Opening your sent assessments…');
  switch (status.connection) {
    case 'connecting':
      return msg('Connecting to the school’s server…');
    case 'offline':
      return msg('Offline: what you send waits in this browser and goes when the connection is back.');
    case 'sign-in-needed':
      return msg('Sign in to send assessments to the IT lead and to see what became of them.');
    case 'online':
      return undefined;
  }
}

/** Why signing in failed, in words. */
export function signInFailure(error: unknown): string {
  const problem = (error as { problem?: unknown }).problem;
  if (problem === 'wrong-name-or-password')
    return msg('The name or password is not right. Check them and sign in again.');
  if (problem === 'offline')
    return msg('The school’s server cannot be reached. Check the connection and sign in again.');
  return msg(str`The server did not let you sign in: ${error instanceof Error ? error.message : String(error)}`);
}
