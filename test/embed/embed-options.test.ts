import { expect } from '@open-wc/testing';
import { readEmbedOptions } from '../../src/embed/embed-options.js';

const PAGE = 'https://tools.example.sch.uk/proforma/embed.html';
const read = (search: string) => readEmbedOptions(search, PAGE);

describe('readEmbedOptions', () => {
  it('gives <proforma-app> nothing to change when the address has no query', () => {
    expect(read('')).to.deep.equal({ attributes: {}, lang: undefined, parentOrigin: undefined, problems: [] });
  });

  const good: Array<{ search: string; attributes: Record<string, string> }> = [
    { search: '?form=social-media-account-request', attributes: { forms: 'social-media-account-request' } },
    {
      search: '?form=social-tool-risk-assessment&form=forms/trips.json',
      attributes: { forms: 'social-tool-risk-assessment https://tools.example.sch.uk/proforma/forms/trips.json' },
    },
    {
      search: '?form=social-tool-risk-assessment,/shared/trips.json',
      attributes: { forms: 'social-tool-risk-assessment https://tools.example.sch.uk/shared/trips.json' },
    },
    { search: '?mode=register&view=drafts', attributes: { mode: 'register', view: 'drafts' } },
    {
      search: '?mode=public&register=approved-tools.json',
      attributes: { mode: 'public', 'register-src': 'https://tools.example.sch.uk/proforma/approved-tools.json' },
    },
    {
      search: '?view=register&register=approved-tools.json',
      attributes: { view: 'register', 'register-src': 'https://tools.example.sch.uk/proforma/approved-tools.json' },
    },
    {
      search: '?school=Ysgol%20Gwyn&logo=logo.png',
      attributes: { 'school-name': 'Ysgol Gwyn', 'logo-src': 'https://tools.example.sch.uk/proforma/logo.png' },
    },
    { search: '?namespace=year-7.science_2', attributes: { namespace: 'year-7.science_2' } },
    { search: '?school=&namespace=', attributes: {} },
  ];
  for (const { search, attributes } of good) {
    it(`reads ${search}`, () => {
      const options = read(search);
      expect(options.problems).to.deep.equal([]);
      expect(options.attributes).to.deep.equal(attributes);
    });
  }

  it('reads the language in its canonical form, for the page and the app', () => {
    const options = read('?lang=cy-gb');
    expect(options.lang).to.equal('cy-GB');
    expect(options.attributes).to.deep.equal({ locale: 'cy-GB' });
  });

  for (const parent of ['https://vle.example.sch.uk', 'https://VLE.example.sch.uk/', 'http://localhost:8080']) {
    it(`reads the parent origin ${parent}`, () => {
      const options = read(`?parent=${encodeURIComponent(parent)}`);
      expect(options.problems).to.deep.equal([]);
      expect(options.parentOrigin).to.equal(new URL(parent).origin);
    });
  }

  const bad: Array<{ search: string; problem: string }> = [
    {
      search: '?colour=red',
      problem:
        'There is no setting “colour”. The settings are form, mode, view, school, logo, register, namespace, lang, parent.',
    },
    { search: '?mode=teacher&mode=register', problem: 'The setting “mode” is given 2 times: give it once.' },
    {
      search: '?form=risk',
      problem:
        'There is no form “risk”. Name a built-in form (social-tool-risk-assessment, social-media-account-request) or give the address of a form definition: a URL with a / in it or ending in .json.',
    },
    {
      search: '?form=https://cdn.example.com/form.json',
      problem:
        'The form https://cdn.example.com/form.json is on another site. This page loads nothing from another site: put the file on https://tools.example.sch.uk, beside embed.html.',
    },
    {
      search: '?logo=http://tools.example.sch.uk/logo.png',
      problem:
        'The logo http://tools.example.sch.uk/logo.png is on another site. This page loads nothing from another site: put the file on https://tools.example.sch.uk, beside embed.html.',
    },
    { search: '?logo=https://[bad', problem: 'The logo “https://[bad” is not an address.' },
    {
      search: '?mode=editor',
      problem: 'This page asks for the mode “editor”, which does not exist: use teacher, register or public.',
    },
    {
      search: '?mode=public',
      problem:
        'The public mode shows the published register: give its address as register, e.g. register=approved-tools.json.',
    },
    { search: '?view=register', problem: 'There is no view “register” in teacher mode: use assess, drafts, verify.' },
    {
      search: '?mode=public&register=r.json&view=drafts',
      problem: 'There is no view “drafts” in public mode: use register.',
    },
    {
      search: '?namespace=year 7',
      problem:
        'The namespace “year 7” may hold only letters, digits, dots, hyphens and underscores, at most 64 of them.',
    },
    { search: '?lang=english!', problem: '“english!” is not a language tag: use one such as en-GB or cy.' },
    ...['vle.example.sch.uk', 'https://vle.example.sch.uk/moodle', 'javascript:alert(1)', '*'].map((parent) => ({
      search: `?parent=${encodeURIComponent(parent)}`,
      problem: `The parent must be the origin of the page that shows this one, such as https://vle.example.sch.uk, not “${parent}”.`,
    })),
  ];
  for (const { search, problem } of bad) {
    it(`says what is wrong with ${search}`, () => {
      expect(read(search).problems).to.deep.equal([problem]);
    });
  }

  it('lists every mistake, and leaves the mistaken settings out', () => {
    const options = read('?form=social-tool-risk-assessment&form=nope&mode=teacher&view=nowhere&size=big');
    expect(options.problems).to.have.length(3);
    expect(options.attributes).to.deep.equal({ forms: 'social-tool-risk-assessment', mode: 'teacher' });
  });
});
