import { css } from 'lit';

/** `.error-summary`: what went wrong, or must be put right, in a box the colour of what blocks approval. */
export const errorSummaryStyles = css`
  .error-summary {
    border: 3px solid var(--_not-approved);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
    margin: 0 0 1rem;
  }
  .error-summary a {
    color: var(--_not-approved);
  }
  .error-summary ul {
    margin: 0.25rem 0 0;
  }
  @media (forced-colors: active) {
    .error-summary {
      border-color: CanvasText;
    }
  }
`;
