import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    margin-top: 1rem;
  }
  .send,
  .connection {
    margin-bottom: 1rem;
  }
  .connection {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .connection p {
    margin: 0;
  }
  .problem,
  .progress-refused .state {
    color: var(--_not-approved);
    font-weight: 600;
  }
  button[aria-disabled='true'] {
    cursor: progress;
  }
  .sign-in {
    margin-bottom: 1rem;
  }
  .submissions {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .submissions li {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
    padding: 0.5rem 0;
    border-bottom: 1px solid var(--_border);
  }
  .tool {
    font-weight: 600;
  }
  .when {
    color: var(--_muted);
  }
`;
