import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { sha256Fingerprint, type DeviceKey, type Signer } from './device-key.js';

// Object identifiers used in the signature.
const DATA = '1.2.840.113549.1.7.1';
const SIGNED_DATA = '1.2.840.113549.1.7.2';
const CONTENT_TYPE = '1.2.840.113549.1.9.3';
const MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';
const COMMON_NAME = '2.5.4.3';
const TITLE = '2.5.4.12';
const ORGANIZATION = '2.5.4.10';

const sha256 = async (bytes: Uint8Array) =>
  new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));

const buffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

function parseCertificate(der: Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(buffer(der));
}

/**
 * A detached CMS signature (RFC 5652) over `data` with the device key, in the
 * form PAdES asks for: the signer's certificate included, and signed
 * attributes for the content type, the message digest and the signing
 * certificate (ESS signing-certificate-v2), so the certificate cannot be
 * swapped without breaking the signature.
 */
export async function signDetached(data: Uint8Array, key: DeviceKey): Promise<Uint8Array> {
  const certificate = parseCertificate(key.certificate);
  const essCertIdV2 = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [
          new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: buffer(await sha256(key.certificate)) })] }),
        ],
      }),
    ],
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: DATA }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({ type: CONTENT_TYPE, values: [new asn1js.ObjectIdentifier({ value: DATA })] }),
            new pkijs.Attribute({
              type: MESSAGE_DIGEST,
              values: [new asn1js.OctetString({ valueHex: buffer(await sha256(data)) })],
            }),
            new pkijs.Attribute({ type: SIGNING_CERTIFICATE_V2, values: [essCertIdV2] }),
          ],
        }),
      }),
    ],
    certificates: [certificate],
  });
  await signedData.sign(key.privateKey, 0, 'SHA-256', buffer(data));
  const contentInfo = new pkijs.ContentInfo({ contentType: SIGNED_DATA, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

export interface DetachedSignatureCheck {
  /** True when the signature matches the data and was made with the key of the certificate it carries. */
  valid: boolean;
  /** Why it is not valid, in plain words. */
  problem?: string;
  /** Who the certificate says signed, and its SHA-256 fingerprint. */
  signer?: Signer;
  fingerprint?: string;
}

function nameOf(certificate: pkijs.Certificate): Signer {
  const part = (type: string) => {
    const found = certificate.subject.typesAndValues.find((each) => each.type === type);
    return found ? String((found.value as asn1js.BaseStringBlock).valueBlock.value) : '';
  };
  return { name: part(COMMON_NAME), role: part(TITLE), school: part(ORGANIZATION) };
}

/** Checks a detached CMS signature over `data`; never throws for a bad signature, it says why instead. */
export async function verifyDetached(signature: Uint8Array, data: Uint8Array): Promise<DetachedSignatureCheck> {
  let signedData: pkijs.SignedData;
  try {
    const contentInfo = pkijs.ContentInfo.fromBER(buffer(signature));
    if (contentInfo.contentType !== SIGNED_DATA)
      return { valid: false, problem: 'the signature is not CMS signed data' };
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
  } catch {
    return { valid: false, problem: 'the signature cannot be read' };
  }
  const certificate = signedData.certificates?.find(
    (each): each is pkijs.Certificate => each instanceof pkijs.Certificate,
  );
  if (!certificate) return { valid: false, problem: 'the signature carries no certificate' };
  const der = new Uint8Array(certificate.toSchema(true).toBER(false));
  const who = { signer: nameOf(certificate), fingerprint: await sha256Fingerprint(der) };
  try {
    const result = await signedData.verify({ signer: 0, data: buffer(data), checkChain: false, extendedMode: true });
    if (result.signatureVerified) return { valid: true, ...who };
    return { valid: false, problem: 'the signature does not match the signed bytes', ...who };
  } catch (error) {
    const message = (error as { message?: string }).message ?? String(error);
    return { valid: false, problem: `the signature does not match the signed bytes (${message})`, ...who };
  }
}
