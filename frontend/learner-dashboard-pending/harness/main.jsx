/*
 * A stand-in for frontend-app-learner-dashboard, for the browser test and the screenshots: it
 * starts frontend-platform as the MFE does (initialize, env.config, the authenticated client
 * against the LMS), reads /api/learner_home/init, and renders the MFE's three slots with their
 * ids, aliases and props (src/plugin-slots/{CourseListSlot,NoCoursesViewSlot,CourseBannerSlot}).
 * The MFE's own card markup is not copied; a plain card stands for it.
 */
import '@openedx/paragon/dist/core.min.css';
import '@openedx/paragon/dist/light.min.css';

import React, { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  APP_INIT_ERROR, APP_READY, getConfig, initialize, subscribe,
} from '@edx/frontend-platform';
import { getAuthenticatedHttpClient } from '@edx/frontend-platform/auth';
import { getLocale, getMessages, IntlProvider } from '@edx/frontend-platform/i18n';
import { PluginSlot } from '@openedx/frontend-plugin-framework';
import { Card, Container } from '@openedx/paragon';

const CourseCard = ({ cardId, course }) => (
  <Card className="mb-3 mfe-course-card" data-card-id={cardId} data-course-id={course.courseRun.courseId}>
    <Card.Header title={course.course.courseName} subtitle={`${course.enrollment.mode}`} />
    <PluginSlot id="org.openedx.frontend.learner_dashboard.course_card_banner.v1" idAliases={['course_banner_slot']}
      pluginProps={{ cardId }}>
      <></>
    </PluginSlot>
    <Card.Footer><a className="btn btn-primary" href={course.courseRun.homeUrl}>View course</a></Card.Footer>
  </Card>
);

const Dashboard = () => {
  const [courses, setCourses] = useState(null);
  useEffect(() => {
    getAuthenticatedHttpClient().get(`${getConfig().LMS_BASE_URL}/api/learner_home/init`)
      .then(({ data }) => setCourses(data.courses));
  }, []);
  if (courses === null) { return null; }
  return (
    <Container size="md" className="py-4" id="dashboard" data-loaded="true">
      <h1 className="h2 mb-4">My courses</h1>
      {courses.length ? (
        <PluginSlot id="org.openedx.frontend.learner_dashboard.course_list.v1" idAliases={['course_list_slot']}
          pluginProps={{ courseListData: { visibleList: courses } }}>
          <div id="mfe-course-list">
            {courses.map((course, index) => <CourseCard key={course.courseRun.courseId} cardId={`card-${index}`} course={course} />)}
          </div>
        </PluginSlot>
      ) : (
        <PluginSlot id="org.openedx.frontend.learner_dashboard.no_courses_view.v1" idAliases={['no_courses_view_slot']}>
          <p id="mfe-no-courses">You are not enrolled in any course yet.</p>
        </PluginSlot>
      )}
    </Container>
  );
};

subscribe(APP_READY, () => {
  createRoot(document.getElementById('root')).render(
    <IntlProvider locale={getLocale()} messages={getMessages()}>
      <Dashboard />
    </IntlProvider>,
  );
});
subscribe(APP_INIT_ERROR, (error) => {
  document.getElementById('root').textContent = `init error: ${error.message}`;
});

initialize({ messages: [], requireAuthenticatedUser: true });
