/*
 * The learner dashboard's slots this plugin fills, under every id the MFE has used for them
 * (frontend-plugin-framework matches a slot's id and its idAliases, and takes the last matching
 * key, so listing both is harmless).
 */
import { DIRECT_PLUGIN, PLUGIN_OPERATIONS } from '@openedx/frontend-plugin-framework';

import PendingCourseBanner from './components/PendingCourseBanner';
import PendingCourseList from './components/PendingCourseList';

export const COURSE_LIST_SLOT_IDS = ['org.openedx.frontend.learner_dashboard.course_list.v1', 'course_list_slot'];
export const NO_COURSES_SLOT_IDS = ['org.openedx.frontend.learner_dashboard.no_courses_view.v1', 'no_courses_view_slot'];
export const COURSE_BANNER_SLOT_IDS = [
  'org.openedx.frontend.learner_dashboard.course_card_banner.v1', 'course_banner_slot',
];

// Before the slot's default content (priority 50): what was just bought comes first.
const PRIORITY = 10;

export const pendingCourseListPlugin = {
  op: PLUGIN_OPERATIONS.Insert,
  widget: {
    id: 'commerce_pending_enrollments', type: DIRECT_PLUGIN, priority: PRIORITY, RenderWidget: PendingCourseList,
  },
};

export const pendingCourseBannerPlugin = {
  op: PLUGIN_OPERATIONS.Insert,
  widget: {
    id: 'commerce_pending_upgrade_banner', type: DIRECT_PLUGIN, priority: PRIORITY, RenderWidget: PendingCourseBanner,
  },
};

/*
 * `pluginSlots` entries for env.config.jsx, merged with the operator's own plugins for the same
 * slots (`existing`, the rest of their pluginSlots object): our widget is added, theirs kept.
 */
export function pendingEnrollmentsPluginSlots(existing = {}) {
  const slots = {};
  const add = (ids, plugin) => ids.forEach((id) => {
    const current = existing[id] || { keepDefault: true, plugins: [] };
    slots[id] = { ...current, plugins: [...(current.plugins || []), plugin] };
  });
  add(COURSE_LIST_SLOT_IDS, pendingCourseListPlugin);
  add(NO_COURSES_SLOT_IDS, pendingCourseListPlugin);
  add(COURSE_BANNER_SLOT_IDS, pendingCourseBannerPlugin);
  return { ...existing, ...slots };
}
