import { CronExpressionParser } from 'cron-parser';
import { JOB_TIME_ZONE } from './job-definition';

/** When a cron expression (Swedish time) next fires after `now`. */
export function nextRun(cron: string, now = new Date()): Date {
	return CronExpressionParser.parse(cron, { tz: JOB_TIME_ZONE, currentDate: now }).next().toDate();
}
