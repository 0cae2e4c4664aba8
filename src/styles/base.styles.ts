import { css } from 'lit';

/**
 * What every proforma element shares: the `--proforma-*` theme, type, focus, box model, fields and
 * buttons. Fragments that only some elements use sit beside this one, each named by its role.
 */
export const baseStyles = css`
  :host {
    --_text: var(--proforma-color-text, #0b0c0c);
    --_muted: var(--proforma-color-muted, #505a5f);
    --_background: var(--proforma-color-background, #ffffff);
    --_surface: var(--proforma-color-surface, #f3f2f1);
    --_border: var(--proforma-color-border, #6f777b);
    --_accent: var(--proforma-color-accent, #1d4f91);
    --_focus: var(--proforma-color-focus, #b35c00);
    --_approved: var(--proforma-color-approved, #00703c);
    --_conditions: var(--proforma-color-conditions, #7a4b00);
    --_not-approved: var(--proforma-color-not-approved, #b10e1e);
    --_incomplete: var(--proforma-color-incomplete, #505a5f);
    --_radius: var(--proforma-radius, 4px);
    display: block;
    container-type: inline-size;
    font-family: var(--proforma-font-family, system-ui, sans-serif);
    font-size: 1rem;
    line-height: 1.5;
    /* A long address or file name breaks rather than push the page sideways on a narrow screen. */
    overflow-wrap: break-word;
    color: var(--_text);
    background: var(--_background);
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  h1,
  h2,
  h3 {
    line-height: 1.25;
    margin: 0 0 0.5rem;
  }
  p {
    margin: 0 0 0.5rem;
  }
  /* Links stand alone (in lists, beside fields), never in a sentence: each is a whole line high. */
  a {
    display: inline-block;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  input[type='text'],
  input[type='password'],
  input[type='url'],
  input[type='search'],
  input[type='date'],
  input[type='number'],
  select,
  textarea {
    display: block;
    width: 100%;
    max-width: 40rem;
    min-height: 2.75rem;
    padding: 0.4rem 0.5rem;
    font: inherit;
    color: var(--_text);
    background: var(--_background);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
  }
  button {
    font: inherit;
    min-height: 2.75rem;
    padding: 0.4rem 1rem;
    border-radius: var(--_radius);
    border: 2px solid var(--_accent);
    background: var(--_background);
    color: var(--_accent);
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    color: #fff;
  }
`;
