import React from 'react';
import PropTypes from 'prop-types';
import { useIntl } from '@edx/frontend-platform/i18n';

import messages from '../messages';
import { ACTIVE, FAILED } from '../data/store';

/*
 * The one polite live region of the page: screen readers hear when a course is ready, when one
 * failed, when processing takes longer than usual and when the page stops checking. Rendered
 * (empty) from the start so the change is announced.
 */
const PendingAnnouncer = ({ state }) => {
  const { formatMessage } = useIntl();
  const lines = [];
  Object.values(state.entries).forEach((entry) => {
    if (entry.status === ACTIVE) {
      lines.push(formatMessage(messages.announceReady, { courseName: entry.courseName }));
    } else if (entry.status === FAILED) {
      lines.push(formatMessage(messages.announceFailed, { courseName: entry.courseName }));
    }
  });
  const anyPending = Object.values(state.entries).some((entry) => entry.status === 'pending');
  if (state.stopped && anyPending) {
    lines.push(formatMessage(messages.stoppedNote));
  } else if (state.slow && anyPending) {
    lines.push(formatMessage(messages.slowNote));
  }
  return (
    <div className="sr-only commerce-pending-live" role="status" aria-live="polite" aria-atomic="true">
      {lines.join(' ')}
    </div>
  );
};

PendingAnnouncer.propTypes = {
  state: PropTypes.shape({
    entries: PropTypes.objectOf(PropTypes.shape({ status: PropTypes.string, courseName: PropTypes.string })),
    slow: PropTypes.bool,
    stopped: PropTypes.bool,
  }).isRequired,
};

export default PendingAnnouncer;
