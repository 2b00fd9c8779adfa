/*
 * The two LMS endpoints the widgets read, through frontend-platform's authenticated client (the
 * MFE's own JWT cookie; the LMS accepts it on both).
 */
import { getConfig } from '@edx/frontend-platform';
import { getAuthenticatedHttpClient } from '@edx/frontend-platform/auth';

export const STATUS_PATH = '/api/pending_enrollments/v1/status/';
export const LEARNER_HOME_PATH = '/api/learner_home/init';

const lmsUrl = (path) => `${getConfig().LMS_BASE_URL}${path}`;

/*
 * The learner's pending enrollments (no courseIds), or the state of each course asked for:
 * [{ course_id, status: 'pending'|'active'|'none', mode, has_access, course_name, course_url }].
 */
export async function fetchStatuses(courseIds) {
  const params = new URLSearchParams();
  (courseIds || []).forEach((courseId) => params.append('course_id', courseId));
  const query = params.toString();
  const { data } = await getAuthenticatedHttpClient().get(lmsUrl(`${STATUS_PATH}${query ? `?${query}` : ''}`));
  return data.results || [];
}

/*
 * The course id behind each of the MFE's cards. The MFE names its cards `card-<index>` over the
 * `courses` of /api/learner_home/init, in that order; the banner slot gets only the card id.
 */
export async function fetchCardCourseIds() {
  const { data } = await getAuthenticatedHttpClient().get(lmsUrl(LEARNER_HOME_PATH));
  const byCard = {};
  (data.courses || []).forEach((course, index) => {
    byCard[`card-${index}`] = course.courseRun && course.courseRun.courseId;
  });
  return byCard;
}

/* A course URL the MFE can link to: the LMS answers paths relative to itself. */
export function absoluteCourseUrl(url) {
  if (!url) { return ''; }
  return url.startsWith('/') ? lmsUrl(url) : url;
}
