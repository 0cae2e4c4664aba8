import { css } from 'lit';

export const styles = css`
  .pad {
    display: block;
    width: 100%;
    max-width: 36rem;
    height: auto;
    aspect-ratio: 3 / 1;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    touch-action: none;
    cursor: crosshair;
  }
  .pad:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .pad {
    margin-bottom: 0.75rem;
  }
  label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  input {
    display: block;
    width: 100%;
    max-width: 36rem;
    min-height: 2.75rem;
    padding: 0.4rem 0.5rem;
    font: inherit;
    color: var(--_text);
    background: var(--_background);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    margin-bottom: 0.75rem;
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
  .status {
    color: var(--_muted);
  }
  @media (forced-colors: active) {
    .pad {
      border-color: CanvasText;
    }
  }
`;
