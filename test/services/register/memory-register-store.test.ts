import { expect } from '@open-wc/testing';
import { MemoryRegisterStore } from '../../../src/services/register/memory-register-store.js';
import { NOW, underReview } from '../../model/register/log.js';
import { registerStoreContract } from './store-contract.js';

describe('MemoryRegisterStore', () => {
  registerStoreContract(() => new MemoryRegisterStore());

  it('starts from the events it is given, and lasts only as long as the page', async () => {
    const store = new MemoryRegisterStore(underReview('padlet'));
    expect(store.persistent).to.equal(false);
    expect((await store.read(NOW)).entries.map(({ status }) => status)).to.deep.equal(['under-review']);
  });
});
