import { expect } from '@open-wc/testing';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { createDeviceKey, signDetached, verifyDetached, type Signer } from '../../src/signing.js';

const teacher: Signer = { name: 'Łukasz Nowak', role: 'Class teacher', school: 'Ysgol Gwyn ŵ ŷ' };
const bytes = (text: string) => new TextEncoder().encode(text);
const arrayBuffer = (data: Uint8Array) => data.slice().buffer as ArrayBuffer;

/** Decodes a signature, lets `change` alter it, and encodes it again. */
function altered(signature: Uint8Array, change: (signedData: pkijs.SignedData) => void): Uint8Array {
  const contentInfo = pkijs.ContentInfo.fromBER(arrayBuffer(signature));
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  change(signedData);
  const again = new pkijs.ContentInfo({ contentType: contentInfo.contentType, content: signedData.toSchema(true) });
  return new Uint8Array(again.toSchema().toBER(false));
}

describe('signDetached and verifyDetached', () => {
  it('verify a signature over the same bytes, naming the signer and the fingerprint', async () => {
    const key = await createDeviceKey(teacher);
    const data = bytes('the bytes a PDF signature covers');

    const check = await verifyDetached(await signDetached(data, key), data);

    expect(check).to.deep.equal({ valid: true, signer: teacher, fingerprint: key.fingerprint });
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

  it('refuse a signature that carries the signed content inside it, whatever bytes it is checked against', async () => {
    const key = await createDeviceKey(teacher);
    const original = bytes('the bytes the teacher signed');
    const forged = altered(await signDetached(original, key), (signedData) => {
      signedData.encapContentInfo.eContent = new asn1js.OctetString({ valueHex: arrayBuffer(original) });
    });

    const check = await verifyDetached(forged, bytes('a different PDF altogether'));

    expect(check.valid).to.equal(false);
  });

  it('refuse a signature that shows one certificate but was made with another', async () => {
    const trusted = await createDeviceKey(teacher);
    const attacker = await createDeviceKey({ ...teacher, name: 'Someone else' });
    const data = bytes('the bytes a PDF signature covers');
    const forged = altered(await signDetached(data, attacker), (signedData) => {
      const shown = pkijs.Certificate.fromBER(arrayBuffer(trusted.certificate));
      signedData.certificates = [shown, ...(signedData.certificates ?? [])];
    });

    const check = await verifyDetached(forged, data);

    expect(check.valid).to.equal(false);
    expect(check.fingerprint).to.not.equal(trusted.fingerprint);
  });
});
