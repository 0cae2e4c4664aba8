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

/** The box of file inputs that files can also be dropped on (see FileDropController), marked while they are held over it. */
export const dropZoneStyles = css`
  .drop-zone {
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    padding: 1rem;
    margin-bottom: 1rem;
  }
  .drop-zone.dragging {
    border-style: solid;
    border-color: var(--_accent);
    background: var(--_surface);
  }
  @media (forced-colors: active) {
    .drop-zone {
      border-color: CanvasText;
    }
  }
  @media print {
    .drop-zone {
      display: none;
    }
  }
`;
