import { css } from 'lit';

/**
 * The draft status and the buttons of its alerts; the alerts themselves are a shared `.warning` or
 * `.error-summary`. Added to the element, with those, when the draft code loads.
 */
export const draftStyles = css`
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .save-status {
    font-weight: 600;
    margin: 0;
  }
  .no-longer-asked dd {
    margin: 0 0 0.5rem;
    overflow-wrap: anywhere;
  }
`;
