import { css } from 'lit';

export const styles = css`
  .note {
    color: var(--_muted);
  }
  .toolbar,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .toolbar {
    margin-bottom: 1rem;
  }
  /* A file input and a link dressed as the buttons beside them. */
  .file-button {
    font: inherit;
    min-height: 2.75rem;
    padding: 0.4rem 1rem;
    border-radius: var(--_radius);
    border: 2px solid var(--_accent);
    color: var(--_accent);
    cursor: pointer;
    display: inline-flex;
    align-items: center;
  }
  .file-button input {
    position: absolute;
    width: 1px;
    height: 1px;
    opacity: 0;
  }
  .file-button:focus-within {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .drafts {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .draft {
    border-top: 1px solid var(--_border);
    padding: 0.75rem 0;
  }
  .draft h3 {
    font-size: 1.125rem;
    overflow-wrap: anywhere;
  }
  .outcome-not-approved {
    color: var(--_not-approved);
  }
  @media print {
    .toolbar,
    .actions,
    button {
      display: none;
    }
  }
`;
