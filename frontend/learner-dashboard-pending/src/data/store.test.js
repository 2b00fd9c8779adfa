import { describe, expect, it, vi } from 'vitest';

import { createPendingStore } from './store';

const COURSE = 'course-v1:edX+Demo+2026';
const pending = (overrides = {}) => ({
  course_id: COURSE, status: 'pending', mode: 'verified', has_access: false,
  course_name: 'Demo Course', course_url: `/courses/${COURSE}/`, ...overrides,
});

/* A store on a fake clock: timers run when the test says so, the LMS answers what it is told. */
function harness({ first = [pending()], polls = [], options = {} } = {}) {
  let clock = 0;
  const timers = [];
  const api = {
    fetchStatuses: vi.fn(async (ids) => {
      if (ids === undefined) { return first; }
      const next = polls.shift();
      if (next instanceof Error) { throw next; }
      return next || ids.map((id) => pending({ course_id: id }));
    }),
    fetchCardCourseIds: vi.fn(async () => ({ 'card-0': COURSE })),
  };
  const store = createPendingStore({
    api,
    options,
    now: () => clock,
    setTimer: (fn, ms) => { timers.push({ fn, ms }); return timers.length; },
    clearTimer: () => {},
  });
  const flush = () => new Promise((resolve) => { setTimeout(resolve, 0); });
  return {
    api,
    store,
    timers,
    async start() { store.subscribe(() => {}); await flush(); },
    async tick() {
      const timer = timers.shift();
      clock += timer.ms;
      timer.fn();
      await flush();
      return timer.ms;
    },
  };
}

