import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { Signer } from './signer.js';

const YEARS_VALID = 5;

// Object identifiers of the name parts the certificate carries.
const COMMON_NAME = '2.5.4.3';
const TITLE = '2.5.4.12';
const ORGANIZATION = '2.5.4.10';

/**
 * A certificate serial number from random bytes: positive, as X.509 requires, and with a first
 * byte that is neither 0 nor above 0x7f, so that its DER encoding is the bytes as they are. A
 * leading zero byte would be a non-minimal INTEGER, which strict readers (NSS, and so pdfsig and
 * Firefox) refuse, failing the whole signature.
 */
export function certificateSerial(random: Uint8Array): Uint8Array {
  const serial = random.slice();
  serial[0] = (serial[0]! & 0x3f) | 0x40;
  return serial;
}

/** An X.509 certificate for the signer's own key, signed by that key. */
export async function selfIssuedCertificate(
  privateKey: CryptoKey,
  publicKey: CryptoKey,
  signer: Signer,
): Promise<Uint8Array> {
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  certificate.serialNumber = new asn1js.Integer({
    valueHex: certificateSerial(crypto.getRandomValues(new Uint8Array(16))),
  });
  for (const name of [certificate.subject, certificate.issuer]) {
    name.typesAndValues.push(
      new pkijs.AttributeTypeAndValue({ type: COMMON_NAME, value: new asn1js.Utf8String({ value: signer.name }) }),
      new pkijs.AttributeTypeAndValue({ type: TITLE, value: new asn1js.Utf8String({ value: signer.role }) }),
      new pkijs.AttributeTypeAndValue({ type: ORGANIZATION, value: new asn1js.Utf8String({ value: signer.school }) }),
    );
  }
  const now = new Date();
  certificate.notBefore.value = now;
  const until = new Date(now);
  until.setUTCFullYear(until.getUTCFullYear() + YEARS_VALID);
  certificate.notAfter.value = until;
  await certificate.subjectPublicKeyInfo.importKey(publicKey);
  await certificate.sign(privateKey, 'SHA-256');
  return new Uint8Array(certificate.toSchema(true).toBER(false));
}
