import React from 'react';
import { useIntl } from '@edx/frontend-platform/i18n';

import messages from '../messages';
import { usePendingState } from '../data/hooks';
import { NEW_COURSE } from '../data/store';
import PendingAnnouncer from './PendingAnnouncer';
import PendingCourseCard from './PendingCourseCard';
import PendingIntl from './PendingIntl';

/*
 * Widget for course_list_slot and no_courses_view_slot (only one of the two renders): the
 * courses bought and not yet listed by the MFE, above its list, and the page's live region.
 * Renders nothing at all when nothing is pending.
 */
const PendingCourseListBody = () => {
  const { formatMessage } = useIntl();
  const state = usePendingState();
  const newCourses = Object.values(state.entries).filter((entry) => entry.kind === NEW_COURSE);
  return (
    <>
      <PendingAnnouncer state={state} />
      {newCourses.length > 0 && (
        <section className="commerce-pending-list" aria-label={formatMessage(messages.pendingListLabel)}>
          {newCourses.map((entry) => (
            <PendingCourseCard key={entry.courseId} entry={entry} slow={state.slow} stopped={state.stopped} />
          ))}
        </section>
      )}
    </>
  );
};

const PendingCourseList = () => <PendingIntl><PendingCourseListBody /></PendingIntl>;

export default PendingCourseList;
