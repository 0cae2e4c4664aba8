/**
 * A fingerprint as proforma writes them ("AB:CD:…", see sha256Fingerprint),
 * whichever way it was copied: tools print them in lower case, or without colons.
 */
export function normalFingerprint(fingerprint: string): string {
  const hex = fingerprint.replace(/[^0-9a-f]/gi, '').toUpperCase();
  return hex.length === 64 ? hex.match(/../g)!.join(':') : fingerprint.trim().toUpperCase();
}
