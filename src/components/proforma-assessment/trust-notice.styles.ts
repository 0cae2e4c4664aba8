import { css } from 'lit';

/**
 * The trust's assessments offered to start from, and the confirm step; the boxes themselves are a
 * shared `.message` or `.warning`. Added to the element, with those, when the notice loads.
 */
export const trustNoticeStyles = css`
  .trust-copies h2 {
    font-size: 1.125rem;
    margin: 0 0 0.5rem;
  }
  .trust-copies ul {
    list-style: none;
    padding: 0;
    margin: 0.5rem 0;
  }
  .trust-copies li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin: 0 0 0.5rem;
  }
  .trust-copies .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .trust-copies .warning {
    margin: 0.5rem 0 0;
  }
`;
