import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Select, Spin, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { shanghaiToday } from '../../../../contracts/shanghai-date.ts';
import { LoadError, PageTitle } from '../../../ui/components.tsx';
import { useI18n } from '../../../ui/i18n/index.tsx';
import { type CalendarDayView, useCalendarYear, useCalendarYears } from '../../api/calendar.ts';
import { useCountyWide } from '../../session.ts';
import { DayModal } from './DayModal.tsx';
import { MonthGrid } from './MonthGrid.tsx';
import { PublishYearDrawer } from './PublishYearDrawer.tsx';
import { WorkdayCalculator } from './WorkdayCalculator.tsx';

const KINDS = ['workday', 'weekend', 'holiday', 'makeup'] as const;
/** The State Council's holidays in English (a day cell cuts them; its tooltip has them whole); others as stored. */
const HOLIDAYS_EN: Record<string, string> = {
  元旦: 'New Year',
  春节: 'Spring Festival',
  清明节: 'Qingming',
  劳动节: 'Labour Day',
  端午节: 'Dragon Boat Festival',
  中秋节: 'Mid-Autumn Festival',
  国庆节: 'National Day',
};
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** 节假日日历: the year's month grids, the workday calculator, publishing a new year. */
export default function CalendarPage() {
  const { t, lang } = useI18n();
  const countyWide = useCountyWide();
  const years = useCalendarYears();
  const today = shanghaiToday();
  const [chosen, setChosen] = useState<number | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [editingDay, setEditingDay] = useState<CalendarDayView | null>(null);
  const known = years.data ?? [];
  const thisYear = Number(today.slice(0, 4));
  const year = chosen ?? (known.some((y) => y.year === thisYear) ? thisYear : known[known.length - 1]?.year);
  const detail = useCalendarYear(year);
  const days = useMemo(() => new Map((detail.data?.days ?? []).map((d) => [d.date, d])), [detail.data]);
  // The calendar is the county's: a town's administrator reads it but may not change it.
  const manage = countyWide('calendar.manage') === true;
  const summary = known.find((y) => y.year === year);
  const weekdays = t('calendar.weekdays').split(',');

  if (years.isError) return <LoadError error={years.error} onRetry={() => years.refetch()} />;
  return (
    <div>
      <PageTitle
        title={t('menu.calendar')}
        extra={
          <>
            <Select
              style={{ width: 120 }}
              loading={years.isPending}
              value={year}
              onChange={setChosen}
              options={known.map((y) => ({ value: y.year, label: `${y.year}` }))}
              data-testid="year-select"
            />
            {manage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setPublishing(true)}>
                {t('calendar.publish')}
              </Button>
            ) : null}
          </>
        }
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={12}>
          <Card size="small" style={{ height: '100%' }}>
            <div className="ow-legend">
              {KINDS.map((k) => (
                <span key={k}>
                  <span className={`ow-legend-swatch ow-day-${k}`} />
                  {t(`calendar.kind.${k}`)}
                </span>
              ))}
            </div>
            {summary ? (
              <div style={{ marginTop: 10 }}>
                <Tag color="red">
                  {t('calendar.holidayDays')}: {summary.holidayDays}
                </Tag>
                <Tag color="orange">
                  {t('calendar.makeupDays')}: {summary.makeupDays}
                </Tag>
                <Tag>
                  {t('calendar.source')}: {summary.source}
                </Tag>
              </div>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <WorkdayCalculator today={today} />
        </Col>
      </Row>
      {years.isPending || detail.isPending ? (
        year === undefined && !years.isPending ? (
          <Empty description={t('calendar.noYears')} />
        ) : (
          <Spin />
        )
      ) : detail.isError ? (
        <LoadError error={detail.error} onRetry={() => detail.refetch()} />
      ) : (
        <div className="ow-months" data-testid="calendar-months">
          {MONTHS.map((month) => (
            <MonthGrid
              key={month}
              year={year as number}
              month={month}
              days={days}
              today={today}
              labels={{
                makeup: t('calendar.kind.makeup'),
                weekdays,
                month:
                  lang === 'en-US'
                    ? new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en-GB', {
                        month: 'long',
                        timeZone: 'UTC',
                      })
                    : t('calendar.month', { m: month }),
                holiday: (name) => (lang === 'en-US' ? (HOLIDAYS_EN[name] ?? name) : name),
              }}
              onDayClick={manage ? setEditingDay : undefined}
            />
          ))}
        </div>
      )}
      {publishing ? (
        <PublishYearDrawer
          defaultYear={(known[known.length - 1]?.year ?? thisYear) + 1}
          onClose={() => setPublishing(false)}
          onPublished={(y) => setChosen(y)}
        />
      ) : null}
      {editingDay ? <DayModal day={editingDay} onClose={() => setEditingDay(null)} /> : null}
    </div>
  );
}
