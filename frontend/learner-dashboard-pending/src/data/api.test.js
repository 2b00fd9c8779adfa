import { describe, expect, it, vi } from 'vitest';

vi.mock('@edx/frontend-platform/auth', () => {
  const get = vi.fn();
  return { getAuthenticatedHttpClient: () => ({ get }), get };
});

// eslint-disable-next-line import/first
import { get } from '@edx/frontend-platform/auth';
// eslint-disable-next-line import/first
import { absoluteCourseUrl, fetchCardCourseIds, fetchStatuses } from './api';

describe('the LMS calls', () => {
  it("asks the status endpoint on the LMS, with the MFE's authenticated client", async () => {
    get.mockResolvedValueOnce({ data: { results: [{ course_id: 'c' }] } });
    expect(await fetchStatuses(['course-v1:a+b+c', 'course-v1:d+e+f'])).toEqual([{ course_id: 'c' }]);
    expect(get).toHaveBeenCalledWith(
      'http://lms.example.com/api/pending_enrollments/v1/status/?course_id=course-v1%3Aa%2Bb%2Bc&course_id=course-v1%3Ad%2Be%2Bf',
    );
  });

  it('asks for every pending course when given none', async () => {
    get.mockResolvedValueOnce({ data: { results: [] } });
    await fetchStatuses();
    expect(get).toHaveBeenCalledWith('http://lms.example.com/api/pending_enrollments/v1/status/');
  });

  it("maps the MFE's card ids to course ids in learner home's order", async () => {
    get.mockResolvedValueOnce({ data: { courses: [{ courseRun: { courseId: 'A' } }, { courseRun: { courseId: 'B' } }] } });
    expect(await fetchCardCourseIds()).toEqual({ 'card-0': 'A', 'card-1': 'B' });
    expect(get).toHaveBeenCalledWith('http://lms.example.com/api/learner_home/init');
  });

  it('links relative course URLs to the LMS', () => {
    expect(absoluteCourseUrl('/courses/x/')).toBe('http://lms.example.com/courses/x/');
    expect(absoluteCourseUrl('https://learning.example.com/course/x/home')).toBe('https://learning.example.com/course/x/home');
  });
});
