import { css } from 'lit';

export const styles = css`
  .masthead {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    margin: 0 0 1rem;
  }
  .logo {
    display: block;
    max-height: var(--proforma-logo-height, 3rem);
    max-width: 12rem;
  }
  .school {
    font-size: 1.25rem;
    font-weight: 600;
    margin: 0;
  }
  nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    list-style: none;
    padding: 0;
    margin: 0 0 1.5rem;
    border-bottom: 2px solid var(--_border);
    padding-bottom: 0.75rem;
  }
  nav button[aria-current='page'] {
    background: var(--_accent);
    color: #fff;
    font-weight: 600;
  }
  .problem {
    border: 3px solid var(--_not-approved);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
    margin: 0 0 1rem;
  }
  .problem ul {
    margin: 0.25rem 0 0;
  }
  .toolbar {
    margin: 0 0 1rem;
  }
  .choices {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 1rem;
  }
  .choices .hint {
    color: var(--_muted);
    margin: 0.25rem 0 0;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  /* Forced colours would draw every button alike: the open view takes the system's colours for a selection. */
  @media (forced-colors: active) {
    nav button[aria-current='page'] {
      forced-color-adjust: none;
      background: Highlight;
      border-color: Highlight;
      color: HighlightText;
    }
  }
  @media print {
    nav,
    .toolbar {
      display: none;
    }
  }
`;
