import { css } from 'lit';

/** A `<dl class="facts">` of names and values side by side, one under the other on a narrow screen. */
export const factsStyles = css`
  .facts {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 0 1rem;
    margin: 0 0 0.5rem;
  }
  .facts dt {
    font-weight: 600;
  }
  .facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  @container (max-width: 30rem) {
    .facts {
      grid-template-columns: minmax(0, 1fr);
    }
    .facts dd {
      margin-bottom: 0.25rem;
    }
  }
`;
