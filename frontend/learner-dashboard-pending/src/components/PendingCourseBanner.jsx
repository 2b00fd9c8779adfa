import React from 'react';
import PropTypes from 'prop-types';
import { useIntl } from '@edx/frontend-platform/i18n';
import { Alert, Spinner } from '@openedx/paragon';

import messages from '../messages';
import { useCardCourseId, usePendingState } from '../data/hooks';
import { ACTIVE, FAILED, UPGRADE } from '../data/store';
import PendingIntl from './PendingIntl';

/*
 * Widget for course_banner_slot (prop cardId): on a card whose course has a paid upgrade being
 * processed, a banner saying so, turning into "complete" in place. Nothing on any other card.
 */
const PendingCourseBannerBody = ({ cardId }) => {
  const { formatMessage } = useIntl();
  const state = usePendingState();
  const courseId = useCardCourseId(cardId);
  const entry = courseId ? state.entries[courseId] : undefined;
  if (!entry || entry.kind !== UPGRADE) { return null; }
  const mode = entry.modeName;
  let variant = 'info';
  let text = formatMessage(messages.upgradeNote, { mode });
  if (entry.status === ACTIVE) {
    variant = 'success';
    text = formatMessage(messages.upgradeReady, { mode });
  } else if (entry.status === FAILED) {
    variant = 'danger';
    text = formatMessage(messages.failedNote);
  }
  const pending = entry.status !== ACTIVE && entry.status !== FAILED;
  return (
    <Alert
      variant={variant}
      className="commerce-pending-banner mb-0"
      data-course-id={entry.courseId}
      data-enrollment-status={entry.status}
    >
      {pending && <Spinner animation="border" size="sm" className="mr-2" screenReaderText="" />}
      {text}
      {pending && state.slow && !state.stopped && (
        <div className="commerce-pending-slow small mt-1">{formatMessage(messages.slowNote)}</div>
      )}
      {pending && state.stopped && (
        <div className="commerce-pending-stopped small mt-1">{formatMessage(messages.stoppedNote)}</div>
      )}
    </Alert>
  );
};

PendingCourseBannerBody.propTypes = { cardId: PropTypes.string.isRequired };

const PendingCourseBanner = ({ cardId }) => (
  <PendingIntl><PendingCourseBannerBody cardId={cardId} /></PendingIntl>
);

PendingCourseBanner.propTypes = { cardId: PropTypes.string.isRequired };

export default PendingCourseBanner;
