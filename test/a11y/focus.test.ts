import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ProformaApp } from '../../src/components/proforma-app/proforma-app.js';
import type { ProformaAssessment } from '../../src/components/proforma-assessment/proforma-assessment.js';
import { controlLabelled } from '../components/helpers.js';
import { deepButton, deepQueryAll, focused, text, untilShown } from './helpers.js';
import { openExportPanel, STATES, typeInto } from './states.js';

// Where focus goes when the page changes under a keyboard or screen-reader user, and what is
// announced: on moving between views, on opening a panel or a form, and when something is wrong.

const render = (name: string) => STATES.find((state) => state.name === name)!.render();

/** Focuses `control` and presses Enter on it, as a keyboard user does. */
async function pressEnterOn(control: HTMLElement): Promise<void> {
  control.focus();
  await sendKeys({ press: 'Enter' });
}

describe('focus', function () {
  this.timeout(20_000);

  describe('in <proforma-assessment>', () => {
    it('opens “Sign and save as PDF” on an unfinished form at its heading, each question left a link to it', async () => {
      const element = (await render('<proforma-assessment> incomplete')) as ProformaAssessment;

      const panel = await openExportPanel(element);

      await waitUntil(() => focused()?.localName === 'h2', 'focus did not move to the panel');
      expect(text(focused())).to.equal('Sign and save as PDF');
      const links = [...panel.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.error-summary a')];
      expect(text(panel.shadowRoot!.querySelector('.error-summary'))).to.contain(
        'Finish the assessment first: 3 required question(s) are not answered yet.',
      );
      expect(links.map(text)).to.deep.equal([
        'Name of the tool',
        'Pupil content can be private',
        'Comments are moderated',
      ]);

      await pressEnterOn(links[1]!);
      expect(focused(), 'the link moves focus to the question').to.equal(
        controlLabelled(element.shadowRoot!.querySelector('#q-privacy')!, 'Met'),
      );
      await pressEnterOn(links[0]!);
      expect(focused()).to.equal(controlLabelled(element.shadowRoot!, 'Name of the tool'));
    });

    it('shortens the list as the questions are answered', async () => {
      const element = (await render('<proforma-assessment> incomplete')) as ProformaAssessment;
      const panel = await openExportPanel(element);

      controlLabelled(element.shadowRoot!.querySelector('#q-privacy')!, 'Met').click();
      await element.updateComplete;
      await panel.updateComplete;

      expect([...panel.shadowRoot!.querySelectorAll('.error-summary a')].map(text)).to.deep.equal([
        'Name of the tool',
        'Comments are moderated',
      ]);
    });

    it('moves focus to the error summary when signing is refused, each problem a link to its field', async () => {
      const element = await render('<proforma-assessment> export panel with errors');
      const panel = element.shadowRoot!.querySelector('proforma-export')!;
      const summary = panel.shadowRoot!.querySelector<HTMLElement>('.error-summary')!;

      expect(focused(), 'focus is on the summary').to.equal(summary);
      expect(summary.getAttribute('role'), 'and it is announced').to.equal('alert');
      const link = [...summary.querySelectorAll('a')].find((each) => text(each) === 'Enter the name of your school')!;
      await pressEnterOn(link);
      expect(focused()).to.equal(controlLabelled(panel.shadowRoot!, 'School'));
    });
  });

  describe('in <proforma-register>', () => {
    it('moves focus to the error summary, whose links lead to each field', async () => {
      const element = await render('<proforma-register> decision errors');
      const summary = element.shadowRoot!.querySelector<HTMLElement>('.error-summary')!;

      expect(focused()).to.equal(summary);
      expect(summary.getAttribute('role')).to.equal('alert');
      const links = [...summary.querySelectorAll('a')];
      expect(links.map(text)).to.deep.equal([
        'Enter your name: it goes in the register’s history with every change.',
        'Choose the decision.',
      ]);
      await pressEnterOn(links[1]!);
      expect(focused(), 'the first choice of the decision').to.equal(controlLabelled(element.shadowRoot!, 'Approved'));
      await pressEnterOn(links[0]!);
      expect(focused()).to.equal(controlLabelled(element.shadowRoot!, 'Your name'));
    });

    it('opens the trust-key form at its first field, and closes it with its button', async () => {
      const element = await render('<proforma-register> trust-key form');
      const toggle = deepButton(element, 'Trust this key');

      expect(focused()).to.equal(controlLabelled(element.shadowRoot!, 'Name of the person whose key it is'));
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      await pressEnterOn(toggle);
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(element.shadowRoot!.querySelector<HTMLFormElement>('#trust-form')!.hidden).to.equal(true);
    });

    it('retires a tool, announces it and takes focus to the tool’s heading, then back to its row', async () => {
      const element = await render('<proforma-register> detail');
      typeInto(controlLabelled(element.shadowRoot!, 'Your name'), 'J. Evans, IT lead');
      typeInto(controlLabelled(element.shadowRoot!, 'Why is it being retired?'), 'The school stopped using it');

      await pressEnterOn(deepButton(element, 'Retire the tool'));
      await untilShown(element, 'Kahoot! is retired.');

      expect(focused()?.id).to.equal('detail-heading');
      expect(text(element.shadowRoot!.querySelector('[role="status"]'))).to.equal('Kahoot! is retired.');
      await pressEnterOn(deepButton(element, 'Back to the list'));
      await waitUntil(() => text(focused()) === 'Kahoot!', 'focus did not go back to the tool’s row');
      expect(focused()?.closest('tr')).to.not.equal(null);
    });

    it('moves focus to what an import did', async () => {
      await render('<proforma-register> import problems');

      expect(focused()?.id).to.equal('import-report-heading');
      expect(text(focused())).to.contain('Nothing was imported from bad.csv');
    });
  });

  describe('in <proforma-drafts>', () => {
    it('takes focus to a deleted draft brought back with Undo', async () => {
      await render('<proforma-drafts> deleted, with undo');
      expect(text(focused())).to.equal('Undo');

      await pressEnterOn(focused() as HTMLElement);

      await waitUntil(() => focused()?.localName === 'h3', 'focus did not go to the draft');
      expect(text(focused())).to.equal('Tool d01');
    });
  });

  describe('in <proforma-app>', () => {
    it('moves focus to the form’s heading once a form is chosen, and back to the choice on starting again', async () => {
      const element = (await render('<proforma-app> teacher, choosing a form')) as ProformaApp;

      await pressEnterOn(deepButton(element, 'Another form'));

      await waitUntil(() => focused()?.id === 'heading-assess', 'focus did not move to the view’s heading');
      await untilShown(element, 'Start a new assessment');
      await pressEnterOn(deepButton(element, 'Start a new assessment'));
      await waitUntil(() => text(element.shadowRoot).includes('Choose the form'), 'the choice was not offered again');
      expect(focused()?.id).to.equal('heading-assess');
      expect(deepQueryAll(element, '[role="status"]').map(text)).to.include('New assessment');
    });
  });
});
