import type { RegisterEntry } from '../model/register-entry.js';

/** What the person did to the register. */
export type RegisterChangeAction = 'decided' | 'moved' | 'retired' | 'imported' | 'trusted';

export interface ProformaRegisterChangeDetail {
  /** What the person did. */
  action: RegisterChangeAction;
  /** The entries as saved; empty when only the trusted keys changed. */
  entries: RegisterEntry[];
}

/** Fired when the person changes the register: a decision, a status, a retirement, an import or a trusted key. */
export class ProformaRegisterChangeEvent extends CustomEvent<ProformaRegisterChangeDetail> {
  static readonly eventName = 'proforma-register-change';
  constructor(detail: ProformaRegisterChangeDetail) {
    super(ProformaRegisterChangeEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'proforma-register-change': ProformaRegisterChangeEvent;
  }
}
