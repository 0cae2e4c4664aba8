import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
// The app alone, as its bundle registers it: every other element is registered by the app when it needs it.
import '../../src/define/proforma-app.js';
import { ProformaApp } from '../../src/components/proforma-app/proforma-app.js';
import type { ProformaAssessment } from '../../src/components/proforma-assessment/proforma-assessment.js';
import type { ProformaRegister } from '../../src/components/proforma-register/proforma-register.js';
import { defineElement } from '../../src/define-element.js';
import type { FormDefinition } from '../../src/model/form-definition.js';
import { registerToJson } from '../../src/model/register-json.js';
import { IndexedDbDraftStore } from '../../src/services/indexeddb-draft-store.js';
import { freshNamespace, makeDraft } from '../drafts/helpers.js';
import { kindsForm } from './kinds-form.js';

const SOCIAL_TOOL_TITLE = 'Risk assessment for an online or social tool';
const ACCOUNT_REQUEST_TITLE = 'Request for a school social media account';

/** A short form, quick to render and to check for accessibility. */
const smallForm = (): FormDefinition => ({
  ...kindsForm(),
  id: 'small',
  title: 'Small form',
  description: 'Two questions about a tool.',
  sections: [
    {
      id: 'about',
      title: 'About the tool',
      questions: [
        { id: 'tool-name', kind: 'text', title: 'Name of the tool' },
        { id: 'privacy', kind: 'item', title: 'Pupil content can be private' },
      ],
    },
  ],
});

const jsonUrl = (content: unknown) =>
  URL.createObjectURL(
    new Blob([typeof content === 'string' ? content : JSON.stringify(content)], { type: 'application/json' }),
  );

const SMALL_FORM_URL = jsonUrl(smallForm());

const shadow = (element: Element) => element.shadowRoot!;
const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const navLabels = (app: Element) => [...shadow(app).querySelectorAll('nav button')].map(text);
const navButton = (app: Element, label: string) => {
  const button = [...shadow(app).querySelectorAll<HTMLButtonElement>('nav button')].find((b) => text(b) === label);
  if (!button) throw new Error(`no navigation button "${label}"`);
  return button;
};
/** The view on screen: the one section not hidden. */
const shownView = (app: Element) =>
  [...shadow(app).querySelectorAll<HTMLElement>('[part="view"]')].find((view) => !view.hidden)!;
const shownHeading = (app: Element) => text(shownView(app).querySelector('h2'));
/** The headings at the top of the view on screen: the app's own, and those of the element it shows. */
const viewHeadings = (app: Element) =>
  [
    ...shownView(app).querySelectorAll(':scope > h2'),
    ...[...shownView(app).children].flatMap((child) => [...(child.shadowRoot?.querySelectorAll('h2') ?? [])]),
  ].map(text);
const button = (scope: ParentNode, label: string) => {
  const found = [...scope.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b).includes(label));
  if (!found) throw new Error(`no button "${label}"`);
  return found;
};

/** The inner element `tag` in the view on screen, once it is there. */
async function shownElement<T extends Element>(app: Element, tag: string): Promise<T> {
  await waitUntil(() => shownView(app)?.querySelector(tag), `no <${tag}> shown`, { timeout: 5000 });
  return shownView(app).querySelector<T>(tag)!;
}

/** The forms offered to choose from, once they are. */
async function formChoices(app: Element): Promise<string[]> {
  await waitUntil(() => text(shownView(app)).includes('Choose the form'), 'no choice of forms', { timeout: 5000 });
  return [...shownView(app).querySelectorAll('li button')].map(text);
}

/** The assessment in the view on screen, once its form is shown; its title. */
async function shownFormTitle(app: Element, tag = 'proforma-assessment'): Promise<string> {
  const assessment = await shownElement<ProformaAssessment>(app, tag);
  await waitUntil(() => assessment.shadowRoot?.querySelector('h1'), 'the form was never shown', { timeout: 5000 });
  return text(assessment.shadowRoot!.querySelector('h1'));
}

