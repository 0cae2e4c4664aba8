// Signing: the device key, its self-issued certificate and CMS signatures. Kept out
// of the main entry because pkijs is large; pages load it only to sign or verify.
export {
  createDeviceKey,
  DeviceKeyStore,
  keyDatabaseName,
  sha256Fingerprint,
  type DeviceKey,
  type Signer,
} from './services/device-key.js';
export { signDetached, verifyDetached, type DetachedSignatureCheck } from './services/cms.js';
