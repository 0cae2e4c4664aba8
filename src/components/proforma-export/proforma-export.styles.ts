import { css } from 'lit';

export const styles = css`
  :host {
    padding: 1rem;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
  }
  .error-summary,
  .failed {
    border: 3px solid var(--_not-approved);
    padding: 0.75rem 1rem;
    margin-bottom: 1rem;
  }
  .error-summary a {
    color: var(--_not-approved);
  }
  .fingerprint {
    font-family: ui-monospace, monospace;
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin-top: 1rem;
  }
  button[aria-disabled='true'] {
    cursor: progress;
  }
  progress {
    width: 100%;
    max-width: 40rem;
    height: 1.25rem;
  }
  .done {
    border-left: 6px solid var(--_approved);
    padding: 0.5rem 1rem;
    margin-top: 1rem;
  }
  a {
    color: var(--_accent);
  }
  details {
    margin-top: 0.5rem;
  }
  summary {
    cursor: pointer;
    min-height: 1.5rem;
  }
  proforma-signature {
    margin-bottom: 1rem;
  }
`;