describe('<proforma-app>', () => {
  it('offers a teacher a new assessment, drafts and checking a PDF, with the form shown first', async () => {
    const app = await fixture<ProformaApp>(
      html`<proforma-app namespace=${freshNamespace()} forms=${SMALL_FORM_URL}></proforma-app>`,
    );

    expect(navLabels(app)).to.deep.equal(['New assessment', 'My drafts', 'Check a signed PDF']);
    expect(navButton(app, 'New assessment').getAttribute('aria-current')).to.equal('page');
    expect(shownHeading(app)).to.equal('New assessment');
    expect(await shownFormTitle(app)).to.equal('Small form');
    await expect(app).to.be.accessible();
  });

  it('adds the approved tools, read-only, when it is given a published register', async () => {
    const url = jsonUrl(registerToJson([publishedEntry('padlet', 'Padlet')], [], { published: true, now: new Date() }));
    const app = await fixture<ProformaApp>(
      html`<proforma-app forms=${SMALL_FORM_URL} register-src=${url} namespace=${freshNamespace()}></proforma-app>`,
    );
    expect(navLabels(app)).to.deep.equal(['New assessment', 'My drafts', 'Check a signed PDF', 'Approved tools']);

    navButton(app, 'Approved tools').click();
    const register = await shownElement<ProformaRegister>(app, 'proforma-register');
    await waitUntil(() => text(register.shadowRoot).includes('Padlet'), 'the published register never loaded');

    expect(register.readonly).to.equal(true);
    expect(register.shadowRoot!.querySelector('input[type="file"]'), 'no imports in the staff view').to.equal(null);
    await expect(app).to.be.accessible();
  });

  it('offers the IT lead the register first, with the forms to import signed PDFs', async () => {
    const app = await fixture<ProformaApp>(
      html`<proforma-app mode="register" forms=${SMALL_FORM_URL} namespace=${freshNamespace()}></proforma-app>`,
    );

    expect(navLabels(app)).to.deep.equal(['Register', 'Check a signed PDF', 'New assessment', 'My drafts']);
    const register = await shownElement<ProformaRegister>(app, 'proforma-register');
    await waitUntil(() => text(register.shadowRoot).includes('The register is empty'), 'the register never loaded');
    expect(viewHeadings(app), 'one heading, the register’s own').to.deep.equal(['Approved tools']);
    expect(register.readonly).to.equal(false);
    expect(register.forms.map((form) => form.id)).to.deep.equal(['small']);
    await expect(app).to.be.accessible();
  });

  it('shows the public only the published register, under a heading', async () => {
    const url = jsonUrl(registerToJson([publishedEntry('canva', 'Canva')], [], { published: true, now: new Date() }));
    const app = await fixture<ProformaApp>(
      html`<proforma-app mode="public" register-src=${url} school-name="Ysgol Gwyn"></proforma-app>`,
    );

    expect(shadow(app).querySelector('nav')).to.equal(null);
    const register = await shownElement<ProformaRegister>(app, 'proforma-register');
    await waitUntil(() => text(register.shadowRoot).includes('Canva'), 'the published register never loaded');
    expect(viewHeadings(app), 'one heading, the register’s own').to.deep.equal(['Approved tools']);
    expect(shadow(app).querySelector('proforma-assessment'), 'no form on the public page').to.equal(null);
    await expect(app).to.be.accessible();
  });

  it('tells the public page what is wrong when the register is missing or cannot be read', async () => {
    const missing = await fixture<ProformaApp>(html`<proforma-app mode="public"></proforma-app>`);
    expect(text(shownView(missing)))
      .to.contain('No register to show')
      .and.to.contain('register-src');
    await expect(missing).to.be.accessible();

    const broken = await fixture<ProformaApp>(
      html`<proforma-app mode="public" register-src=${jsonUrl('{"kind": "proforma-register",')}></proforma-app>`,
    );
    const register = await shownElement<ProformaRegister>(broken, 'proforma-register');
    await waitUntil(() => register.shadowRoot?.querySelector('[role="alert"]'), 'no message');
    expect(text(register.shadowRoot!.querySelector('[role="alert"]'))).to.contain('cannot be read');
  });

  it('says so when the mode does not exist, and shows nothing else', async () => {
    const app = await fixture<ProformaApp>(html`<proforma-app mode="admin"></proforma-app>`);

    expect(text(shadow(app)))
      .to.contain('“admin”')
      .and.to.contain('teacher, register or public');
    expect(shadow(app).querySelector('nav')).to.equal(null);
    expect(shadow(app).querySelector('proforma-assessment')).to.equal(null);
  });

  it('moves focus to the heading of the view chosen with the keyboard, and announces it', async () => {
    const app = await fixture<ProformaApp>(
      html`<proforma-app namespace=${freshNamespace()} forms=${SMALL_FORM_URL}></proforma-app>`,
    );
    navButton(app, 'New assessment').focus();

    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });

    await waitUntil(() => shadow(app).activeElement?.tagName === 'H2', 'focus never reached a heading');
    expect(text(shadow(app).activeElement)).to.equal('My drafts');
    expect(shownHeading(app)).to.equal('My drafts');
    expect(navButton(app, 'My drafts').getAttribute('aria-current')).to.equal('page');
    expect(navButton(app, 'New assessment').hasAttribute('aria-current')).to.equal(false);
    expect(text(shadow(app).querySelector('[role="status"]'))).to.equal('My drafts');
    expect(app.getAttribute('view'), 'the view is reflected for the host page').to.equal('drafts');
  });

  it('moves focus to the register’s own heading when the register is chosen with the keyboard', async () => {
    const app = await fixture<ProformaApp>(
      html`<proforma-app mode="register" forms=${SMALL_FORM_URL} namespace=${freshNamespace()}></proforma-app>`,
    );
    const register = await shownElement<ProformaRegister>(app, 'proforma-register');
    await waitUntil(() => text(register.shadowRoot).includes('The register is empty'), 'the register never loaded');
    navButton(app, 'Check a signed PDF').click();
    await app.updateComplete;
    navButton(app, 'Register').focus();

    await sendKeys({ press: 'Enter' });

    await waitUntil(() => register.shadowRoot!.activeElement?.tagName === 'H2', 'focus never reached its heading');
    expect(text(register.shadowRoot!.activeElement)).to.equal('Approved tools');
    expect(viewHeadings(app)).to.deep.equal(['Approved tools']);
  });

  it('loads and registers a view’s element when the view is first opened, and keeps it when another is shown', async () => {
    // A tag suffix of its own: whatever other tests have opened, nothing under it is registered yet.
    const suffix = `s${Math.random().toString(36).slice(2, 8)}`;
    defineElement('proforma-app', ProformaApp, { suffix });
    const app = await fixture<ProformaApp>(
      `<proforma-app-${suffix} namespace="${freshNamespace()}" forms="${SMALL_FORM_URL}"></proforma-app-${suffix}>`,
    );
    const verifyTag = `proforma-verify-${suffix}`;
    expect(customElements.get(verifyTag) === undefined, 'not loaded with the page').to.equal(true);

    navButton(app, 'Check a signed PDF').click();
    const verify = await shownElement(app, verifyTag);
    await waitUntil(() => customElements.get(verifyTag), 'never registered');
    await waitUntil(() => text(verify.shadowRoot).includes('Choose a signed PDF'), 'never rendered');
    await expect(app).to.be.accessible();

    navButton(app, 'New assessment').click();
    await app.updateComplete;
    expect(shownHeading(app)).to.equal('New assessment');
    expect(shadow(app).querySelector(verifyTag) === verify, 'kept while hidden').to.equal(true);
  });

  it('with a shared register, gives the assessment its address and lists what the teacher sent beside the drafts', async () => {
    // Port 9 (discard) is one browsers never connect to: the school's server is out of reach.
    const couchUrl = 'http://localhost:9/proforma-ysgol-gwyn-register';
    const app = await fixture<ProformaApp>(
      html`<proforma-app namespace=${freshNamespace()} forms=${SMALL_FORM_URL} couch-url=${couchUrl}></proforma-app>`,
    );
    const assessment = await shownElement<ProformaAssessment>(app, 'proforma-assessment');
    expect(assessment.couchUrl).to.equal(couchUrl);

    navButton(app, 'My drafts').click();
    const sent = await shownElement(app, 'proforma-submissions');
    await waitUntil(() => text(sent.shadowRoot).includes('Offline: what you send waits'), 'not told it is offline', {
      timeout: 5000,
    });
    expect(text(sent.shadowRoot))
      .to.contain('Sent to the IT lead')
      .and.to.contain('Nothing sent from this browser yet.');
    await expect(app).to.be.accessible();
  });

  it('opens a drafts view named by the host page, and a draft chosen there as the assessment', async () => {
    const namespace = freshNamespace();
    const form = smallForm();
    await new IndexedDbDraftStore(namespace).save(
      makeDraft(
        'padlet-draft',
        {
          form: { id: form.id, version: form.version },
          tool: { name: 'Padlet' },
          answers: { 'tool-name': { value: 'Padlet' } },
        },
        { formTitle: 'Small form' },
      ),
      undefined,
    );
    const app = await fixture<ProformaApp>(
      html`<proforma-app view="drafts" namespace=${namespace} forms=${SMALL_FORM_URL}></proforma-app>`,
    );
    const drafts = await shownElement(app, 'proforma-drafts');
    await waitUntil(() => text(drafts.shadowRoot).includes('Open Padlet'), 'the draft was never listed');
    await expect(app).to.be.accessible();

    button(drafts.shadowRoot!, 'Open Padlet').click();

    await waitUntil(() => shownHeading(app) === 'New assessment', 'the assessment was never shown');
    const assessment = await shownElement<ProformaAssessment>(app, 'proforma-assessment');
    expect(assessment.getAttribute('draft-id')).to.equal('padlet-draft');
    await waitUntil(() => assessment.answers['tool-name']?.value === 'Padlet', 'the draft’s answers never came');
    expect(text(shadow(app).activeElement)).to.equal('New assessment');

    button(shownView(app), 'Start a new assessment').click();
    await app.updateComplete;
    const fresh = shownView(app).querySelector<ProformaAssessment>('proforma-assessment')!;
    expect(fresh).not.to.equal(assessment);
    expect(fresh.getAttribute('draft-id') ?? '').to.equal('');
    expect(fresh.answers).to.deep.equal({});
  });

  it('shows the social-tool form when no forms are named, found beside the library', async () => {
    const app = await fixture<ProformaApp>(html`<proforma-app namespace=${freshNamespace()}></proforma-app>`);

    expect(await shownFormTitle(app)).to.equal(SOCIAL_TOOL_TITLE);
  });

  it('loads a built-in form by its id', async () => {
    const app = await fixture<ProformaApp>(
      html`<proforma-app namespace=${freshNamespace()} forms="social-media-account-request"></proforma-app>`,
    );

    expect(await shownFormTitle(app)).to.equal(ACCOUNT_REQUEST_TITLE);
    expect(shownView(app).querySelector('proforma-assessment')!.getAttribute('form-src')).to.match(
      /\/forms\/social-media-account-request\.json$/,
    );
  });

  it('loads a form by a URL relative to the page', async () => {
    const app = await fixture<ProformaApp>(
      html`<proforma-app namespace=${freshNamespace()} forms="forms/social-media-account-request.json"></proforma-app>`,
    );

    expect(await shownFormTitle(app)).to.equal(ACCOUNT_REQUEST_TITLE);
  });

  it('lets the teacher choose among several forms, and go back to the list', async () => {
    const app = await fixture<ProformaApp>(
      html`<proforma-app
        namespace=${freshNamespace()}
        forms="social-media-account-request, ${SMALL_FORM_URL}"
      ></proforma-app>`,
    );
    expect(await formChoices(app)).to.deep.equal([ACCOUNT_REQUEST_TITLE, 'Small form']);
    expect(text(shownView(app))).to.contain('Two questions about a tool.');
    await expect(app).to.be.accessible();

    button(shownView(app), 'Small form').click();

    expect(await shownFormTitle(app)).to.equal('Small form');
    await expect(app).to.be.accessible();
    button(shownView(app), 'Start a new assessment').click();
    expect(await formChoices(app), 'back to the choice').to.have.lengthOf(2);
    expect(shownView(app).querySelector('proforma-assessment')).to.equal(null);
  });

  it('names a form it does not know, and still offers the others', async () => {
    const app = await fixture<ProformaApp>(
      html`<proforma-app
        namespace=${freshNamespace()}
        forms="social-tool-risk-asessment ${SMALL_FORM_URL}"
      ></proforma-app>`,
    );

    expect(text(shownView(app))).to.contain('There is no form “social-tool-risk-asessment”');
    expect(await shownFormTitle(app)).to.equal('Small form');
    await expect(app).to.be.accessible();

    const none = await fixture<ProformaApp>(html`<proforma-app forms="risk"></proforma-app>`);
    expect(text(shownView(none))).to.contain('There is no form “risk”');
    expect(shownView(none).querySelector('proforma-assessment')).to.equal(null);
  });

  it('says why a form of the list cannot be offered', async () => {
    const broken = jsonUrl({ title: 'Not a form' });
    const app = await fixture<ProformaApp>(
      html`<proforma-app namespace=${freshNamespace()} forms="${broken} ${SMALL_FORM_URL}"></proforma-app>`,
    );

    expect(await formChoices(app)).to.deep.equal(['Small form']);
    expect(text(shownView(app)))
      .to.contain('problem')
      .and.to.contain(broken);
  });

  it('renders the elements inside under its own tag suffix', async () => {
    const suffix = `s${Math.random().toString(36).slice(2, 8)}`;
    defineElement('proforma-app', ProformaApp, { suffix });
    const app = await fixture<ProformaApp>(
      `<proforma-app-${suffix} namespace="${freshNamespace()}" forms="${SMALL_FORM_URL}"></proforma-app-${suffix}>`,
    );

    expect(await shownFormTitle(app, `proforma-assessment-${suffix}`)).to.equal('Small form');
    expect(customElements.get(`proforma-assessment-${suffix}`)).not.to.equal(undefined);

    navButton(app, 'My drafts').click();
    const drafts = await shownElement(app, `proforma-drafts-${suffix}`);
    await waitUntil(() => text(drafts.shadowRoot).includes('Your drafts'), 'the suffixed drafts list never rendered');
    expect(shadow(app).querySelector('proforma-drafts, proforma-assessment')).to.equal(null);
  });

  it('shows the school’s name and logo at the top', async () => {
    const logo =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
    const app = await fixture<ProformaApp>(
      html`<proforma-app
        namespace=${freshNamespace()}
        forms=${SMALL_FORM_URL}
        school-name="Ysgol Gwyn"
        logo-src=${logo}
      ></proforma-app>`,
    );

    expect(text(shadow(app).querySelector('[part="masthead"]'))).to.equal('Ysgol Gwyn');
    const image = shadow(app).querySelector('img')!;
    expect(image.getAttribute('src')).to.equal(logo);
    expect(image.getAttribute('alt'), 'the name beside it says who it is').to.equal('');
    const assessment = await shownElement<ProformaAssessment>(app, 'proforma-assessment');
    expect(assessment.schoolName).to.equal('Ysgol Gwyn');
    expect(assessment.logoSrc).to.equal(logo);
  });
});

/** A tool in the published register. */
function publishedEntry(id: string, tool: string) {
  return {
    id,
    tool,
    subjects: ['Art'],
    yearGroups: ['Year 9'],
    status: 'approved' as const,
    outcome: 'approved' as const,
    readiness: 90,
    conditions: [],
    owners: [{ name: 'Siân Jones' }, { name: 'Łukasz Nowak' }],
    approver: 'C. Jones, deputy head',
    decisionDate: '2026-01-12',
    reviewDue: '2099-01-12',
    history: [{ at: '2026-01-10T09:00:00.000Z', by: 'J. Evans', action: 'imported' as const, changes: [] }],
  };
}
