import { expect } from '@open-wc/testing';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { DeviceKeyStore, sha256Fingerprint, type Signer } from '../../src/signing.js';
import { certificateSerial } from '../../src/services/certificate.js';

const freshNamespace = () => `test-${Math.random().toString(36).slice(2)}`;
const teacher: Signer = { name: 'Łukasz Nowak', role: 'Class teacher', school: 'Ysgol Gwyn ŵ ŷ' };

function parseCertificate(der: Uint8Array): pkijs.Certificate {
  const asn1 = asn1js.fromBER(der);
  expect(asn1.offset, 'the certificate is well-formed DER').to.not.equal(-1);
  return new pkijs.Certificate({ schema: asn1.result });
}

const nameParts = (certificate: pkijs.Certificate) =>
  Object.fromEntries(
    certificate.subject.typesAndValues.map((part) => [part.type, (part.value as asn1js.Utf8String).valueBlock.value]),
  );

describe('DeviceKeyStore', () => {
  it('makes a P-256 key at first signing, wrapped in a self-issued certificate naming the signer', async () => {
    const key = await new DeviceKeyStore(freshNamespace()).getOrCreate(teacher);

    const certificate = parseCertificate(key.certificate);
    expect(nameParts(certificate)).to.deep.equal({
      '2.5.4.3': 'Łukasz Nowak',
      '2.5.4.12': 'Class teacher',
      '2.5.4.10': 'Ysgol Gwyn ŵ ŷ',
    });
    expect(certificate.issuer.isEqual(certificate.subject), 'self-issued').to.equal(true);
    expect(await certificate.verify(), 'signed by its own key').to.equal(true);
    expect(certificate.signatureAlgorithm.algorithmId, 'ecdsa-with-SHA256').to.equal('1.2.840.10045.4.3.2');
    expect(key.privateKey.algorithm).to.deep.include({ name: 'ECDSA', namedCurve: 'P-256' });
  });

  it('shows the SHA-256 fingerprint of the public key its certificate holds', async () => {
    const key = await new DeviceKeyStore(freshNamespace()).getOrCreate(teacher);

    expect(key.fingerprint).to.match(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const publicKey = parseCertificate(key.certificate).subjectPublicKeyInfo.toSchema().toBER(false);
    expect(key.fingerprint).to.equal(await sha256Fingerprint(new Uint8Array(publicKey)));
  });

  it('keeps the private key where it cannot be exported', async () => {
    const key = await new DeviceKeyStore(freshNamespace()).getOrCreate(teacher);

    expect(key.privateKey.extractable).to.equal(false);
    let refused = false;
    try {
      await crypto.subtle.exportKey('pkcs8', key.privateKey);
    } catch {
      refused = true;
    }
    expect(refused, 'export refused').to.equal(true);
  });

  it('keeps the key across page loads, and signs with it', async () => {
    const namespace = freshNamespace();
    const made = await new DeviceKeyStore(namespace).getOrCreate(teacher);

    const again = await new DeviceKeyStore(namespace).getOrCreate(teacher);

    expect(again.fingerprint).to.equal(made.fingerprint);
    const data = new TextEncoder().encode('assessment');
    const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, again.privateKey, data);
    const publicKey = await parseCertificate(made.certificate).getPublicKey();
    expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, publicKey, signature, data)).to.equal(true);
  });

  it('gives a new certificate, with the same key and fingerprint, when the signer’s details change', async () => {
    const store = new DeviceKeyStore(freshNamespace());
    const first = await store.getOrCreate(teacher);

    const promoted = await store.getOrCreate({ ...teacher, role: 'Head of computing' });

    expect(promoted.fingerprint, 'the IT lead’s record of the key still holds').to.equal(first.fingerprint);
    expect(promoted.certificate).to.not.deep.equal(first.certificate);
    expect(nameParts(parseCertificate(promoted.certificate))['2.5.4.12']).to.equal('Head of computing');
  });

  it('re-issues a new key when asked, and keeps namespaces apart', async () => {
    const namespace = freshNamespace();
    const store = new DeviceKeyStore(namespace);
    const first = await store.getOrCreate(teacher);

    const reissued = await store.reissue(teacher);

    expect(reissued.fingerprint).to.not.equal(first.fingerprint);
    expect((await new DeviceKeyStore(namespace).get())?.fingerprint).to.equal(reissued.fingerprint);
    expect(await new DeviceKeyStore(freshNamespace()).get()).to.equal(undefined);
  });
});

describe('certificateSerial', () => {
  it('gives a positive serial whose DER encoding needs no leading zero, whatever the random bytes', () => {
    for (const first of [0x00, 0x01, 0x3f, 0x40, 0x7f, 0x80, 0xff]) {
      for (const second of [0x00, 0x7f, 0x80, 0xff]) {
        const random = new Uint8Array(16).fill(0xab);
        random[0] = first;
        random[1] = second;
        const serial = certificateSerial(random);
        const der = new asn1js.Integer({ valueHex: serial }).toBER();
        const bytes = new Uint8Array(der);
        // Tag 0x02, length 16, then the serial itself: no sign byte was needed, none was dropped.
        expect([...bytes.slice(0, 2)], `first byte ${first}`).to.deep.equal([0x02, 16]);
        expect(bytes[2], `first byte ${first}`).to.be.within(0x40, 0x7f);
        expect([...bytes.slice(3)]).to.deep.equal([...random.slice(1)]);
      }
    }
  });
});
