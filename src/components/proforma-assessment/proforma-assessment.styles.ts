import { css } from 'lit';

export const styles = css`
  .layout {
    display: grid;
    gap: 1.5rem;
    grid-template-columns: minmax(0, 1fr);
  }
  @container (min-width: 56rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr) 20rem;
      align-items: start;
    }
    .score-panel {
      position: sticky;
      top: 0.5rem;
      max-height: calc(100vh - 1rem);
      overflow-y: auto;
    }
  }

  .form-title {
    font-size: 1.75rem;
  }
  h2 {
    font-size: 1.375rem;
  }
  h3 {
    font-size: 1.125rem;
    margin-top: 1rem;
  }
  .description,
  .help,
  .hint,
  .progress,
  .role {
    color: var(--_muted);
  }
  .progress {
    font-weight: 600;
  }

  .section {
    border-top: 4px solid var(--_accent);
    padding: 1rem 0 0.5rem;
    margin-bottom: 1rem;
  }
  .question {
    margin: 0 0 1.25rem;
    scroll-margin: 1rem;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  .title {
    display: block;
    font-weight: 600;
    padding: 0;
    margin-bottom: 0.25rem;
  }
  /* "(required)" is for screen readers; sighted readers see a star that is not read out. */
  .title:has(.required:not(:empty))::after {
    content: ' *' / '';
    color: var(--_not-approved);
  }
  .badge {
    display: inline-block;
    margin-inline-start: 0.5rem;
    padding: 0 0.4rem;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    font-size: 0.875rem;
    font-weight: 600;
  }
  .badge.critical {
    color: var(--_not-approved);
  }

  .options {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
  }
  .option {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    min-height: 2.75rem;
    padding-inline-end: 0.25rem;
    cursor: pointer;
  }
  input[type='radio'],
  input[type='checkbox'] {
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    accent-color: var(--_accent);
  }

  label {
    display: block;
  }
  .short {
    max-width: 12rem;
  }
  .with-unit {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  input[aria-invalid='true'] {
    border-color: var(--_not-approved);
  }
  .field-error {
    color: var(--_not-approved);
    font-weight: 600;
  }

  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    box-shadow: inset 0 0 0 2px var(--_text);
  }

  details.notes {
    margin-top: 0.25rem;
  }
  summary {
    cursor: pointer;
    color: var(--_accent);
    text-decoration: underline;
    min-height: 1.5rem;
    display: inline-block;
  }
  details[open] > summary {
    margin-bottom: 0.5rem;
  }

  ol.people {
    list-style: none;
    padding: 0;
    margin: 0 0 0.5rem;
  }
  ol.people li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: end;
    margin-bottom: 0.75rem;
  }
  .person-field,
  .rating-field {
    display: block;
    flex: 1 1 12rem;
    margin-bottom: 0.5rem;
  }
  .hazard-stage {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
    align-items: end;
  }
  .stage-title,
  .risk {
    flex-basis: 100%;
    font-weight: 600;
  }

  .band-green {
    color: var(--_approved);
  }
  .band-amber {
    color: var(--_conditions);
  }
  .band-red,
  .band-stop {
    color: var(--_not-approved);
  }

  .score-panel {
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: 1rem;
  }
  .outcome {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    font-size: 1.25rem;
    font-weight: 700;
    padding: 0.5rem 0.75rem;
    border-left: 6px solid currentColor;
    background: var(--_background);
  }
  .outcome-icon {
    display: inline-grid;
    place-items: center;
    width: 1.75rem;
    height: 1.75rem;
    border-radius: 50%;
    border: 2px solid currentColor;
    font-size: 1rem;
  }
  .outcome-approved {
    color: var(--_approved);
  }
  .outcome-approved-with-conditions {
    color: var(--_conditions);
  }
  .outcome-not-approved {
    color: var(--_not-approved);
  }
  .outcome-incomplete {
    color: var(--_incomplete);
  }
  .figures {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25rem 1rem;
    margin: 0.75rem 0;
  }
  .figures dt {
    font-weight: 600;
  }
  .figures dd {
    margin: 0;
  }
  meter {
    display: block;
    width: 100%;
  }
  .reasons {
    padding-inline-start: 1.25rem;
    margin: 0 0 0.5rem;
  }
  .reasons li {
    margin-bottom: 0.25rem;
  }
  /* An inline-block sits on the baseline of its last line: the bullet would stand beside a wrapped link's last line. */
  .reasons a {
    vertical-align: top;
  }
  a {
    color: var(--_accent);
  }
  .critical-not-met a,
  .residual-risk-too-high a {
    color: var(--_not-approved);
    font-weight: 600;
  }
  .sections-table {
    width: 100%;
    table-layout: fixed;
    border-collapse: collapse;
    margin-top: 1rem;
    font-size: 0.9375rem;
  }
  .sections-table caption {
    text-align: start;
    font-weight: 600;
  }
  .sections-table th,
  .sections-table td {
    text-align: start;
    padding: 0.25rem 0.25rem 0.25rem 0;
    border-bottom: 1px solid var(--_border);
  }
  .sections-table th {
    overflow-wrap: break-word;
  }
  .sections-table thead th:first-child {
    width: 55%;
  }

  .notice {
    padding: 1rem;
  }
  .form-error {
    border: 4px solid var(--_not-approved);
    padding: 1rem;
  }
  .form-error li {
    font-family: ui-monospace, monospace;
    overflow-wrap: anywhere;
  }

  .visually-hidden,
  .required {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  @media (forced-colors: active) {
    .outcome,
    .badge,
    .outcome-icon {
      border-color: CanvasText;
    }
    meter {
      forced-color-adjust: auto;
    }
  }

  @media print {
    :host {
      font-size: 11pt;
      color: #000;
      background: #fff;
    }
    .layout {
      display: block;
    }
    .score-panel {
      position: static;
      max-height: none;
      overflow: visible;
      break-inside: avoid;
      border: 1px solid #000;
    }
    button,
    summary,
    meter {
      display: none;
    }
    details > *:not(summary) {
      display: block;
    }
    .question {
      break-inside: avoid;
    }
  }
`;