describe('the pending store', () => {
  it('lists a paid course at once, before any poll', async () => {
    const h = harness();
    await h.start();
    expect(h.store.getState().entries[COURSE]).toMatchObject({
      courseName: 'Demo Course', kind: 'new', status: 'pending', mode: 'verified',
    });
    expect(h.api.fetchStatuses).toHaveBeenCalledTimes(1);
  });

  it("names the mode by the LMS's display name, and by its slug when the LMS gives none", async () => {
    const h = harness({ first: [{ ...pending(), mode_name: 'Verified Certificate' }] });
    await h.start();
    expect(h.store.getState().entries[COURSE]).toMatchObject({ mode: 'verified', modeName: 'Verified Certificate' });
    const bare = harness();
    await bare.start();
    expect(bare.store.getState().entries[COURSE]).toMatchObject({ mode: 'verified', modeName: 'verified' });
  });

  it('stays quiet when nothing is pending: no poll, no card lookup', async () => {
    const h = harness({ first: [] });
    await h.start();
    expect(h.store.getState()).toMatchObject({ loaded: true, entries: {} });
    expect(h.timers).toHaveLength(0);
    expect(h.api.fetchCardCourseIds).not.toHaveBeenCalled();
  });

  it('marks an upgrade (the learner already has access) apart from a new course', async () => {
    const h = harness({ first: [pending({ has_access: true })] });
    await h.start();
    expect(h.store.getState().entries[COURSE].kind).toBe('upgrade');
  });

  it('backs off from one second to a bounded interval', async () => {
    const h = harness({ options: { firstDelay: 1000, factor: 2, maxDelay: 5000, slowAfter: 1e9, giveUpAfter: 1e9 } });
    await h.start();
    const delays = [];
    for (let i = 0; i < 5; i += 1) { delays.push(await h.tick()); } // eslint-disable-line no-await-in-loop
    expect(delays).toEqual([1000, 2000, 4000, 5000, 5000]);
  });

  it('backs off harder while the LMS fails, and keeps polling', async () => {
    const h = harness({
      polls: [new Error('503'), new Error('503')],
      options: { firstDelay: 1000, factor: 1.5, maxDelay: 15000, slowAfter: 1e9, giveUpAfter: 1e9 },
    });
    await h.start();
    expect([await h.tick(), await h.tick(), await h.tick()]).toEqual([1000, 2000, 4000]);
    expect(h.store.getState().entries[COURSE].status).toBe('pending');
  });

  it('turns the course active in place and stops polling', async () => {
    const h = harness({ polls: [[pending({ status: 'active' })]] });
    await h.start();
    await h.tick();
    const state = h.store.getState();
    expect(state.entries[COURSE]).toMatchObject({ status: 'active', courseName: 'Demo Course' });
    expect(h.timers).toHaveLength(0);
  });

  it('polls only the courses still pending', async () => {
    const other = 'course-v1:edX+Other+2026';
    const h = harness({
      first: [pending(), pending({ course_id: other })],
      polls: [[pending({ status: 'active' }), pending({ course_id: other })]],
    });
    await h.start();
    await h.tick();
    await h.tick();
    expect(h.api.fetchStatuses.mock.calls.slice(1)).toEqual([[[COURSE, other]], [[other]]]);
  });

  it('says "taking longer than usual" after a while', async () => {
    const h = harness({ options: { firstDelay: 1000, factor: 1, maxDelay: 1000, slowAfter: 3000, giveUpAfter: 1e9 } });
    await h.start();
    await h.tick();
    await h.tick();
    expect(h.store.getState().slow).toBe(false);
    await h.tick();
    expect(h.store.getState()).toMatchObject({ slow: true });
  });

  it('stops polling after the limit, the course still shown pending', async () => {
    const h = harness({ options: { firstDelay: 1000, factor: 1, maxDelay: 1000, slowAfter: 1000, giveUpAfter: 3000 } });
    await h.start();
    await h.tick();
    await h.tick();
    await h.tick();
    expect(h.timers).toHaveLength(0);
    expect(h.store.getState()).toMatchObject({ stopped: true });
    expect(h.store.getState().entries[COURSE].status).toBe('pending');
    expect(h.api.fetchStatuses).toHaveBeenCalledTimes(4);
  });

  it('drops a course the LMS no longer calls pending nor active', async () => {
    const h = harness({ polls: [[pending({ status: 'none' })]] });
    await h.start();
    await h.tick();
    expect(h.store.getState().entries).toEqual({});
  });

  it('shows a fulfillment that failed for good as failed, and keeps asking', async () => {
    const h = harness({ polls: [[pending({ fulfillment_failed: true })]] });
    await h.start();
    await h.tick();
    expect(h.store.getState().entries[COURSE].status).toBe('failed');
    expect(h.timers).toHaveLength(1);
  });

  it('lists a course already failed at once, as failed', async () => {
    const h = harness({ first: [pending({ fulfillment_failed: true })] });
    await h.start();
    expect(h.store.getState().entries[COURSE].status).toBe('failed');
  });

  it('turns a failed course active when a staff retry fulfils it', async () => {
    const h = harness({
      first: [pending({ fulfillment_failed: true })],
      polls: [[pending()], [pending({ status: 'active' })]],
    });
    await h.start();
    await h.tick();
    expect(h.store.getState().entries[COURSE].status).toBe('pending');
    await h.tick();
    expect(h.store.getState().entries[COURSE].status).toBe('active');
  });

  it('does not call a failed course slow', async () => {
    const h = harness({
      first: [pending({ fulfillment_failed: true })],
      polls: [[pending({ fulfillment_failed: true })]],
      options: { firstDelay: 1000, factor: 1, maxDelay: 1000, slowAfter: 0, giveUpAfter: 1e9 },
    });
    await h.start();
    await h.tick();
    expect(h.store.getState().slow).toBe(false);
  });

  it('stays quiet when the first request fails', async () => {
    const h = harness();
    h.api.fetchStatuses.mockRejectedValueOnce(new Error('network'));
    await h.start();
    expect(h.store.getState()).toMatchObject({ loaded: true, entries: {} });
    expect(h.timers).toHaveLength(0);
  });

  it('starts one poller however many widgets subscribe', async () => {
    const h = harness();
    h.store.subscribe(() => {});
    h.store.subscribe(() => {});
    await h.start();
    expect(h.api.fetchStatuses).toHaveBeenCalledTimes(1);
    expect(h.timers).toHaveLength(1);
  });
});
