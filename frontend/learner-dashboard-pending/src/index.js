export { default as PendingCourseBanner } from './components/PendingCourseBanner';
export { default as PendingCourseList } from './components/PendingCourseList';
export { default as PendingCourseCard } from './components/PendingCourseCard';
export {
  COURSE_BANNER_SLOT_IDS,
  COURSE_LIST_SLOT_IDS,
  NO_COURSES_SLOT_IDS,
  pendingCourseBannerPlugin,
  pendingCourseListPlugin,
  pendingEnrollmentsPluginSlots,
} from './pluginSlots';
export {
  createPendingStore, DEFAULT_OPTIONS, getPendingStore, setPendingStore,
} from './data/store';
export { default as messages } from './messages';
export { default as catalogs, messagesFor } from './i18n';
