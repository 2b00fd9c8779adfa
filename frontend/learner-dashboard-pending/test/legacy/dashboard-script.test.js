/*
 * The legacy (Mako) dashboard's polling script, lms_plugin's
 * pending_enrollments/static/pending_enrollments/pending_enrollments.js, run in jsdom on the
 * markup the plugin's snippets render, with the LMS's status endpoint answered at fetch.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  afterEach, beforeEach, describe, expect, it, vi,
} from 'vitest';

// vitest runs from the package's folder (npm test, make test).
const SCRIPT = readFileSync(resolve(
  process.cwd(), '../../lms_plugin/pending_enrollments/static/pending_enrollments/pending_enrollments.js',
), 'utf8');

const NEW = 'course-v1:edX+New+2026';
const UPGRADED = 'course-v1:edX+Upgraded+2026';
const MESSAGES = {
  'data-pending-failed-note': 'We could not enroll you in this course.',
  'data-pending-slow-note': 'This is taking longer than usual.',
  'data-pending-stopped-note': 'Still processing. Reload this page later to see your course.',
  'data-pending-ready-announcement': '{course_name} is ready.',
  'data-pending-upgrade-announcement': 'Your upgrade in {course_name} is complete.',
  'data-pending-failed-announcement': 'We could not enroll you in {course_name}.',
};

// What pending_courses.html and pending_upgrade_note.html render, in a theme's course list.
function renderDashboard({ slowMs = 30000, giveUpMs = 600000 } = {}) {
  const attributes = Object.entries(MESSAGES).map(([name, value]) => `${name}="${value}"`).join(' ');
  document.body.innerHTML = `
    <ul class="listing-courses">
      <li class="course-item" data-course-id="${UPGRADED}"><a class="course-link" href="/courses/u/">Upgraded Course</a>
        <div class="commerce-pending-upgrade pending" data-pending-course-id="${UPGRADED}" data-enrollment-status="pending">
          <p class="note" data-pending-note>Your upgrade is being processed.</p></div></li>
      <li class="course-item pending" data-course-id="${NEW}" data-pending-course-id="${NEW}" data-enrollment-status="pending">
        <a class="course-link disabled" data-pending-link data-href="/courses/${NEW}/" aria-disabled="true">New Course</a>
        <p class="note" data-pending-note>Your enrollment is being processed.</p></li>
      <li class="commerce-pending-poller" hidden data-pending-status-url="/api/pending_enrollments/v1/status/"
          data-pending-slow-ms="${slowMs}" data-pending-give-up-ms="${giveUpMs}" ${attributes}></li>
      <li class="commerce-pending-live sr-only" data-pending-live role="status" aria-live="polite" aria-atomic="true"></li>
    </ul>`;
}

const result = (courseId, overrides = {}) => ({
  course_id: courseId,
  status: 'pending',
  mode: 'verified',
  has_access: courseId === UPGRADED,
  course_name: courseId === NEW ? 'New Course' : 'Upgraded Course',
  fulfillment_failed: false,
  ...overrides,
});

let lms;

function answerWith(answer) {
  lms = vi.fn(async (url) => {
    const ids = new URL(url, 'http://lms.example.com').searchParams.getAll('course_id');
    const body = answer(ids);
    if (body instanceof Error) { return { ok: false, status: 503, json: async () => ({}) }; }
    return { ok: true, status: 200, json: async () => ({ results: body }) };
  });
  vi.stubGlobal('fetch', lms);
}

const runScript = () => new Function(SCRIPT)(); // eslint-disable-line no-new-func
const live = () => document.querySelector('[data-pending-live]');
const entry = (courseId) => document.querySelector(`[data-pending-course-id="${courseId}"]`);
const pollTimes = [];

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
  pollTimes.length = 0;
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

async function runFor(ms) {
  await vi.advanceTimersByTimeAsync(ms);
}

describe('the legacy dashboard script', () => {
  it('backs off from one second by half again each time, to one request every 15 s', async () => {
    renderDashboard({ slowMs: 1e9, giveUpMs: 1e9 });
    answerWith((ids) => { pollTimes.push(Date.now()); return ids.map((id) => result(id)); });
    runScript();
    await runFor(120000);
    const gaps = pollTimes.map((time, index) => time - (pollTimes[index - 1] || 0));
    expect(gaps.slice(0, 4)).toEqual([1000, 1500, 2250, 3375]);
    expect(Math.max(...gaps)).toBe(15000);
    expect(pollTimes.length).toBeLessThan(16); // not 120 polls, as one a second would be
  });

  it('backs off harder while the LMS fails, and keeps polling', async () => {
    renderDashboard({ slowMs: 1e9, giveUpMs: 1e9 });
    answerWith(() => { pollTimes.push(Date.now()); return new Error('down'); });
    runScript();
    await runFor(60000);
    const gaps = pollTimes.map((time, index) => time - (pollTimes[index - 1] || 0));
    expect(gaps.slice(0, 4)).toEqual([1000, 2000, 4000, 8000]);
    expect(pollTimes.length).toBeGreaterThan(4);
  });

  it('turns a new course active in place and says so in the live region', async () => {
    renderDashboard();
    answerWith((ids) => ids.map((id) => result(id, { status: id === NEW ? 'active' : 'pending' })));
    runScript();
    await runFor(1000);
    const link = entry(NEW).querySelector('a');
    expect(entry(NEW).getAttribute('data-enrollment-status')).toBe('active');
    expect(link.getAttribute('href')).toBe(`/courses/${NEW}/`);
    expect(link.hasAttribute('aria-disabled')).toBe(false);
    expect(entry(NEW).querySelector('[data-pending-note]')).toBeNull();
    expect(live().textContent).toBe('New Course is ready.');
  });

  it('announces a completed upgrade as an upgrade', async () => {
    renderDashboard();
    answerWith((ids) => ids.map((id) => result(id, { status: id === UPGRADED ? 'active' : 'pending' })));
    runScript();
    await runFor(1000);
    expect(entry(UPGRADED).getAttribute('data-enrollment-status')).toBe('active');
    expect(live().textContent).toBe('Your upgrade in Upgraded Course is complete.');
  });

  it('says plainly when an enrollment failed for good, and announces it once', async () => {
    renderDashboard();
    answerWith((ids) => ids.map((id) => result(id, { fulfillment_failed: id === NEW })));
    runScript();
    await runFor(1000);
    expect(entry(NEW).getAttribute('data-enrollment-status')).toBe('failed');
    expect(entry(NEW).querySelector('[data-pending-note]').textContent).toBe('We could not enroll you in this course.');
    expect(live().textContent).toBe('We could not enroll you in New Course.');
    live().textContent = '';
    await runFor(1500);
    expect(live().textContent).toBe('');
  });

  it('says "taking longer than usual" after a while, on the entries and to screen readers', async () => {
    renderDashboard({ slowMs: 5000 });
    answerWith((ids) => ids.map((id) => result(id)));
    runScript();
    await runFor(4000);
    expect(document.body.textContent).not.toContain('taking longer than usual');
    await runFor(5000);
    expect(entry(NEW).textContent).toContain('This is taking longer than usual.');
    expect(entry(UPGRADED).textContent).toContain('This is taking longer than usual.');
    expect(live().textContent).toBe('This is taking longer than usual.');
  });

  it('stops after the limit, saying to reload later', async () => {
    renderDashboard({ slowMs: 5000, giveUpMs: 30000 });
    answerWith((ids) => { pollTimes.push(Date.now()); return ids.map((id) => result(id)); });
    runScript();
    await runFor(35000);
    const count = pollTimes.length;
    await runFor(600000);
    expect(pollTimes.length).toBe(count);
    expect(entry(NEW).textContent).toContain('Reload this page later');
    expect(entry(NEW).textContent).not.toContain('taking longer than usual');
    expect(live().textContent).toBe('Still processing. Reload this page later to see your course.');
  });

  it('stops polling once nothing is pending', async () => {
    renderDashboard();
    answerWith((ids) => { pollTimes.push(Date.now()); return ids.map((id) => result(id, { status: 'active' })); });
    runScript();
    await runFor(60000);
    expect(pollTimes).toEqual([1000]);
  });

  it('makes its own live region on a page that has none', async () => {
    renderDashboard();
    live().remove();
    answerWith((ids) => ids.map((id) => result(id, { status: 'active' })));
    runScript();
    await runFor(1000);
    expect(live().getAttribute('aria-live')).toBe('polite');
    expect(live().textContent).toContain('New Course is ready.');
  });
});
