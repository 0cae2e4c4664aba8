import { css } from 'lit';

/** A group of radio buttons under a legend, each choice with a target of at least 24 px. */
export const choiceStyles = css`
  fieldset {
    border: none;
    margin: 0 0 1rem;
    padding: 0;
  }
  legend {
    font-weight: 600;
    padding: 0;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2.75rem;
  }
  .choice input {
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
  }
`;
