import { defineMessages } from '@edx/frontend-platform/i18n';

const messages = defineMessages({
  pendingBadge: {
    id: 'commerce.pendingEnrollments.badge.pending',
    defaultMessage: 'Processing',
    description: 'Badge on a course card whose purchase is paid but not yet fulfilled',
  },
  pendingNote: {
    id: 'commerce.pendingEnrollments.note.newCourse',
    defaultMessage: 'Payment received. Your enrollment is being processed; the course opens as soon as it is ready.',
    description: 'Note on a course the learner just bought and is not enrolled in yet',
  },
  upgradeNote: {
    id: 'commerce.pendingEnrollments.note.upgrade',
    defaultMessage: 'Payment received. Your upgrade to {mode} is being processed.',
    description: 'Banner on an existing course card while a paid upgrade is fulfilled; {mode} is the new track',
  },
  slowNote: {
    id: 'commerce.pendingEnrollments.note.slow',
    defaultMessage: 'This is taking longer than usual. You can leave this page; your purchase is safe and we will finish it.',
    description: 'Shown once a pending enrollment has been processing for a while',
  },
  stoppedNote: {
    id: 'commerce.pendingEnrollments.note.stopped',
    defaultMessage: 'Still processing. Reload this page later to see your course.',
    description: 'Shown when the dashboard has stopped checking a pending enrollment',
  },
  viewCourse: {
    id: 'commerce.pendingEnrollments.button.viewCourse',
    defaultMessage: 'View course',
    description: 'Button on the course card; disabled while the enrollment is processed',
  },
  readyNote: {
    id: 'commerce.pendingEnrollments.note.ready',
    defaultMessage: 'Your enrollment is ready.',
    description: 'Note on the course card once the purchase is fulfilled',
  },
  upgradeReady: {
    id: 'commerce.pendingEnrollments.note.upgradeReady',
    defaultMessage: 'Your upgrade to {mode} is complete.',
    description: 'Banner on the course card once a paid upgrade is fulfilled; {mode} is the new track',
  },
  failedNote: {
    id: 'commerce.pendingEnrollments.note.failed',
    defaultMessage: 'We could not enroll you in this course. Our support team has been told and will contact you; you do not need to pay again.',
    description: 'Shown when fulfillment of a paid enrollment failed for good',
  },
  announceReady: {
    id: 'commerce.pendingEnrollments.live.ready',
    defaultMessage: '{courseName} is ready.',
    description: 'Screen-reader announcement when a pending course becomes available',
  },
  announceFailed: {
    id: 'commerce.pendingEnrollments.live.failed',
    defaultMessage: 'We could not enroll you in {courseName}.',
    description: 'Screen-reader announcement when a pending enrollment failed',
  },
  pendingListLabel: {
    id: 'commerce.pendingEnrollments.list.label',
    defaultMessage: 'Courses being processed',
    description: 'Accessible name of the list of purchased courses not yet available',
  },
});

export default messages;
