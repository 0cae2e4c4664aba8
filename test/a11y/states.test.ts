import { expect } from '@open-wc/testing';
import { checkEveryState } from './states.js';

// axe in every state of every element: what WCAG 2.2 AA asks that a program can check.
describe('every element in every state passes axe', function () {
  // A signed PDF is made in one of the states, and axe reads a long form in another.
  this.timeout(30_000);
  checkEveryState(async (element) => {
    await expect(element).to.be.accessible();
  });
});
