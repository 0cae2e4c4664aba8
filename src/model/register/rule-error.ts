/** Why the register refused a change; `rule` says which rule, for a page that words it itself. */
export type RegisterRule =
  | 'transition'
  | 'decision-by-status'
  | 'account-owners'
  | 'conditions'
  | 'approver'
  | 'date'
  | 'reason'
  | 'who'
  | 'tool-name'
  | 'form'
  | 'different-tool'
  | 'stale-assessment';

/** One rule a change breaks, and why in plain words. */
export interface RegisterProblem {
  rule: RegisterRule;
  message: string;
}

/** A change the register's rules do not allow; the message says why, in plain words. */
export class RegisterRuleError extends Error {
  readonly rule: RegisterRule;

  constructor(rule: RegisterRule, message: string) {
    super(message);
    this.name = 'RegisterRuleError';
    this.rule = rule;
  }
}

/** Who makes a change, when (`toISOString()`), and why. */
export interface ChangeBy {
  by: string;
  at: string;
  reason?: string;
}
