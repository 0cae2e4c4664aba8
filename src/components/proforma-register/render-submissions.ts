import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { EntryEvent } from '../../model/register/events.js';
import { latestSubmission } from '../../model/register/submissions.js';
import { refusalWords } from './register-words.js';
import type { Formats } from './render-common.js';
import type { SubmissionsController } from './submissions.js';

// Teachers' submissions as the register shows them: who sent the assessment a tool's entry came
// from, and the submissions this browser refused, each with the reason an import gives and the
// teacher's own words for who they are and what the tool is, shown as theirs.

/** "Submitted by … on …" for an entry whose assessment a teacher sent; nothing for any other. */
export function renderSubmitter(
  entry: { log: readonly EntryEvent[] },
  format: Formats,
): TemplateResult | typeof nothing {
  const mark = latestSubmission(entry);
  if (!mark) return nothing;
  const name = mark.by.name.trim();
  const when = format.moment(mark.submittedAt);
  return html`<span class="submitter">
    ${name ? msg(str`Submitted by ${name} on ${when}`) : msg(str`Submitted on ${when}`)}
  </span>`;
}

/** The submissions refused, above the list, until an approver dismisses each. */
export function renderRefusedSubmissions(
  submissions: SubmissionsController,
  format: Formats,
): TemplateResult | typeof nothing {
  const { refused, problem } = submissions;
  if (problem) {
    return html`<p class="message warning" role="alert">
      ${msg(str`Teachers’ submissions could not be checked: ${problem}`)}
    </p>`;
  }
  if (refused.length === 0) return nothing;
  return html`<section class="warning" aria-labelledby="submissions-refused-heading">
    <h3 id="submissions-refused-heading" tabindex="-1">${msg('Submissions refused')}</h3>
    <p>
      ${msg(
        'These signed PDFs were sent by teachers but did not pass the checks an import makes, so nothing of them was added to the register. Who sent each and which tool it is about are as the teacher gave them.',
      )}
    </p>
    <ul>
      ${refused.map(({ submission, reason }, index) => {
        const id = `refused-submission-${index}`;
        const name = submission.by.name.trim() || submission.recordedBy;
        const tool = submission.tool.name.trim();
        const when = format.moment(submission.submittedAt);
        return html`<li id=${id}>
          <strong>${submission.fileName}</strong>: ${refusalWords(reason)}
          <span class="note">
            ${
              tool
                ? msg(str`Sent on ${when} by “${name}” (signed in as ${submission.recordedBy}), for “${tool}”.`)
                : msg(str`Sent on ${when} by “${name}” (signed in as ${submission.recordedBy}).`)
            }
          </span>
          <button
            type="button"
            aria-describedby=${id}
            @click=${async () => {
              await submissions.dismiss(submission.id);
              submissions.focusAfterDismissal();
            }}
          >
            ${msg('Dismiss')}
          </button>
        </li>`;
      })}
    </ul>
  </section>`;
}
