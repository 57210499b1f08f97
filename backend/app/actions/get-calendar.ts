import { z } from 'zod';
import type { CalendarYearView } from '../../../types/api';
import { BUNDLED_HOLIDAYS, calendarYearOf } from '../../domain/calendar-years';
import { defineAction } from '../action';
import { ok } from '../answers';
import { year } from '../schemas';

export const getCalendar = defineAction({
  name: 'calendar.get',
  summary:
    'One year\'s working-day calendar: its holidays and make-up working days, whether they come from the bundled data or were loaded with `calendar.set`, and whether its deadlines are provisional (R-TIME-1, R-TIME-3). Public.',
  schema: z.object({ year }),
  access: { signIn: false, permission: 'calendar.get' },
  audit: [],
  next: ['calendar.set'],
  async run(input, context) {
    const refused = context.authorize({});
    if (refused) return refused;
    const loaded = await context.services.store.listCalendarYears();
    return ok<CalendarYearView>(calendarYearOf(BUNDLED_HOLIDAYS, loaded, input.year));
  },
});
