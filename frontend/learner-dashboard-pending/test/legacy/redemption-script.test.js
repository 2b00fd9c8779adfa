/*
 * The shop's redemption page script, ecommerce_plugin's
 * registration_codes/static/ecommerce_plugin/registration_codes/redemption_state.js, in jsdom on
 * the markup redeem.html renders for a pending redemption, the shop's page answered at fetch.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  afterEach, beforeEach, describe, expect, it, vi,
} from 'vitest';

const SCRIPT = readFileSync(resolve(
  process.cwd(), '../../ecommerce_plugin/registration_codes/static/ecommerce_plugin/registration_codes/redemption_state.js',
), 'utf8');

const statePage = (status, text) => `<div id="redeem-registration-code">
  <p class="redemption-state" data-status="${status}" role="status" aria-live="polite">Code <code>ABC</code> for Demo: ${text}</p>
  ${status === 'pending' ? '<p data-redemption-stopped hidden>This is taking longer than usual.</p>' : ''}
  <p><a id="redemption-dashboard" href="http://lms.example.com/dashboard">Go to your dashboard</a></p></div>`;

let requests;

function shopAnswers(answer) {
  requests = [];
  vi.stubGlobal('fetch', vi.fn(async () => {
    requests.push(Date.now());
    const page = answer(requests.length);
    if (page === null) { return { ok: false, status: 502, text: async () => '' }; }
    return { ok: true, status: 200, text: async () => page };
  }));
}

const runScript = () => new Function(SCRIPT)(); // eslint-disable-line no-new-func
const state = () => document.querySelector('.redemption-state');

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
  document.body.innerHTML = statePage('pending', 'your enrollment is being made.');
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('the redemption page while the enrollment is made', () => {
  it('checks again by itself and shows the answer in place, in its live region', async () => {
    shopAnswers((n) => (n < 3 ? statePage('pending', 'still') : statePage('enrolled', 'you are enrolled.')));
    runScript();
    await vi.advanceTimersByTimeAsync(10000);
    expect(requests).toEqual([1000, 2500, 4750]);
    expect(state().getAttribute('data-status')).toBe('enrolled');
    expect(state().getAttribute('aria-live')).toBe('polite');
    expect(state().textContent).toContain('you are enrolled.');
    expect(document.getElementById('redemption-dashboard')).not.toBeNull();
  });

  it('backs off harder when the shop fails', async () => {
    shopAnswers(() => null);
    runScript();
    await vi.advanceTimersByTimeAsync(8000);
    expect(requests).toEqual([1000, 3000, 7000]);
  });

  it('stops after ten minutes and says to look later', async () => {
    shopAnswers(() => statePage('pending', 'still'));
    runScript();
    await vi.advanceTimersByTimeAsync(11 * 60 * 1000);
    const count = requests.length;
    expect(count).toBeLessThan(60);
    await vi.advanceTimersByTimeAsync(60 * 60 * 1000);
    expect(requests.length).toBe(count);
    expect(document.querySelector('[data-redemption-stopped]').hidden).toBe(false);
  });

  it('does nothing on an answered redemption', async () => {
    document.body.innerHTML = statePage('enrolled', 'you are enrolled.');
    shopAnswers(() => statePage('enrolled', 'you are enrolled.'));
    runScript();
    await vi.advanceTimersByTimeAsync(60000);
    expect(requests).toEqual([]);
  });
});
