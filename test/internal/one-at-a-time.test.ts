import { expect } from '@open-wc/testing';
import { oneAtATime } from '../../src/internal/one-at-a-time.js';

/** A run that ends when the test says so. */
function heldRuns() {
  const ends: Array<(failed?: boolean) => void> = [];
  let started = 0;
  const work = () =>
    new Promise<void>((resolve, reject) => {
      started += 1;
      ends.push((failed) => (failed ? reject(new Error('this run failed')) : resolve()));
    });
  return { work, ends, started: () => started };
}

describe('work done one run at a time', () => {
  it('runs once more after the running run, however often it was asked meanwhile', async () => {
    const runs = heldRuns();
    const refresh = oneAtATime(runs.work);
    refresh.ask();
    refresh.ask();
    refresh.ask();
    expect(runs.started()).to.equal(1);
    runs.ends[0]!();
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
    expect(runs.started(), 'one more run for the askings made meanwhile').to.equal(2);
    runs.ends[1]!();
    await refresh.idle();
    expect(runs.started()).to.equal(2);
  });

  it('goes on after a failed run, and waits for the last run before it is idle', async () => {
    const runs = heldRuns();
    const refresh = oneAtATime(runs.work);
    refresh.ask();
    refresh.ask();
    let idle = false;
    const settled = refresh.idle().then(() => (idle = true));
    runs.ends[0]!(true);
    while (runs.started() < 2) await Promise.resolve();
    expect(idle, 'still running the run asked for during the failed one').to.equal(false);
    runs.ends[1]!();
    await settled;
    expect(idle).to.equal(true);
  });

  it('runs nothing once stopped', async () => {
    const runs = heldRuns();
    let stopped = false;
    const refresh = oneAtATime(runs.work, () => stopped);
    stopped = true;
    refresh.ask();
    await refresh.idle();
    expect(runs.started()).to.equal(0);
  });
});
