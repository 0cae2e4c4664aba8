import { css } from 'lit';

/**
 * A `.field`: its label above the control, a `.hint` in quieter words, and the `.error-message`
 * that says what to put right, between the label and the control.
 */
export const fieldStyles = css`
  .field {
    margin-bottom: 1rem;
  }
  .field > label {
    display: block;
    font-weight: 600;
  }
  .hint {
    color: var(--_muted);
  }
  .error-message {
    display: block;
    color: var(--_not-approved);
    font-weight: 600;
  }
`;
