/*
 * The widgets as the MFE mounts them: through frontend-plugin-framework's PluginSlot, configured
 * the way an operator's env.config.jsx does, with the store's HTTP edge faked.
 */
import React from 'react';
import {
  afterEach, beforeEach, describe, expect, it, vi,
} from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import { mergeConfig } from '@edx/frontend-platform';
import { IntlProvider } from '@edx/frontend-platform/i18n';
import { PluginSlot } from '@openedx/frontend-plugin-framework';

import { createPendingStore, pendingEnrollmentsPluginSlots, setPendingStore } from '..';

const NEW = 'course-v1:edX+New+2026';
const UPGRADED = 'course-v1:edX+Upgraded+2026';
const status = (courseId, overrides = {}) => ({
  course_id: courseId, status: 'pending', mode: 'verified', mode_name: 'Verified Certificate', has_access: false,
  course_name: courseId === NEW ? 'New Course' : 'Upgraded Course', course_url: `/courses/${courseId}/`, ...overrides,
});

let lms;

function useLms({ first, answer = (ids) => ids.map((id) => status(id)), options = {} }) {
  lms = { first, answer, cards: { 'card-0': UPGRADED, 'card-1': 'course-v1:edX+Other+2026' } };
  const api = {
    fetchStatuses: vi.fn(async (ids) => (ids === undefined ? lms.first : lms.answer(ids))),
    fetchCardCourseIds: vi.fn(async () => lms.cards),
  };
  setPendingStore(createPendingStore({
    api, options: { firstDelay: 5, factor: 1, maxDelay: 5, slowAfter: 1e9, giveUpAfter: 1e9, ...options },
  }));
  return api;
}

// The MFE's own slots (src/plugin-slots/*): ids, aliases and props as it renders them.
const CourseList = ({ locale = 'en' }) => (
  // The MFE's catalog is not loaded here: its own strings fall back to English, quietly.
  <IntlProvider locale={locale} onError={() => {}}>
    <PluginSlot
      id="org.openedx.frontend.learner_dashboard.course_list.v1"
      idAliases={['course_list_slot']}
      pluginProps={{ courseListData: { visibleList: [] } }}
    >
      <div data-testid="mfe-course-list">the MFE's course list</div>
    </PluginSlot>
    {['card-0', 'card-1'].map((cardId) => (
      <div key={cardId} data-testid={cardId}>
        <PluginSlot id="course_banner_slot" pluginProps={{ cardId }}>
          <div>the MFE's banner</div>
        </PluginSlot>
      </div>
    ))}
  </IntlProvider>
);

beforeEach(() => {
  mergeConfig({ pluginSlots: pendingEnrollmentsPluginSlots() });
});

afterEach(() => {
  setPendingStore(createPendingStore({ api: { fetchStatuses: async () => [], fetchCardCourseIds: async () => ({}) } }));
});

