import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { Signer } from './device-key.js';

const YEARS_VALID = 5;

// Object identifiers of the name parts the certificate carries.
const COMMON_NAME = '2.5.4.3';
const TITLE = '2.5.4.12';
const ORGANIZATION = '2.5.4.10';

/** An X.509 certificate for the signer's own key, signed by that key. */
export async function selfIssuedCertificate(
  privateKey: CryptoKey,
  publicKey: CryptoKey,
  signer: Signer,
): Promise<Uint8Array> {
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  const serial = crypto.getRandomValues(new Uint8Array(16));
  serial[0]! &= 0x7f; // A positive number, as X.509 requires.
  certificate.serialNumber = new asn1js.Integer({ valueHex: serial });
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
