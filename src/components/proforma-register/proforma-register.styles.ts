import { css } from 'lit';

export const styles = css`
  .note {
    color: var(--_muted);
  }
  .filters label {
    display: block;
    font-weight: 600;
  }
  [aria-invalid='true'] {
    border-color: var(--_not-approved);
  }
  button[aria-disabled='true'] {
    border-color: var(--_border);
    color: var(--_muted);
    cursor: not-allowed;
  }
  .actions,
  .pages {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin-bottom: 1rem;
  }
  .pages p {
    margin: 0;
  }
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    gap: 0.75rem 1rem;
    margin-bottom: 1rem;
  }
  .filters .search {
    grid-column: 1 / -1;
  }
  .count {
    font-weight: 600;
  }
  .side-by-side {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
    gap: 1rem;
    list-style: none;
    padding: 0;
    margin: 0 0 1rem;
  }
  .side-by-side > li {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
  }
  .table-wrap {
    overflow-x: auto;
    margin-bottom: 1rem;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: 0.25rem;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.4rem 0.5rem;
    border-bottom: 1px solid var(--_border);
  }
  thead th button,
  button.tool {
    border: none;
    background: none;
    padding: 0.25rem;
    min-height: 2.75rem;
    text-align: start;
    color: var(--_accent);
    font-weight: 600;
  }
  button.tool {
    text-decoration: underline;
    overflow-wrap: anywhere;
  }
  thead th button {
    display: inline-flex;
    gap: 0.25rem;
    align-items: center;
    color: var(--_text);
  }
  .sort-icon {
    width: 1rem;
    height: 1rem;
    fill: none;
    stroke: currentColor;
    stroke-width: 2.5;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .status {
    display: inline-flex;
    gap: 0.4rem;
    align-items: flex-start;
  }
  .icon {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
    margin-top: 0.15rem;
    fill: none;
    stroke: currentColor;
    stroke-width: 2.5;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .status-approved .icon {
    color: var(--_approved);
  }
  .status-approved-with-conditions .icon,
  .status-review-due .icon {
    color: var(--_conditions);
  }
  .status-not-approved .icon,
  .status-expired .icon {
    color: var(--_not-approved);
  }
  .status-draft .icon,
  .status-submitted .icon,
  .status-under-review .icon,
  .status-retired .icon {
    color: var(--_incomplete);
  }
  .facts {
    margin-bottom: 1rem;
  }
  .fingerprint {
    font-family: ui-monospace, 'Cascadia Mono', Consolas, monospace;
    overflow-wrap: anywhere;
  }
  .detail h3 {
    margin-top: 1.5rem;
  }
  .detail .error-summary h3 {
    margin-top: 0;
  }
  .panel {
    border-top: 2px solid var(--_border);
    margin-top: 1.5rem;
    padding-top: 0.5rem;
  }
  .history {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .history > li {
    border-inline-start: 4px solid var(--_border);
    padding: 0.25rem 0 0.25rem 0.75rem;
    margin-bottom: 0.75rem;
  }
  .history ul {
    margin: 0.25rem 0;
  }
  .file-field {
    margin-bottom: 1rem;
  }
  .file-field label {
    display: block;
    font-weight: 600;
  }
  .results {
    padding-inline-start: 1.5rem;
  }
  .trust-tools {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .trust-tools > li {
    border-block-end: 1px solid var(--_border);
    padding-block: 0.5rem;
  }
  .trust-tools summary {
    cursor: pointer;
    min-block-size: 24px;
  }
  .trust-tools summary .tool {
    font-weight: 600;
  }
  .trust-summary {
    display: block;
    margin-inline-start: 1.25rem;
  }
  @media (forced-colors: active) {
    .icon,
    .sort-icon {
      color: CanvasText;
    }
    button[aria-disabled='true'] {
      border-color: GrayText;
      color: GrayText;
    }
  }
  @media print {
    .actions,
    .pages,
    .filters,
    .panel,
    .sort-icon {
      display: none;
    }
    button.tool {
      color: inherit;
      text-decoration: none;
    }
  }
`;
