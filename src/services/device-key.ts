import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { storageError } from './draft-store.js';
import type { Signer } from './signer.js';

export type { Signer } from './signer.js';

/**
 * This browser's signing key for a namespace: an ECDSA P-256 private key that
 * cannot be exported, and a self-issued certificate naming the signer. The
 * identity is the signer's own word; the register's list of trusted
 * fingerprints is what ties a key to a person.
 */
export interface DeviceKey {
  privateKey: CryptoKey;
  /** The certificate, DER-encoded. */
  certificate: Uint8Array;
  /**
   * SHA-256 of the public key (its SubjectPublicKeyInfo), as upper-case hex
   * pairs joined by colons: the key's, so it stays the same when the
   * certificate is made again for a corrected name, role or school.
   */
  fingerprint: string;
  signer: Signer;
  createdAt: string;
}

interface StoredKey extends DeviceKey {
  publicKey: CryptoKey;
}

const KEY_ALGORITHM: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };
const RECORD = 'device-key';

export function keyDatabaseName(namespace: string): string {
  return `proforma-${namespace || 'default'}-keys`;
}

/** SHA-256 of `bytes` as "AB:CD:…", the way certificate viewers show fingerprints. */
export async function sha256Fingerprint(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
  return [...digest].map((byte) => byte.toString(16).padStart(2, '0').toUpperCase()).join(':');
}

const sameSigner = (a: Signer, b: Signer) => a.name === b.name && a.role === b.role && a.school === b.school;

/** Keeps one device key per namespace in this browser's IndexedDB. */
export class DeviceKeyStore {
  private readonly store: UseStore;

  constructor(readonly namespace = 'default') {
    this.store = createStore(keyDatabaseName(namespace), 'keys');
  }

  /** The device key, if one has been made in this browser. */
  async get(): Promise<DeviceKey | undefined> {
    try {
      const stored = await get<StoredKey>(RECORD, this.store);
      return stored && withoutPublicKey(stored);
    } catch (error) {
      throw storageError(error);
    }
  }

  /**
   * The device key for this signer, made at the first signing. When the
   * signer's name, role or school has changed, the same key gets a new
   * certificate; its fingerprint, the key's, stays the same.
   */
  async getOrCreate(signer: Signer): Promise<DeviceKey> {
    let stored: StoredKey | undefined;
    try {
      stored = await get<StoredKey>(RECORD, this.store);
    } catch (error) {
      throw storageError(error);
    }
    if (stored && sameSigner(stored.signer, signer)) return withoutPublicKey(stored);
    const keys = stored ?? (await newKeyPair());
    return this.keep(keys.privateKey, keys.publicKey, signer);
  }

  /** A new key and certificate, for when the old key is lost or no longer trusted. */
  async reissue(signer: Signer): Promise<DeviceKey> {
    const keys = await newKeyPair();
    return this.keep(keys.privateKey, keys.publicKey, signer);
  }

  /** Forgets the device key. */
  async remove(): Promise<void> {
    try {
      await del(RECORD, this.store);
    } catch (error) {
      throw storageError(error);
    }
  }

  private async keep(privateKey: CryptoKey, publicKey: CryptoKey, signer: Signer): Promise<DeviceKey> {
    const certificate = await certify(privateKey, publicKey, signer);
    const stored: StoredKey = {
      privateKey,
      publicKey,
      certificate,
      fingerprint: await keyFingerprint(publicKey),
      signer: { ...signer },
      createdAt: new Date().toISOString(),
    };
    try {
      await set(RECORD, stored, this.store);
    } catch (error) {
      throw storageError(error);
    }
    return withoutPublicKey(stored);
  }
}

function withoutPublicKey(stored: StoredKey): DeviceKey {
  const { privateKey, certificate, fingerprint, signer, createdAt } = stored;
  return { privateKey, certificate, fingerprint, signer, createdAt };
}

/** A new device key for the signer, not kept anywhere; `DeviceKeyStore` is what keeps one. */
export async function createDeviceKey(signer: Signer): Promise<DeviceKey> {
  const { privateKey, publicKey } = await newKeyPair();
  const certificate = await certify(privateKey, publicKey, signer);
  return {
    privateKey,
    certificate,
    fingerprint: await keyFingerprint(publicKey),
    signer: { ...signer },
    createdAt: new Date().toISOString(),
  };
}

/** The fingerprint of a public key: SHA-256 of its SubjectPublicKeyInfo. */
async function keyFingerprint(publicKey: CryptoKey): Promise<string> {
  return sha256Fingerprint(new Uint8Array(await crypto.subtle.exportKey('spki', publicKey)));
}

/**
 * The signer's certificate. Its code (pkijs, large) loads only when a
 * certificate is made, so reading the key and its fingerprint stays light.
 */
async function certify(privateKey: CryptoKey, publicKey: CryptoKey, signer: Signer): Promise<Uint8Array> {
  const certificates = await import('./certificate.js');
  return certificates.selfIssuedCertificate(privateKey, publicKey, signer);
}

/** A P-256 key pair whose private half can sign but never leave the browser. */
async function newKeyPair(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(KEY_ALGORITHM, false, ['sign', 'verify']);
}
