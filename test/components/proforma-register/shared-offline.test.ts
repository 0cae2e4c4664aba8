import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define.js';
import '../../../src/define/proforma-app.js';
import type { ProformaApp } from '../../../src/components/proforma-app/proforma-app.js';
import type { ProformaRegister } from '../../../src/components/proforma-register/proforma-register.js';

// Port 9 (discard) answers nothing on a test machine: the server is out of reach, as on a train.
const UNREACHABLE = 'http://127.0.0.1:9';
const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<proforma-register couch-url> with its server out of reach', () => {
  it('says it is offline and works from this browser’s copy', async () => {
    const address = `${UNREACHABLE}/proforma-ysgol-offline-${crypto.randomUUID().slice(0, 8)}-register`;
    const element = await fixture<ProformaRegister>(
      html`<proforma-register lang="en-GB" couch-url=${address}></proforma-register>`,
    );

    await waitUntil(
      () => text(element.shadowRoot).includes('Offline: working from this browser’s copy'),
      'never offline',
      {
        timeout: 8000,
      },
    );
    // The status and the copy's register are each shown as soon as they are known, in either order.
    await waitUntil(() => !text(element.shadowRoot).includes('Loading the register'), 'the copy was never read');
    expect(text(element.shadowRoot)).to.contain('The register is empty');
    expect(text(element.shadowRoot)).to.contain('Offline: working from this browser’s copy');
    expect(element.shadowRoot!.querySelector('[role="status"].sync')).to.not.equal(null);
    await expect(element).to.be.accessible();
  });

  it('is given its address by <proforma-app couch-url>', async () => {
    const address = `${UNREACHABLE}/proforma-ysgol-app-register`;
    const app = await fixture<ProformaApp>(
      html`<proforma-app mode="register" forms="kinds" couch-url=${address} credentials="same-origin"></proforma-app>`,
    );
    await waitUntil(() => app.shadowRoot!.querySelector('proforma-register'), 'no register shown', { timeout: 5000 });
    const register = app.shadowRoot!.querySelector<ProformaRegister>('proforma-register')!;
    expect([register.couchUrl, register.credentials]).to.deep.equal([address, 'same-origin']);
  });
});
