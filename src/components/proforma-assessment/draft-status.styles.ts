import { css } from 'lit';

/** Styles of the draft status and alerts, added to the element when the draft code loads. */
export const draftStyles = css`
  .alert,
  .notice-box {
    border: 3px solid var(--_conditions);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
    margin: 0 0 1rem;
  }
  .alert {
    border-color: var(--_not-approved);
  }
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
