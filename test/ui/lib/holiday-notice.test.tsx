import chineseDays from 'chinese-days/dist/chinese-days.json';
import { parseHolidayNotice } from '../../../src/lib/holiday-notice';

const bundled = (days: Record<string, string>) => Object.keys(days).filter((day) => day.startsWith('2026-')).sort();

// The 2026 notice (国办发明电〔2025〕7号) as published, to check the reader against days we know.
const NOTICE_2026 = `一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。`;

describe('reading the State Council holiday notice pasted on the calendar page', () => {
  it('R-TIME-1: finds exactly the days off and make-up working days of the 2026 notice that the bundled data holds', () => {
    const { holidays, workdays } = parseHolidayNotice(NOTICE_2026, 2026);
    expect(workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(workdays).toEqual(bundled(chineseDays.workdays));
    expect(holidays).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(holidays).toEqual(bundled(chineseDays.holidays));
  });

  it('R-TIME-1: reads a range across a month end, a single day off, and dates typed as YYYY-MM-DD', () => {
    expect(parseHolidayNotice('春节：1月30日至2月2日放假。', 2027).holidays).toEqual(['2027-01-30', '2027-01-31', '2027-02-01', '2027-02-02']);
    expect(parseHolidayNotice('元旦：1月1日（周五）放假1天。', 2027)).toEqual({ holidays: ['2027-01-01'], workdays: [] });
    expect(parseHolidayNotice('2027-05-01 放假\n2027-04-25 上班\n2026-12-31 放假', 2027)).toEqual({ holidays: ['2027-05-01'], workdays: ['2027-04-25'] });
    expect(parseHolidayNotice('2月30日放假', 2027).holidays).toEqual([]);
  });
});
