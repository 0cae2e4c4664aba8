// Starting from the trust's assessment, on a real server: a school's approver publishes an assessed
// tool, the trust's database takes it by replication, and a teacher of another school of the trust,
// naming the tool, is offered the copy, takes it and sees where it came from, in the form and in
// the PDF. Waits on the trust's changes feed and on rendered state, never on the clock.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { ProformaAssessment } from '../../src/components/proforma-assessment/proforma-assessment.js';
import { assessmentFromAnswers } from '../../src/model/assessment.js';
import type { FormDefinition } from '../../src/model/form-definition.js';
import { checkFormDefinition } from '../../src/model/form-rules.js';
import { buildReport } from '../../src/model/report.js';
import { registerFromEvents } from '../../src/model/register/fold.js';
import { layoutAssessmentPdf } from '../../src/pdf/layout.js';
import { publishRegister } from '../../src/services/register/publish-register.js';
import { NOW, at, decided, underReview } from '../model/register/log.js';
import { completeSocialAssessment } from '../pdf/fixtures.js';
import { runPdfTool } from '../pdf/pdf-tools.js';
import { controlLabelled, root, SOCIAL_FORM_URL } from './helpers.js';
import { newSchool, personOf, type School } from '../services/register/couch-school.js';

interface Trust {
  kind: string;
  trust: string;
  database: string;
}

const approver = personOf('approver', 'ann');
const teacher = personOf('teacher', 'tom');

function signIn(server: string, person: { name: string; password: string }): Promise<Response> {
  return fetch(`${server}/_session`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: person.name, password: person.password }),
  });
}

/** Long polls of the trust's changes feed, as the person signed in, until the document `id` is there. */
async function awaitInTrust(database: string, id: string): Promise<void> {
  let since = '0';
  for (let poll = 0; poll < 30; poll += 1) {
    const response = await fetch(`${database}/_changes?feed=longpoll&timeout=10000&since=${since}`, {
      credentials: 'include',
    });
    expect(response.status, 'the teacher reads the trust').to.equal(200);
    const feed = (await response.json()) as { results: Array<{ id: string }>; last_seq: string | number };
    if (feed.results.some((row) => row.id === id)) return;
    since = encodeURIComponent(String(feed.last_seq));
  }
  expect.fail(`${id} did not reach the trust's database`);
}

async function bytesOf(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  expect(response.ok, `${url}: run "node scripts/subset-fonts.mjs" first`).to.equal(true);
  return new Uint8Array(await response.arrayBuffer());
}

/** The PDF's text as pdftotext reads it, every run of white space one space. */
async function textOf(pdf: Uint8Array): Promise<string> {
  const result = await runPdfTool('pdftotext', pdf);
  expect(result.code, result.stderr).to.equal(0);
  return result.stdout.replace(/\s+/g, ' ');
}

