import { sourceLocale } from './localization.js';

/**
 * A random id (a version 4 UUID) for a new draft or register entry.
 * `crypto.randomUUID` needs https; school intranets are sometimes plain http.
 */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function' && globalThis.isSecureContext !== false) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Hours and minutes in the reader's language (British where Intl does not know it), e.g. "10:42". */
export function clockTime(date: Date, locale: string): string {
  return new Intl.DateTimeFormat([locale, sourceLocale], { hour: '2-digit', minute: '2-digit' }).format(date);
}
