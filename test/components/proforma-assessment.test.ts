import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import type { ProformaChangeEvent, ProformaFormErrorEvent } from '../../src/events/index.js';
import type { ProformaAssessment } from '../../src/components/proforma-assessment/proforma-assessment.js';
import { resolveText, type LocalizedText } from '../../src/model/text.js';
import {
  controlLabelled,
  kindsForm,
  outcomeText,
  questionTitled,
  renderAssessment,
  renderFromUrl,
  root,
  SOCIAL_FORM_URL,
} from './helpers.js';

/** The kinds form, its first question's title long enough to wrap in a narrow panel. */
function longTitledForm() {
  const form = kindsForm();
  form.sections[0]!.questions[0]!.title =
    'The name of the tool, as its makers write it on their own website and in their terms of service';
  return form;
}

function rangeOver(node: Node): Range {
  const range = document.createRange();
  range.selectNodeContents(node);
  return range;
}

describe('<proforma-assessment> with the social-tool form', () => {
  it('renders every section and question from form-src, and is accessible', async () => {
    const element = await renderFromUrl(SOCIAL_FORM_URL);
    const form = (await (await fetch(SOCIAL_FORM_URL)).json()) as {
      sections: Array<{ title: LocalizedText; questions: Array<{ visibleWhen?: unknown }> }>;
    };
    const headings = [...root(element).querySelectorAll('section h2')].map((h) => h.textContent?.trim());
    // The page is in English, so each title's English.
    expect(headings).to.deep.equal(form.sections.map((s) => resolveText(s.title, 'en-GB')));
    const shownAtFirst = form.sections.flatMap((s) => s.questions).filter((q) => !q.visibleWhen).length;
    expect(root(element).querySelectorAll('.question').length).to.equal(shownAtFirst);
    expect(outcomeText(element)).to.contain('Not finished yet');
    await expect(element).to.be.accessible();
  });

  it('shows per-section progress as answered of required', async () => {
    const element = await renderFromUrl(SOCIAL_FORM_URL);
    const firstSection = root(element).querySelector('section')!;
    expect(firstSection.querySelector('.progress')!.textContent).to.match(/0 of 2 required questions answered/);
    controlLabelled(firstSection, 'Name of the tool').focus();
    await sendKeys({ type: 'Padlet' });
    await element.updateComplete;
    expect(firstSection.querySelector('.progress')!.textContent).to.match(/1 of 2 required questions answered/);
  });

  it('is usable 320 px wide: nothing scrolls sideways', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const element = await renderFromUrl(SOCIAL_FORM_URL);
      expect(element.scrollWidth, 'element width').to.be.at.most(320);
      expect(document.documentElement.scrollWidth, 'page width').to.be.at.most(320);
    } finally {
      await setViewport({ width: 1024, height: 768 });
    }
  });

  it('adds no landmark to a page that puts it outside <main>: no second banner beside the page’s own', async () => {
    const element = await fixture<ProformaAssessment>(
      html`<proforma-assessment .form=${kindsForm()}></proforma-assessment>`,
    );
    const page = element.parentElement!;
    // The host page's own banner and main content, with the form after them.
    page.insertAdjacentHTML(
      'afterbegin',
      '<header><p>Ysgol Gwyn intranet</p></header><main><h1>Online tools</h1></main>',
    );

    expect(root(element).querySelector('h1')?.textContent).to.equal('Every kind');
    await expect(page).to.be.accessible();
  });

  it('has a print stylesheet: buttons hidden, score panel not sticky', async () => {
    const element = await renderFromUrl(SOCIAL_FORM_URL);
    await emulateMedia({ media: 'print' });
    try {
      const panel = root(element).querySelector<HTMLElement>('[part="score-panel"]')!;
      expect(getComputedStyle(panel).position).to.equal('static');
      const button = root(element).querySelector('button')!;
      expect(getComputedStyle(button).display).to.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });
});

