import { describe, expect, it } from 'vitest';
import { DIRECT_PLUGIN } from '@openedx/frontend-plugin-framework';

import { pendingEnrollmentsPluginSlots } from './pluginSlots';

describe('pendingEnrollmentsPluginSlots', () => {
  it('fills every id the MFE has used for the three slots', () => {
    expect(Object.keys(pendingEnrollmentsPluginSlots()).sort()).toEqual([
      'course_banner_slot', 'course_list_slot', 'no_courses_view_slot',
      'org.openedx.frontend.learner_dashboard.course_card_banner.v1',
      'org.openedx.frontend.learner_dashboard.course_list.v1',
      'org.openedx.frontend.learner_dashboard.no_courses_view.v1',
    ]);
  });

  it("keeps the operator's own plugins and slots", () => {
    const theirs = { op: 'insert', widget: { id: 'theirs', type: DIRECT_PLUGIN, priority: 60, RenderWidget: () => null } };
    const slots = pendingEnrollmentsPluginSlots({
      course_list_slot: { keepDefault: false, plugins: [theirs] },
      footer_slot: { keepDefault: false, plugins: [] },
    });
    expect(slots.course_list_slot.keepDefault).toBe(false);
    expect(slots.course_list_slot.plugins.map((p) => p.widget.id)).toEqual(['theirs', 'commerce_pending_enrollments']);
    expect(slots.footer_slot).toEqual({ keepDefault: false, plugins: [] });
  });
});
