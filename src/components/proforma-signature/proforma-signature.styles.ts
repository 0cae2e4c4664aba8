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
  #typed {
    max-width: 36rem;
    margin-bottom: 0.75rem;
  }
  .status {
    color: var(--_muted);
  }
  /* The ink is dark and goes on white paper in the PDF: the pad stays white when the system forces its colours. */
  @media (forced-colors: active) {
    .pad {
      forced-color-adjust: none;
      background: #fff;
      border-color: CanvasText;
    }
  }
`;
