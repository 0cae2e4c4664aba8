import type { RegisterEntry } from '../model/register-entry.js';
import type { RegisterEvent } from '../model/register/events.js';

/** What the person did to the register. */
export type RegisterChangeAction = 'decided' | 'moved' | 'retired' | 'imported' | 'trusted';

export interface ProformaRegisterChangeDetail {
  /** What the person did. */
  action: RegisterChangeAction;
  /** The entries changed, as they now stand, each with its log as a history; empty when only the trusted keys changed. */
  entries: RegisterEntry[];
  /** The events written to the register's log. */
  events: RegisterEvent[];
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