describe('<proforma-assessment> answering', () => {
  it('lets a teacher answer with the keyboard alone and watch the outcome change', async () => {
    const element = await renderAssessment();
    controlLabelled(root(element), 'Name of the tool').focus();
    await sendKeys({ type: 'Padlet' });
    // Tab into the first rating group ("Met"), then arrow to "Not met".
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await element.updateComplete;
    expect(element.answers['privacy']?.value).to.equal('not-met');
    expect(outcomeText(element)).to.contain('Not approved');
    const blocker = root(element).querySelector<HTMLAnchorElement>('.reasons a')!;
    expect(blocker.textContent).to.contain('Critical item not met: Pupil content can be private');

    // Back to "Met": the critical gate opens and the outcome returns to "not finished".
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    await element.updateComplete;
    expect(element.answers['privacy']?.value).to.equal('met');
    expect(outcomeText(element)).to.contain('Not finished yet');
  });

  it('announces a change of outcome in a status region', async () => {
    const element = await renderAssessment();
    controlLabelled(questionTitled(element, 'Pupil content can be private'), 'Not met').click();
    await element.updateComplete;
    const status = root(element).querySelector('.score-panel [role="status"]')!;
    expect(status.textContent).to.contain('Outcome now: Not approved');
  });

  it('links each blocker to its question and moves focus there', async () => {
    const element = await renderAssessment();
    const link = [...root(element).querySelectorAll<HTMLAnchorElement>('.reasons a')].find((a) =>
      a.textContent?.includes('Platform'),
    )!;
    link.focus();
    await sendKeys({ press: 'Enter' });
    const focused = root(element).activeElement as HTMLInputElement;
    expect(focused.closest('.question')).to.equal(questionTitled(element, 'Platform'));
  });

  it('lists what is still to answer by title alone, in a list named by its heading', async () => {
    const element = await renderAssessment();
    const list = root(element).querySelector<HTMLUListElement>('.reasons')!;
    const heading = root(element).getElementById(list.getAttribute('aria-labelledby') ?? '');
    const links = [...list.querySelectorAll('a')];

    expect(heading?.textContent?.trim(), 'the list is named by the heading above it').to.equal('Still to answer');
    expect(links.map((link) => link.textContent?.trim())).to.include.members([
      'Name of the tool',
      'Pupil content can be private',
      'Platform',
    ]);
    for (const link of links) {
      expect(link.textContent, 'no words the heading already says').not.to.contain('Not answered yet');
    }
    await expect(element).to.be.accessible();
  });

  it('sets the bullet of a wrapped "still to answer" link beside its first line', async () => {
    const element = await fixture<ProformaAssessment>(
      html`<proforma-assessment .form=${longTitledForm()}></proforma-assessment>`,
    );
    element.parentElement!.style.width = '18rem';
    await element.updateComplete;
    const link = root(element).querySelector<HTMLAnchorElement>('.reasons a')!;
    const lines = [...rangeOver(link).getClientRects()].map((rect) => rect.top);
    // A bullet stands on the baseline of its item's first line box: a character put before the link shows where.
    const probe = document.createElement('span');
    probe.textContent = '\u200b';
    link.before(probe);
    const bulletLine = probe.getBoundingClientRect().top;
    probe.remove();

    expect(new Set(lines.map(Math.round)).size, 'the title wraps').to.be.greaterThan(1);
    expect(Math.abs(bulletLine - lines[0]!), 'beside the first line').to.be.below(4);
  });

  it('shows a visible focus outline on controls reached by keyboard', async () => {
    const element = await renderAssessment();
    controlLabelled(root(element), 'Name of the tool').focus();
    await sendKeys({ press: 'Tab' });
    const focused = root(element).activeElement!;
    const style = getComputedStyle(focused);
    expect(style.outlineStyle).to.not.equal('none');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
  });

  it('fires proforma-change with answers and score on user input only', async () => {
    const element = await renderAssessment();
    let heard = 0;
    element.addEventListener('proforma-change', () => (heard += 1));
    element.answers = { 'tool-name': { value: 'Set by the host page' } };
    await element.updateComplete;
    expect(heard, 'no event for a programmatic change').to.equal(0);

    const input = controlLabelled(root(element), 'Name of the tool');
    setTimeout(() => {
      input.value = 'Seesaw';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const event = (await oneEvent(element, 'proforma-change')) as ProformaChangeEvent;
    expect(event.detail.answers['tool-name']?.value).to.equal('Seesaw');
    expect(event.detail.score.outcome).to.equal('incomplete');
    expect(event.composed && event.bubbles).to.equal(true);
  });

  it('reflects answers set by the host page, and keeps notes and evidence', async () => {
    const element = await renderAssessment();
    element.answers = {
      privacy: { value: 'partly', notes: 'Only for the class', evidence: ['https://example.org/privacy'] },
      platform: { value: 'app' },
    };
    await element.updateComplete;
    const privacy = questionTitled(element, 'Pupil content can be private');
    expect(controlLabelled(privacy, 'Partly met').checked).to.equal(true);
    expect(controlLabelled<HTMLTextAreaElement>(privacy, 'Notes').value).to.equal('Only for the class');
    expect(controlLabelled(privacy, 'Evidence link').value).to.equal('https://example.org/privacy');
    expect(controlLabelled(questionTitled(element, 'Platform'), 'App').checked).to.equal(true);

    controlLabelled<HTMLTextAreaElement>(privacy, 'Notes').focus();
    await sendKeys({ type: '.' });
    expect(element.answers['privacy']).to.deep.equal({
      value: 'partly',
      notes: 'Only for the class.',
      evidence: ['https://example.org/privacy'],
    });
  });

  it('shows a question only while its visibleWhen answer is given', async () => {
    const element = await renderAssessment();
    expect(() => questionTitled(element, 'Parents have consented')).to.throw();
    controlLabelled(questionTitled(element, 'Will pupils under 13 use it?'), 'Yes').click();
    await element.updateComplete;
    expect(questionTitled(element, 'Parents have consented').textContent).to.contain('Parents have consented');
    controlLabelled(questionTitled(element, 'Will pupils under 13 use it?'), 'No').click();
    await element.updateComplete;
    expect(() => questionTitled(element, 'Parents have consented')).to.throw();
  });

  /** Every required question of the kinds form answered, with the hazard's risk after controls given. */
  const completeAnswers = (after: { likelihood: number; impact: number }) => ({
    'tool-name': { value: 'Padlet' },
    privacy: { value: 'met' },
    moderation: { value: 'met' },
    'under-13': { value: 'no' },
    platform: { value: 'web' },
    owners: { value: [{ name: 'Ann Jones' }, { name: 'Łukasz Nowak' }] },
    contact: { value: { before: { likelihood: 4, impact: 4 }, controls: 'Messaging off', after } },
  });

  it('reaches "approved" when everything is met and risks are low, and is accessible then', async () => {
    const element = await renderAssessment();
    element.answers = completeAnswers({ likelihood: 1, impact: 2 });
    await element.updateComplete;
    expect(outcomeText(element)).to.equal('✓ Approved');
    expect(root(element).querySelector('.figures')!.textContent).to.contain('100%');
    await expect(element).to.be.accessible();
  });

  it('names the conditions when approval has conditions', async () => {
    const element = await renderAssessment();
    element.answers = completeAnswers({ likelihood: 2, impact: 3 });
    await element.updateComplete;
    expect(outcomeText(element)).to.contain('Approved with conditions');
    const reasons = root(element).querySelector('.reasons')!.textContent!;
    expect(reasons).to.contain('Strangers contact pupils scores 6, Medium (amber)');
    await expect(element).to.be.accessible();
  });

  it('lists what the form says must be done about items only partly met', async () => {
    const element = await renderAssessment();
    element.answers = { ...completeAnswers({ likelihood: 1, impact: 1 }), moderation: { value: 'partly' } };
    await element.updateComplete;

    expect(outcomeText(element)).to.contain('Approved with conditions');
    const reason = root(element).querySelector('.reasons li.item-partly-met')!;
    expect(reason.querySelector('a')!.textContent).to.equal('Partly met: Comments are moderated');
    expect(reason.textContent).to.contain('To do: Turn on moderation.');
  });
});

describe('<proforma-assessment> question kinds', () => {
  it('adds and removes named people, moving focus sensibly', async () => {
    const element = await renderAssessment();
    const owners = questionTitled(element, 'Named staff');
    expect(owners.textContent).to.contain('At least 2 needed; 0 named so far.');
    controlLabelled(owners, 'Name of person 1').focus();
    await sendKeys({ type: 'Ann Jones' });
    [...owners.querySelectorAll('button')].find((b) => b.textContent?.includes('Add a person'))!.click();
    await element.updateComplete;
    await aTimeout(0);
    expect((root(element).activeElement as HTMLInputElement).id).to.equal('q-owners-name-2');
    await sendKeys({ type: 'Ben Evans' });
    expect((element.answers['owners']?.value as Array<{ name: string }>).map((p) => p.name)).to.deep.equal([
      'Ann Jones',
      '',
      'Ben Evans',
    ]);
    expect(questionTitled(element, 'Named staff').textContent).to.contain('2 named so far');
    [...questionTitled(element, 'Named staff').querySelectorAll('button')]
      .find((b) => b.textContent?.includes('Remove person 2'))!
      .click();
    await element.updateComplete;
    expect((element.answers['owners']?.value as unknown[]).length).to.equal(2);
    expect((root(element).activeElement as HTMLElement).textContent).to.contain('Add a person');
  });

  it('rates a hazard before and after controls and shows its band in words', async () => {
    const element = await renderAssessment();
    const hazard = questionTitled(element, 'Strangers contact pupils');
    const choose = async (label: string, value: string) => {
      const select = [...hazard.querySelectorAll('select')].find(
        (s) => s.labels[0]?.textContent === label && !s.dataset['done'],
      )!;
      select.dataset['done'] = 'yes';
      select.value = value;
      select.dispatchEvent(new Event('change'));
      await element.updateComplete;
    };
    await choose('Likelihood', '4');
    expect(hazard.textContent).to.contain('Risk before controls: not rated yet');
    await choose('Impact', '5');
    expect(questionTitled(element, 'Strangers contact pupils').textContent).to.contain(
      'Risk before controls: 20, Unacceptable (stop)',
    );
    await choose('Likelihood', '2');
    await choose('Impact', '2');
    expect(questionTitled(element, 'Strangers contact pupils').textContent).to.contain(
      'Risk after controls: 4, Low (green)',
    );
    expect(element.answers['contact']?.value).to.deep.equal({
      before: { likelihood: 4, impact: 5 },
      after: { likelihood: 2, impact: 2 },
    });
    expect(hazard.textContent).to.contain('Suggested: Turn off messaging.');
  });

  it('stores numbers, dates, multiple choices and sign-offs as typed values', async () => {
    const element = await renderAssessment();
    controlLabelled(questionTitled(element, 'Minimum age'), 'Minimum age').focus();
    await sendKeys({ type: '13' });
    controlLabelled(questionTitled(element, 'Data collected'), 'Email addresses').click();
    controlLabelled(questionTitled(element, 'Data collected'), 'Names').click();
    const start = controlLabelled(questionTitled(element, 'Start date'), 'Start date');
    start.value = '2026-12-01';
    start.dispatchEvent(new Event('input'));
    controlLabelled(questionTitled(element, 'Senior leader'), 'Full name').focus();
    await sendKeys({ type: 'Gwyn ŵ ŷ' });
    await element.updateComplete;
    expect(element.answers['age']?.value).to.equal(13);
    expect(element.answers['data']?.value, 'kept in the order of the form').to.deep.equal(['name', 'email']);
    expect(element.answers['start']?.value).to.equal('2026-12-01');
    expect(element.answers['head']?.value).to.deep.equal({ name: 'Gwyn ŵ ŷ' });
  });

  it('says when a web address is not a full address', async () => {
    const element = await renderAssessment();
    const terms = controlLabelled(questionTitled(element, 'Terms of service'), 'Terms of service');
    terms.focus();
    await sendKeys({ type: 'example.org/terms' });
    await element.updateComplete;
    expect(terms.getAttribute('aria-invalid')).to.equal('true');
    expect(questionTitled(element, 'Terms of service').textContent).to.contain('Enter a full web address');
    await expect(element).to.be.accessible();
  });
});

describe('<proforma-assessment> bad input', () => {
  it('lists every problem of a broken definition and fires proforma-form-error', async () => {
    const broken = kindsForm() as unknown as { sections: Array<{ questions: Array<Record<string, unknown>> }> };
    broken.sections[1]!.questions[0]!['kind'] = 'yesnoo';
    broken.sections[0]!.questions[1]!['visibleWhen'] = { question: 'nowhere', answers: ['yes'] };
    const errorEvent = new Promise<ProformaFormErrorEvent>((resolve) =>
      document.addEventListener('proforma-form-error', resolve as EventListener, { once: true }),
    );
    const element = await renderAssessment(broken);
    const event = await errorEvent;
    expect(event.detail.problems).to.include(
      'sections[1].questions[0].kind: unknown kind "yesnoo"; known kinds are "item", "yesno", "choice", "multichoice", "text", "longtext", "date", "number", "url", "people", "hazard", "signoff"',
    );
    const shown = [...root(element).querySelectorAll('[part="problems"] li')].map((li) => li.textContent);
    expect(shown.length).to.equal(event.detail.problems.length);
    expect(root(element).textContent).to.contain('This form definition has');
    await expect(element).to.be.accessible();
  });

  it('names the URL when form-src answers 404', async () => {
    const element = await renderFromUrl('/forms/no-such-form.json');
    const message = root(element).querySelector('[role="alert"]')!.textContent!;
    expect(message).to.contain('/forms/no-such-form.json');
    expect(message).to.contain('404');
  });

  it('names the URL and the line and column of a JSON error', async () => {
    const brokenJson = '{\n  "format": "1.0",\n  "id": "x",,\n}';
    const url = URL.createObjectURL(new Blob([brokenJson], { type: 'application/json' }));
    const element = await renderFromUrl(url);
    const message = root(element).querySelector('[role="alert"]')!.textContent!;
    expect(message).to.contain(url);
    expect(message, 'the second comma of line 3').to.match(/line 3, column 13/);
  });

  it('explains a definition written for a newer format', async () => {
    const element = await renderAssessment({ ...kindsForm(), format: '2.0', somethingNew: true });
    await waitUntil(() => root(element).querySelector('[role="alert"]'), 'no alert shown');
    const message = root(element).querySelector('[role="alert"]')!.textContent!;
    expect(message).to.contain('This form needs a newer version of proforma');
    expect(message).to.contain('format 2.0');
  });

  it('ignores answers to unknown questions with a warning, and keeps them', async () => {
    const warnings: string[] = [];
    const originalWarn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const element = await renderAssessment();
      element.answers = { 'no-such-question': { value: 'met' }, privacy: { value: 'met' } };
      await element.updateComplete;
      expect(warnings.join('\n')).to.contain('no-such-question');
      expect(element.answers['no-such-question']?.value).to.equal('met');
      expect(controlLabelled(questionTitled(element, 'Pupil content can be private'), 'Met').checked).to.equal(true);
    } finally {
      console.warn = originalWarn;
    }
  });

  it('treats an answer of the wrong shape as unanswered instead of failing', async () => {
    const element = await renderAssessment();
    element.answers = { privacy: { value: 42 }, owners: { value: 'not a list' } };
    await element.updateComplete;
    expect(outcomeText(element)).to.contain('Not finished yet');
    expect(root(element).querySelector('.reasons')!.textContent).to.contain('Pupil content can be private');
  });
});
