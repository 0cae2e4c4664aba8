import { css } from 'lit';

/** File inputs whose "Choose file" button looks like the buttons beside it. */
export const fileInputStyles = css`
  input[type='file'] {
    display: block;
    max-width: 100%;
    font: inherit;
  }
  input[type='file']::file-selector-button {
    font: inherit;
    min-height: 2.75rem;
    padding: 0.4rem 1rem;
    margin-inline-end: 0.75rem;
    border-radius: var(--_radius);
    border: 2px solid var(--_accent);
    background: var(--_background);
    color: var(--_accent);
    cursor: pointer;
  }
`;
