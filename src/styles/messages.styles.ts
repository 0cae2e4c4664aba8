import { css } from 'lit';

/**
 * Boxes that tell the person something, in a border of their colour: `.message` (news, such as what
 * an import did) and `.warning` (something to know before going on).
 */
export const messageStyles = css`
  .message,
  .warning {
    border: 3px solid var(--_accent);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
    margin: 0 0 1rem;
  }
  .warning {
    border-color: var(--_conditions);
  }
  .message ul {
    margin: 0.25rem 0 0;
  }
  @media (forced-colors: active) {
    .message,
    .warning {
      border-color: CanvasText;
    }
  }
`;
