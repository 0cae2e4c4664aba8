import { expect } from '@open-wc/testing';
import { createDeviceKey, sha256Fingerprint, signDetached, verifyDetached, type Signer } from '../../src/signing.js';

const teacher: Signer = { name: 'Łukasz Nowak', role: 'Class teacher', school: 'Ysgol Gwyn ŵ ŷ' };
const bytes = (text: string) => new TextEncoder().encode(text);

describe('signDetached and verifyDetached', () => {
  it('verify a signature over the same bytes, naming the signer and the fingerprint', async () => {
    const key = await createDeviceKey(teacher);
    const data = bytes('the bytes a PDF signature covers');

    const check = await verifyDetached(await signDetached(data, key), data);

    expect(check).to.deep.equal({ valid: true, signer: teacher, fingerprint: key.fingerprint });
    expect(key.fingerprint).to.equal(await sha256Fingerprint(key.certificate));
  });

  it('refuse the signature when one byte of the data has changed', async () => {
    const key = await createDeviceKey(teacher);
    const data = bytes('the bytes a PDF signature covers');
    const signature = await signDetached(data, key);
    data[3]! ^= 0x01;

    const check = await verifyDetached(signature, data);

    expect(check.valid).to.equal(false);
    expect(check.problem).to.contain('does not match the signed bytes');
  });

  it('refuse a signature whose own bytes were altered, or that cannot be read', async () => {
    const key = await createDeviceKey(teacher);
    const data = bytes('content');
    const signature = await signDetached(data, key);
    const altered = signature.slice();
    altered[altered.length - 10]! ^= 0xff;

    expect((await verifyDetached(altered, data)).valid).to.equal(false);
    expect(await verifyDetached(bytes('not a signature'), data)).to.deep.equal({
      valid: false,
      problem: 'the signature cannot be read',
    });
  });

  it('report another key under the same name by its different fingerprint', async () => {
    const data = bytes('content');
    const first = await verifyDetached(await signDetached(data, await createDeviceKey(teacher)), data);
    const impostor = await verifyDetached(await signDetached(data, await createDeviceKey(teacher)), data);

    expect(first.valid && impostor.valid).to.equal(true);
    expect(impostor.signer).to.deep.equal(first.signer);
    expect(impostor.fingerprint).to.not.equal(first.fingerprint);
  });
});