describe('<proforma-assessment trust-url>: starting from the trust’s assessment', () => {
  let form: FormDefinition;
  let publisher: School;
  let trust: Trust;

  before(async () => {
    form = checkFormDefinition(await (await fetch(SOCIAL_FORM_URL)).json())!;
    publisher = await newSchool([approver]);
    const teachers = await newSchool([teacher]);
    // The publishing school's approver publishes its register, Padlet assessed and decided.
    const assessed = completeSocialAssessment(form);
    const entries = registerFromEvents([...underReview('padlet'), decided('padlet-3', 'padlet', 'padlet-2', at(3))], {
      now: NOW,
    }).entries.map((entry) => ({ ...entry, tool: assessed.tool.name, url: assessed.tool.url, assessment: assessed }));
    await signIn(publisher.server, approver);
    await publishRegister(publisher.published, publisher.school, entries);
    trust = (await executeServerCommand<Trust, unknown>('couchdb-trust', {
      origin: location.origin,
      schools: [publisher.school, teachers.school],
    }))!;
    await signIn(publisher.server, teacher);
    await awaitInTrust(trust.database, `${publisher.school}:padlet`);
  });

  after(async () => {
    await fetch(`${publisher.server}/_session`, { method: 'DELETE', credentials: 'include' });
  });

  /** The form, with the tool named as a teacher types it. */
  async function formNaming(tool: string, trustUrl: string): Promise<ProformaAssessment> {
    const element = await fixture<ProformaAssessment>(
      html`<proforma-assessment form-src=${SOCIAL_FORM_URL} trust-url=${trustUrl} no-autosave></proforma-assessment>`,
    );
    await waitUntil(() => element.definition, 'the form loads');
    controlLabelled(root(element), 'Name of the tool').focus();
    await sendKeys({ type: tool });
    return element;
  }

  it('says in a line when the trust cannot be read, and the form goes on', async () => {
    await fetch(`${publisher.server}/_session`, { method: 'DELETE', credentials: 'include' });
    const signedOut = await formNaming('Padlet', trust.database);
    await waitUntil(() => root(signedOut).querySelector('.trust-problem'), 'the read fails');
    expect(root(signedOut).querySelector('.trust-problem')!.textContent).to.match(
      /Sign in to the trust's register .* Nothing else waits on it\./,
    );
    expect(root(signedOut).querySelector('#trust-copies')).to.equal(null);
    await expect(signedOut).to.be.accessible();

    const offline = await formNaming('Padlet', 'http://127.0.0.1:9/proforma-nowhere-trust');
    await waitUntil(() => root(offline).querySelector('.trust-problem'), 'the read fails');
    expect(root(offline).querySelector('.trust-problem')!.textContent).to.match(/cannot be reached .*Carry on/);
    controlLabelled(root(offline), 'Company or organisation that provides it').focus();
    await sendKeys({ type: 'Wallwisher' });
    expect(offline.answers['tool-vendor']?.value, 'the teacher carries on').to.equal('Wallwisher');
    await signIn(publisher.server, teacher);
  });

  it('offers the copy once the tool is named, takes it, and marks the form and the PDF as copied', async () => {
    const element = await fixture<ProformaAssessment>(
      html`<proforma-assessment
        form-src=${SOCIAL_FORM_URL}
        trust-url=${trust.database}
        namespace=${`trust-${publisher.school}`}
      ></proforma-assessment>`,
    );
    await waitUntil(() => element.definition, 'the form loads');
    controlLabelled(root(element), 'Name of the tool').focus();
    await sendKeys({ type: 'padlet' });
    await sendKeys({ press: 'Tab' });
    controlLabelled(root(element), 'Company or organisation that provides it').focus();
    await sendKeys({ type: 'My own words' });

    await waitUntil(() => root(element).querySelector('#trust-copies'), 'the trust is read');
    const offer = root(element).querySelector('#trust-copies');
    expect(offer!.querySelector('h2')!.textContent).to.match(/Padlet has been assessed at 1 school in the trust/);
    await expect(element).to.be.accessible();
    const start = [...offer!.querySelectorAll('button')].find((button) =>
      button.textContent!.includes(`Start from ${publisher.school}'s answers`),
    )!;
    expect(start.parentElement!.textContent, "the school's decision").to.match(/Approved/);

    // The draft has an answer of its own: the copy asks first, and the keyboard alone takes it.
    start.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    const confirm = root(element).querySelector<HTMLElement>('#trust-confirm')!;
    expect(confirm.textContent).to.match(/Replace your answers with/);
    expect(element.answers['tool-vendor']?.value, 'nothing replaced before the teacher says so').to.equal(
      'My own words',
    );
    await expect(element).to.be.accessible();
    expect(root(element).activeElement, 'focus moves to the question').to.equal(confirm);
    await sendKeys({ press: 'Tab' });
    expect(root(element).activeElement?.textContent?.trim()).to.equal('Replace my answers');
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;

    const copied = completeSocialAssessment(form);
    expect(element.answers['tool-name']?.value, 'the name as typed').to.equal('padlet');
    expect(element.answers['tool-vendor']?.value).to.equal(copied.answers['tool-vendor']?.value);
    expect(element.answers['educational-objectives']?.value).to.equal(copied.answers['educational-objectives']?.value);
    expect(element.answers['service-minimum-age']?.value).to.equal(13);
    const notes = Object.values(element.answers).filter((answer) => answer.notes !== undefined);
    expect(notes, 'no notes are copied').to.have.length(0);
    expect(element.copiedFrom).to.deep.include({ school: publisher.school, revision: copied.revision });
    const mark = root(element).querySelector('#trust-copied')!;
    expect(mark.textContent).to.match(
      new RegExp(`Copied from ${publisher.school}'s assessment .*check and change every answer before you sign`),
    );
    expect(root(element).activeElement, 'focus moves to the mark').to.equal(mark);
    await expect(element).to.be.accessible();

    // The draft keeps where its answers came from: opened again, on a page with no trust, it says so.
    await element.saveNow();
    const reopened = await fixture<ProformaAssessment>(
      html`<proforma-assessment
        form-src=${SOCIAL_FORM_URL}
        namespace=${`trust-${publisher.school}`}
        draft-id=${element.draftId}
      ></proforma-assessment>`,
    );
    await waitUntil(() => root(reopened).querySelector('#trust-copied'), 'the reopened draft shows the copy');
    expect(reopened.copiedFrom).to.deep.equal(element.copiedFrom);
    expect(reopened.answers['educational-objectives']?.value).to.equal(copied.answers['educational-objectives']?.value);

    const assessment = assessmentFromAnswers(form, element.answers, {
      id: element.draftId,
      createdAt: '2026-12-08T09:00:00.000Z',
      copiedFrom: element.copiedFrom,
    });
    const fonts = {
      regular: await bytesOf('/dist/fonts/noto-sans-regular.ttf'),
      bold: await bytesOf('/dist/fonts/noto-sans-bold.ttf'),
    };
    const signature = {
      name: 'Tom Evans',
      role: 'Class teacher',
      school: 'Ysgol Arall',
      signedAt: new Date('2026-12-08T10:00:00Z'),
      method: 'typed' as const,
      fingerprint: '3A:7F',
    };
    const pdf = layoutAssessmentPdf(buildReport(assessment, form), {
      schoolName: 'Ysgol Arall',
      locale: 'en-GB',
      fonts,
      signature,
    });
    const text = await textOf(pdf);
    expect(text).to.contain(`Copied from ${publisher.school}'s assessment ${copied.id} (revision ${copied.revision})`);
  });
});
