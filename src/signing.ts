// Signing: the device key and its self-issued certificate. Kept out of the main
// entry because pkijs is large; pages load it only when someone signs or verifies.
export {
  DeviceKeyStore,
  keyDatabaseName,
  sha256Fingerprint,
  type DeviceKey,
  type Signer,
} from './services/device-key.js';
