import { css } from 'lit';

export const styles = css`
  :host {
    --_text: var(--proforma-color-text, #0b0c0c);
    --_muted: var(--proforma-color-muted, #505a5f);
    --_background: var(--proforma-color-background, #ffffff);
    --_border: var(--proforma-color-border, #6f777b);
    --_accent: var(--proforma-color-accent, #1d4f91);
    --_focus: var(--proforma-color-focus, #b35c00);
    --_warning: var(--proforma-color-conditions, #7a4b00);
    --_error: var(--proforma-color-not-approved, #b10e1e);
    --_radius: var(--proforma-radius, 4px);
    display: block;
    container-type: inline-size;
    font-family: var(--proforma-font-family, system-ui, sans-serif);
    line-height: 1.5;
    color: var(--_text);
    background: var(--_background);
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  h2,
  h3 {
    line-height: 1.25;
    margin: 0 0 0.5rem;
  }
  p {
    margin: 0 0 0.5rem;
  }
  .hint,
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
  button,
  .file-button {
    font: inherit;
    min-height: 2.75rem;
    padding: 0.4rem 1rem;
    border-radius: var(--_radius);
    border: 2px solid var(--_accent);
    background: var(--_background);
    color: var(--_accent);
    cursor: pointer;
    display: inline-flex;
    align-items: center;
  }
  button.primary {
    background: var(--_accent);
    color: #fff;
  }
  button.danger {
    border-color: var(--_error);
    color: var(--_error);
  }
  .file-button input {
    position: absolute;
    width: 1px;
    height: 1px;
    opacity: 0;
  }
  .file-button:focus-within,
  :focus-visible {
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
  .facts {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 0 1rem;
    margin: 0 0 0.5rem;
  }
  .facts dt {
    font-weight: 600;
  }
  .facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .message,
  .warning {
    border: 3px solid var(--_accent);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
    margin: 0 0 1rem;
  }
  .warning {
    border-color: var(--_warning);
  }
  .message ul {
    margin: 0.25rem 0 0;
  }
  .outcome-not-approved {
    color: var(--_error);
  }
  @media print {
    .toolbar,
    .actions,
    button {
      display: none;
    }
  }
`;
