import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { RegisterDataController } from '../../../src/components/proforma-register/register-data.js';
import { IndexedDbRegisterStore } from '../../../src/services/register/indexeddb-register-store.js';
import { MemoryRegisterStore } from '../../../src/services/register/memory-register-store.js';
import type { RegisterStore } from '../../../src/services/register/register-store.js';
import { underReview } from '../../model/register/log.js';
import { entry, freshNamespace } from '../../register/entries.js';
import { writeEarlierRegister } from '../../services/register/earlier-register.js';

const CARRY_OVER = { at: '2026-12-01T08:00:00.000Z', by: { name: 'J. Evans, IT lead' } };

class RegisterDataHost extends LitElement {
  @property({ attribute: false }) store: RegisterStore | undefined;
  readonly data = new RegisterDataController(
    this,
    () => this.store,
    () => CARRY_OVER,
  );
  protected override willUpdate(): void {
    // As the register element does when its store may have changed.
    this.data.open();
  }

  private updateWaiters: Array<() => void> = [];

  /** Resolves after the next update this element makes. */
  nextUpdate(): Promise<void> {
    return new Promise((resolve) => this.updateWaiters.push(resolve));
  }

  protected override updated(): void {
    const waiters = this.updateWaiters;
    this.updateWaiters = [];
    for (const resolve of waiters) resolve();
  }

  override render() {
    const { data } = this.data;
    return data.status === 'ready' ? data.view.entries.map((each) => html`<p>${each.tool}</p>`) : data.status;
  }
}
customElements.define('register-data-host', RegisterDataHost);

/** Resolves once the host has read the register and shows `count` tools: it checks after each of its updates. */
async function untilShowing(host: RegisterDataHost, count: number): Promise<void> {
  for (;;) {
    const next = host.nextUpdate();
    const { data } = host.data;
    if (data.status === 'ready' && data.view.entries.length === count) return;
    await next;
  }
}

function hostWith(store: RegisterStore): Promise<RegisterDataHost> {
  return fixture<RegisterDataHost>(html`<register-data-host .store=${store}></register-data-host>`);
}

describe('the register element’s data', () => {
  it('reads the register, and again when another tab changes it', async () => {
    const namespace = freshNamespace();
    const host = await hostWith(new IndexedDbRegisterStore(namespace));
    await untilShowing(host, 0);
    await new IndexedDbRegisterStore(namespace).append(underReview('padlet'));
    await untilShowing(host, 1);
    expect(host.shadowRoot!.textContent).to.contain('Tool padlet');
  });

  it('writes the events of a change and gives the register as it then stands', async () => {
    const host = await hostWith(new MemoryRegisterStore());
    await untilShowing(host, 0);
    const view = await host.data.append(underReview('padlet'));
    expect(view?.entries.map(({ status }) => status)).to.deep.equal(['under-review']);
  });

  it('carries a register kept by the earlier version over when it opens', async () => {
    const namespace = freshNamespace();
    await writeEarlierRegister(namespace, { entries: [entry('padlet', { tool: 'Padlet' })] });
    const host = await hostWith(new IndexedDbRegisterStore(namespace));
    await untilShowing(host, 1);
    expect(host.data.carriedOver).to.include({ entries: 1, unreadable: 0 });
  });

  it('says it could not read a store that refuses, and reads again when asked', async () => {
    let refusing = true;
    const memory = new MemoryRegisterStore(underReview('padlet'));
    const flaky: RegisterStore = {
      persistent: false,
      read: (now) => (refusing ? Promise.reject(new Error('refused')) : memory.read(now)),
      events: () => memory.events(),
      entry: (id, now) => memory.entry(id, now),
      append: (events, evidence) => memory.append(events, evidence),
      evidence: (sha256) => memory.evidence(sha256),
      watch: (listener) => memory.watch(listener),
    };
    const host = await hostWith(flaky);
    await host.data.read();
    expect(host.data.data.status).to.equal('failed');
    refusing = false;
    await host.data.read();
    await untilShowing(host, 1);
  });
});
