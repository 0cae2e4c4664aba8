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

/** SHA-256 fingerprint of a certificate's public key: the same for every certificate of one key. */
export async function publicKeyFingerprint(certificate: pkijs.Certificate): Promise<string> {
  return sha256Fingerprint(new Uint8Array(certificate.subjectPublicKeyInfo.toSchema().toBER(false)));
}

/** The SHA-256 the signed ESS signing-certificate-v2 attribute names, if there is exactly one. */
function signingCertificateHash(signerInfo: pkijs.SignerInfo): Uint8Array | undefined {
  const attribute = signerInfo.signedAttrs?.attributes.find((each) => each.type === SIGNING_CERTIFICATE_V2);
  try {
    // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }; ESSCertIDv2 ::= SEQUENCE { [hashAlgorithm] certHash }
    const certs = (attribute?.values[0] as asn1js.Sequence | undefined)?.valueBlock.value[0] as asn1js.Sequence;
    const first = certs.valueBlock.value[0] as asn1js.Sequence;
    const hash = first.valueBlock.value.find((part) => part instanceof asn1js.OctetString) as asn1js.OctetString;
    return new Uint8Array(hash.valueBlock.valueHexView);
  } catch {
    return undefined;
  }
}

const sameBytes = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length && a.every((byte, index) => byte === b[index]);

/**
 * Checks a detached CMS signature over `data`; never throws for a bad
 * signature, it says why instead. Only the shape proforma writes is
 * accepted: detached (no content inside), one signer, one certificate, and
 * a signed attribute naming that certificate, so that neither the content
 * nor the certificate shown can be swapped.
 */
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
  const certificates = signedData.certificates ?? [];
  const certificate = certificates[0];
  if (certificates.length !== 1 || !(certificate instanceof pkijs.Certificate) || signedData.signerInfos.length !== 1) {
    return { valid: false, problem: 'the signature must have exactly one signer and one certificate' };
  }
  // Content inside the signature would be what pkijs checks, rather than the PDF's bytes.
  if (signedData.encapContentInfo.eContent !== undefined) {
    return { valid: false, problem: 'the signature carries content of its own instead of covering the file' };
  }
  const der = new Uint8Array(certificate.toSchema(true).toBER(false));
  const who = { signer: nameOf(certificate), fingerprint: await publicKeyFingerprint(certificate) };
  const named = signingCertificateHash(signedData.signerInfos[0]!);
  if (!named || !sameBytes(named, await sha256(der))) {
    return { valid: false, problem: 'the signature does not name the certificate it carries', ...who };
  }
  try {
    const result = await signedData.verify({ signer: 0, data: buffer(data), checkChain: false, extendedMode: true });
    const usedCertificate = result.signerCertificate;
    const usedDer = usedCertificate ? new Uint8Array(usedCertificate.toSchema(true).toBER(false)) : undefined;
    if (!usedDer || !sameBytes(usedDer, der)) {
      return { valid: false, problem: 'the signature was made with another certificate', ...who };
    }
    if (result.signatureVerified) return { valid: true, ...who };
    return { valid: false, problem: 'the signature does not match the signed bytes', ...who };
  } catch (error) {
    const message = (error as { message?: string }).message ?? String(error);
    return { valid: false, problem: `the signature does not match the signed bytes (${message})`, ...who };
  }
}
