import { css } from 'lit';

/** `button.danger`: a button that deletes or retires something, in the colour of what blocks approval. */
export const dangerButtonStyles = css`
  button.danger {
    border-color: var(--_not-approved);
    color: var(--_not-approved);
  }
`;