describe('a new course bought', () => {
  it('shows at once as its own card, above the MFE list, its button disabled, with a note', async () => {
    const api = useLms({ first: [status(NEW)] });
    render(<CourseList />);
    const card = await screen.findByText('New Course');
    expect(api.fetchCardCourseIds).not.toHaveBeenCalled(); // no upgrade: the cards need no lookup
    const entry = card.closest('[data-course-id]');
    expect(entry).toHaveAttribute('data-enrollment-status', 'pending');
    expect(entry).toHaveTextContent('Your enrollment is being processed');
    expect(screen.getByRole('button', { name: 'View course' })).toBeDisabled();
    expect(screen.queryByRole('link', { name: 'View course' })).toBeNull();
    // eslint-disable-next-line no-bitwise
    expect(entry.compareDocumentPosition(screen.getByTestId('mfe-course-list')) & Node.DOCUMENT_POSITION_FOLLOWING)
      .toBeTruthy();
  });

  it('turns active in place, its link enabled, and says so to screen readers', async () => {
    useLms({ first: [status(NEW)], answer: () => [status(NEW, { status: 'active' })] });
    render(<CourseList />);
    const link = await screen.findByRole('link', { name: 'View course' });
    expect(link).toHaveAttribute('href', `http://lms.example.com/courses/${NEW}/`);
    expect(screen.getByText('New Course').closest('[data-course-id]')).toHaveAttribute('data-enrollment-status', 'active');
    expect(screen.getByRole('status')).toHaveTextContent('New Course is ready.');
  });

  it('says when it takes longer than usual', async () => {
    useLms({ first: [status(NEW)], options: { slowAfter: 0 } });
    render(<CourseList />);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('taking longer than usual'));
    expect(screen.getByText('New Course').closest('[data-course-id]')).toHaveTextContent('taking longer than usual');
  });

  it('says so when it stops checking, on the card and to screen readers', async () => {
    useLms({ first: [status(NEW)], options: { slowAfter: 0, giveUpAfter: 0 } });
    render(<CourseList />);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Reload this page later'));
    const entry = screen.getByText('New Course').closest('[data-course-id]');
    expect(entry).toHaveTextContent('Reload this page later');
    expect(entry).not.toHaveTextContent('taking longer than usual');
  });

  it('says plainly when the enrollment failed for good', async () => {
    useLms({ first: [status(NEW)], answer: () => [status(NEW, { fulfillment_failed: true })] });
    render(<CourseList />);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('We could not enroll you in New Course.'));
    expect(screen.getByText('New Course').closest('[data-course-id]')).toHaveTextContent('Our support team has been told');
    expect(screen.queryByRole('button', { name: 'View course' })).toBeNull();
  });
});

describe('an upgrade bought', () => {
  it('shows as a banner on its own card only, then as complete in place', async () => {
    let active = false;
    useLms({
      first: [status(UPGRADED, { has_access: true })],
      answer: () => [status(UPGRADED, { has_access: true, status: active ? 'active' : 'pending' })],
    });
    render(<CourseList />);
    await waitFor(() => expect(screen.getByTestId('card-0')).toHaveTextContent('Your upgrade to Verified Certificate is being processed.'));
    expect(screen.getByTestId('card-1')).not.toHaveTextContent('upgrade');
    expect(screen.getByTestId('card-0')).toHaveTextContent("the MFE's banner");
    expect(screen.queryByText('Upgraded Course')).toBeNull(); // no second card for a listed course
    active = true;
    await waitFor(() => expect(screen.getByTestId('card-0')).toHaveTextContent('Your upgrade to Verified Certificate is complete.'));
  });
});

describe('nothing pending', () => {
  it('adds nothing to the dashboard and asks the LMS once', async () => {
    const api = useLms({ first: [] });
    render(<CourseList />);
    await waitFor(() => expect(api.fetchStatuses).toHaveBeenCalledTimes(1));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(screen.queryByRole('region')).toBeNull();
    expect(document.querySelectorAll('.commerce-pending-card, .commerce-pending-banner')).toHaveLength(0);
    expect(api.fetchCardCourseIds).not.toHaveBeenCalled();
  });
});

describe('the empty dashboard', () => {
  it('shows a new course in the no-courses slot', async () => {
    useLms({ first: [status(NEW)] });
    render(
      <IntlProvider locale="en">
        <PluginSlot id="org.openedx.frontend.learner_dashboard.no_courses_view.v1" idAliases={['no_courses_view_slot']}>
          <div>no courses yet</div>
        </PluginSlot>
      </IntlProvider>,
    );
    expect(await screen.findByText('New Course')).toBeInTheDocument();
    expect(screen.getByText('no courses yet')).toBeInTheDocument();
  });
});

describe('translations', () => {
  it("speaks the MFE's locale", async () => {
    useLms({ first: [status(NEW)] });
    render(<CourseList locale="fr" />);
    expect(await screen.findByRole('button', { name: 'Voir le cours' })).toBeDisabled();
    expect(screen.getByText(/Votre inscription est en cours de traitement/)).toBeInTheDocument();
  });
});
