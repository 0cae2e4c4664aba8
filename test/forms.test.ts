import { expect } from '@open-wc/testing';
import { allQuestions, parseFormDefinition, scoreAssessment } from '../src/model/index.js';

describe('every form in forms/', () => {
  let files: string[] = [];

  before(async () => {
    files = (await (await fetch('/test/forms-index.json')).json()) as string[];
  });

  it('finds the shipped forms', () => {
    expect(files).to.include.members(['social-tool-risk-assessment.json', 'social-media-account-request.json']);
  });

  it('passes the schema and the form rules, and scores as incomplete when empty', async () => {
    for (const file of files) {
      const json: unknown = await (await fetch(`/forms/${file}`)).json();
      const form = parseFormDefinition(json);
      expect(`${form.id}.json`, 'the file is named after the form id').to.equal(file);
      expect(scoreAssessment(form, {}).outcome, file).to.equal('incomplete');
    }
  });
});

describe('the social-tool risk assessment', () => {
  it('asks the seven core questions and marks critical items', async () => {
    const form = parseFormDefinition(await (await fetch('/forms/social-tool-risk-assessment.json')).json());
    const ids = allQuestions(form).map(({ question }) => question.id);
    for (const core of [
      'value-shared',
      'privacy-options',
      'comment-moderation',
      'reporting-system',
      'parents-notified',
      'incident-process',
      'vendor-trusted',
    ]) {
      expect(ids, core).to.include(core);
    }
    const critical = allQuestions(form).filter(({ question }) => question.kind === 'item' && question.critical);
    expect(critical.length).to.be.greaterThan(4);
    const hazards = allQuestions(form).filter(({ question }) => question.kind === 'hazard');
    expect(hazards.map(({ question }) => question.id).join(' ')).to.match(/content.*contact.*conduct.*commerce/);
  });
});
