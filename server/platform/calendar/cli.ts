import { InvalidArgumentError } from 'commander';
import { isAppError } from '../errors.ts';
// Type only: cli.ts runs the program when it loads, so a runtime import back into it would be a cycle.
import type { CommandRegistrar } from '../module.ts';
import { getWorkCalendar, type WorkCalendar } from './index.ts';

/** Parses a count of working days: a whole number from 0 to 2000. */
function parseCount(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 2000) throw new InvalidArgumentError('需为 0 到 2000 之间的整数');
  return n;
}

/** `npx onewindow workdays add|between`: deadline arithmetic on the published calendar. */
export const registerWorkdaysCommands: CommandRegistrar = (program, withPlatform) => {
  // Prints the result, or the unpublished year in Chinese with its code and a non-zero exit.
  const compute = (work: (calendar: WorkCalendar) => string | number) =>
    withPlatform(async (platform) => {
      const calendar = await getWorkCalendar(platform.db);
      try {
        console.log(String(work(calendar)));
      } catch (err) {
        if (!isAppError(err, 'CALENDAR_YEAR_NOT_PUBLISHED')) throw err;
        const { year } = err.details as { year: number };
        console.error(`${err.code}: ${err.message}（${year} 年）`);
        process.exitCode = 1;
      }
    });

  const workdays = program
    .command('workdays')
    .description('working days by the published holiday calendar (法定节假日与调休)');
  workdays
    .command('add')
    .description('the date <n> working days after <date> (counting starts the next day)')
    .argument('<date>', 'start date, YYYY-MM-DD')
    .argument('<n>', 'number of working days', parseCount)
    .action((date: string, n: number) => compute((calendar) => calendar.addWorkdays(date, n)));
  workdays
    .command('between')
    .description('working days after <from> up to and including <to>')
    .argument('<from>', 'start date, YYYY-MM-DD (not counted)')
    .argument('<to>', 'end date, YYYY-MM-DD (counted)')
    .action((from: string, to: string) => compute((calendar) => calendar.workdaysBetween(from, to)));
};
