/*
 * One poller per page, shared by every widget the slots render: the course list, the empty
 * dashboard and each card's banner subscribe to the same state, so the LMS sees one request per
 * poll however many cards there are.
 *
 * The poll backs off from `firstDelay` by `factor` to `maxDelay` (and doubles on errors), says
 * "taking longer than usual" after `slowAfter` ms and stops after `giveUpAfter` ms: a fulfillment
 * that takes minutes is support's business, not a reason to poll forever. An entry the LMS flags
 * `fulfillment_failed` (failed for good, support told) shows as failed and is still asked about,
 * since a staff retry may fulfil it.
 */
import { fetchCardCourseIds, fetchStatuses } from './api';

export const DEFAULT_OPTIONS = Object.freeze({
  firstDelay: 1000,
  factor: 1.5,
  maxDelay: 15000,
  slowAfter: 30000,
  giveUpAfter: 10 * 60 * 1000,
});

export const PENDING = 'pending';
export const ACTIVE = 'active';
export const FAILED = 'failed';
export const NEW_COURSE = 'new';
export const UPGRADE = 'upgrade';

function entryFrom(result) {
  return {
    courseId: result.course_id,
    courseName: result.course_name || result.course_id,
    courseUrl: result.course_url || '',
    mode: result.mode || '',
    // What the learner reads: the mode's display name ("Verified Certificate"), not its slug.
    modeName: result.mode_name || result.mode || '',
    kind: result.has_access ? UPGRADE : NEW_COURSE,
    status: result.fulfillment_failed ? FAILED : PENDING,
  };
}

export function createPendingStore({
  api = { fetchStatuses, fetchCardCourseIds },
  options = {},
  setTimer = (fn, ms) => setTimeout(fn, ms),
  clearTimer = (handle) => clearTimeout(handle),
  now = () => Date.now(),
} = {}) {
  const opts = { ...DEFAULT_OPTIONS, ...options };
  let state = {
    loaded: false,
    entries: {}, // course id -> entry, in the order the LMS listed them
    cards: null, // card id -> course id, once a banner asked
    slow: false,
    stopped: false,
  };
  const listeners = new Set();
  let started = false;
  let cardsRequested = false;
  let timer = null;
  let delay = opts.firstDelay;
  let startedAt = 0;

  const set = (changes) => {
    state = { ...state, ...changes };
    listeners.forEach((listener) => listener());
  };
  // A failed entry is still asked about: a staff retry may fulfil it after all.
  const pendingIds = () => Object.values(state.entries)
    .filter((e) => e.status === PENDING || e.status === FAILED).map((e) => e.courseId);
  const anyPending = () => Object.values(state.entries).some((e) => e.status === PENDING);

  const schedule = () => {
    if (!pendingIds().length) { return; }
    if (now() - startedAt >= opts.giveUpAfter) {
      set({ stopped: true });
      return;
    }
    timer = setTimer(poll, delay); // eslint-disable-line no-use-before-define
  };

  const noteSlowness = () => {
    if (!state.slow && anyPending() && now() - startedAt >= opts.slowAfter) {
      set({ slow: true });
    }
  };

  async function poll() {
    timer = null;
    const wanted = pendingIds();
    try {
      const results = await api.fetchStatuses(wanted);
      const entries = { ...state.entries };
      results.forEach((result) => {
        const entry = entries[result.course_id];
        if (!entry || entry.status === ACTIVE) { return; }
        if (result.status === ACTIVE) {
          entries[result.course_id] = {
            ...entry,
            status: ACTIVE,
            mode: result.mode || entry.mode,
            modeName: result.mode_name || result.mode || entry.modeName,
          };
        } else if (result.status === PENDING) {
          // The LMS keeps a failed fulfillment pending and flags it; a staff retry clears the flag.
          const status = result.fulfillment_failed ? FAILED : PENDING;
          if (status !== entry.status) { entries[result.course_id] = { ...entry, status }; }
        } else {
          delete entries[result.course_id]; // nothing pending any more (refunded, cleared by support)
        }
      });
      set({ entries });
      delay = Math.min(delay * opts.factor, opts.maxDelay);
    } catch (error) {
      delay = Math.min(delay * 2, opts.maxDelay); // the LMS is struggling: back off harder
    }
    noteSlowness();
    schedule();
  }

  async function start() {
    if (started) { return; }
    started = true;
    startedAt = now();
    try {
      const results = await api.fetchStatuses();
      const entries = {};
      results.filter((r) => r.status === PENDING).forEach((r) => { entries[r.course_id] = entryFrom(r); });
      set({ loaded: true, entries });
    } catch (error) {
      set({ loaded: true }); // no pending data: stay quiet, the MFE shows what it has
      return;
    }
    schedule();
  }

  async function requestCards() {
    if (cardsRequested) { return; }
    cardsRequested = true;
    try {
      set({ cards: await api.fetchCardCourseIds() });
    } catch (error) {
      set({ cards: {} });
    }
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      start();
      return () => listeners.delete(listener);
    },
    requestCards,
    stop() {
      if (timer !== null) { clearTimer(timer); timer = null; }
      started = true;
    },
  };
}

let pageStore = null;

/* The page's store, made on first use. */
export function getPendingStore() {
  if (pageStore === null) { pageStore = createPendingStore(); }
  return pageStore;
}

/* Tests, and a host that wants other timings, replace the page's store. */
export function setPendingStore(store) {
  if (pageStore && pageStore !== store) { pageStore.stop(); }
  pageStore = store;
}
