import React from 'react';
import PropTypes from 'prop-types';
import { useIntl } from '@edx/frontend-platform/i18n';
import {
  Alert, Badge, Button, Card, Spinner,
} from '@openedx/paragon';

import messages from '../messages';
import { absoluteCourseUrl } from '../data/api';
import { ACTIVE, FAILED, PENDING } from '../data/store';

/*
 * A course the learner bought and the MFE does not list yet: shaped like the MFE's course card,
 * its button disabled while the enrollment is processed, enabled in place once it is active.
 */
const PendingCourseCard = ({ entry, slow = false, stopped = false }) => {
  const { formatMessage } = useIntl();
  const isPending = entry.status === PENDING;
  let note = formatMessage(messages.pendingNote);
  if (entry.status === ACTIVE) { note = formatMessage(messages.readyNote); }
  if (entry.status === FAILED) { note = formatMessage(messages.failedNote); }
  return (
    <Card
      className="commerce-pending-card mb-3"
      data-course-id={entry.courseId}
      data-enrollment-status={entry.status}
    >
      <Card.Header
        title={entry.courseName}
        actions={isPending ? <Badge variant="info">{formatMessage(messages.pendingBadge)}</Badge> : null}
      />
      <Card.Section>
        {entry.status === FAILED ? (
          <Alert variant="danger" className="commerce-pending-note mb-2">{note}</Alert>
        ) : (
          <p className="commerce-pending-note small mb-2">
            {isPending && <Spinner animation="border" size="sm" className="mr-2" screenReaderText="" />}
            {note}
          </p>
        )}
        {isPending && slow && !stopped && (
          <Alert variant="warning" className="commerce-pending-slow mb-2">{formatMessage(messages.slowNote)}</Alert>
        )}
        {isPending && stopped && (
          <Alert variant="info" className="commerce-pending-stopped mb-2">{formatMessage(messages.stoppedNote)}</Alert>
        )}
      </Card.Section>
      {entry.status !== FAILED && (
        <Card.Footer>
          {entry.status === ACTIVE ? (
            <Button as="a" href={absoluteCourseUrl(entry.courseUrl)} variant="primary">
              {formatMessage(messages.viewCourse)}
            </Button>
          ) : (
            <Button variant="primary" disabled aria-disabled="true">{formatMessage(messages.viewCourse)}</Button>
          )}
        </Card.Footer>
      )}
    </Card>
  );
};

export const entryShape = PropTypes.shape({
  courseId: PropTypes.string.isRequired,
  courseName: PropTypes.string.isRequired,
  courseUrl: PropTypes.string,
  mode: PropTypes.string,
  kind: PropTypes.string.isRequired,
  status: PropTypes.string.isRequired,
});

PendingCourseCard.propTypes = {
  entry: entryShape.isRequired,
  slow: PropTypes.bool,
  stopped: PropTypes.bool,
};

export default PendingCourseCard;
