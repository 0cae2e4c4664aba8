import { css } from 'lit';

export const styles = css`
  .hint,
  .note {
    color: var(--_muted);
  }
  .drop-zone label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  .drop-zone input {
    margin-bottom: 0.5rem;
  }
  .drop-zone .hint {
    margin: 0;
  }
  .results {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .result {
    border-inline-start: 6px solid var(--_incomplete);
    padding: 0.5rem 0 0.5rem 1rem;
    margin-bottom: 1rem;
  }
  .result h3 {
    font-size: 1.125rem;
    overflow-wrap: anywhere;
  }
  .result h4 {
    font-size: 1rem;
    margin: 0.75rem 0 0.25rem;
  }
  .result-valid {
    border-color: var(--_approved);
  }
  .result-invalid {
    border-color: var(--_not-approved);
  }
  .result-unsigned,
  .result-unchecked {
    border-color: var(--_conditions);
  }
  /* The words say the status; the icon and colour only repeat it. */
  .headline {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
    font-weight: 600;
  }
  .icon {
    flex: none;
    width: 1.5rem;
    height: 1.5rem;
    fill: none;
    stroke: currentColor;
    stroke-width: 2.5;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .result-valid .icon {
    color: var(--_approved);
  }
  .result-invalid .icon {
    color: var(--_not-approved);
  }
  .result-unsigned .icon,
  .result-unchecked .icon {
    color: var(--_conditions);
  }
  .problems {
    margin: 0 0 0.5rem;
    padding-inline-start: 1.5rem;
  }
  .fingerprint {
    font-family: ui-monospace, 'Cascadia Mono', Consolas, monospace;
    overflow-wrap: anywhere;
  }
  .outcome-not-approved {
    color: var(--_not-approved);
  }
  @media (forced-colors: active) {
    .result {
      border-color: CanvasText;
    }
    .icon {
      color: CanvasText;
    }
  }
`;
