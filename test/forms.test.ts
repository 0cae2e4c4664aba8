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

describe('the shipped forms in Welsh', () => {
  type Text = string | Record<string, string>;

  /** Every text a form author writes, with where it is: the fields LocalizedTextSchema types. */
  function textsOf(node: unknown, path = '$'): { path: string; text: Text }[] {
    if (Array.isArray(node)) return node.flatMap((child, index) => textsOf(child, `${path}[${index}]`));
    if (!node || typeof node !== 'object') return [];
    const localized = ['title', 'description', 'help', 'condition', 'unit', 'suggestedControls', 'role', 'label'];
    return Object.entries(node).flatMap(([key, value]) =>
      localized.includes(key) && !Array.isArray(value)
        ? [{ path: `${path}.${key}`, text: value as Text }]
        : textsOf(value, `${path}.${key}`),
    );
  }

  // Names of platforms, and words Welsh shares with English.
  const sameInBoth = ['Facebook', 'Instagram', 'YouTube', 'LinkedIn', 'TikTok', 'Bluesky', 'Staff'];

  for (const file of ['social-tool-risk-assessment.json', 'social-media-account-request.json']) {
    it(`gives every text of ${file} in English and Welsh`, async () => {
      const texts = textsOf(await (await fetch(`/forms/${file}`)).json());
      const english = (text: Text) => (typeof text === 'string' ? text : text['en']!);

      const untranslated = texts.filter(({ text }) => typeof text === 'string' || !text['en'] || !text['cy']);
      const stillEnglish = texts.filter(({ text }) => typeof text !== 'string' && text['cy'] === text['en']);

      expect(texts.length, 'texts found').to.be.greaterThan(90);
      expect(
        untranslated.filter(({ text }) => !sameInBoth.includes(english(text))).map(({ path }) => path),
        'texts without both en and cy',
      ).to.deep.equal([]);
      expect(
        stillEnglish.filter(({ text }) => !sameInBoth.includes(english(text))).map(({ path }) => path),
        'Welsh the same as the English',
      ).to.deep.equal([]);
    });
  }
});
