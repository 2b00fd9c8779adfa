/*
 * The operator's env.config.jsx, exactly as the README gives it, plus what the harness page
 * needs that an MFE's .env files would provide (the LMS is the page's own origin here).
 */
import { pendingEnrollmentsPluginSlots } from '@openedx-commerce/learner-dashboard-pending';

const lms = window.location.origin;

const config = {
  BASE_URL: lms,
  LMS_BASE_URL: lms,
  LOGIN_URL: `${lms}/login`,
  LOGOUT_URL: `${lms}/logout`,
  REFRESH_ACCESS_TOKEN_ENDPOINT: `${lms}/login_refresh`,
  ACCESS_TOKEN_COOKIE_NAME: 'edx-jwt-cookie-header-payload',
  CSRF_TOKEN_API_PATH: '/csrf/api/v1/token',
  LANGUAGE_PREFERENCE_COOKIE_NAME: 'openedx-language-preference',
  USER_INFO_COOKIE_NAME: 'edx-user-info',
  ENVIRONMENT: 'production',
  pluginSlots: pendingEnrollmentsPluginSlots(),
};

export default config;
