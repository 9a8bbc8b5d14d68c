import { isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { tenants } from '../db/schema';
import { errorForLog, logger } from '../app/logger';
import { isDemoMode } from '../app/runtime';
import { DEMO_TENANT } from '../demo/demo-content';
import { systemContext } from '../shared/context';
import { koladaSource } from './kolada-http';
import { syncValues } from './sync-values';

/** The hour (Swedish time) from which the night's sync may run, and how often the server looks. */
const HOUR = 3;
const CHECK_MINUTES = 30;

const stockholm = (now: Date) => {
	const parts = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).formatToParts(now);
	const part = (type: string) => parts.find((candidate) => candidate.type === type)!.value;
	return { day: `${part('year')}-${part('month')}-${part('day')}`, hour: Number(part('hour')) };
};

/**
 * One pass of the nightly sync: after 03:00 Swedish time, every organisation that has a
 * municipality chosen gets the day's sync — once, however many servers run this (the day is
 * claimed by a unique key in `kolada_syncs` before any fetching). A failure is logged and left for
 * the next night (and the admin page shows it); it never stops the server. Returns the organisations synced.
 * In demo mode the demo organisation is left out: its figures are recorded (its code 1280 is the
 * fictional Exempelkommun's, Malmö's in the real Kolada) and must not be overwritten by live ones.
 */
export async function runNightlySync(db: Db, now = new Date(), options: { demoMode?: boolean } = {}): Promise<number> {
	const { day, hour } = stockholm(now);
	if (hour < HOUR) return 0;
	const skipped = (options.demoMode ?? isDemoMode()) ? DEMO_TENANT.slug : null;
	let synced = 0;
	for (const tenant of await db.select({ id: tenants.id, slug: tenants.slug }).from(tenants).where(isNotNull(tenants.municipalityCode))) {
		if (tenant.slug === skipped) continue;
		try {
			const summary = await syncValues(db, systemContext(tenant.id, 'kolada'), koladaSource(), 'scheduled', { scheduledFor: day });
			if (summary) {
				synced++;
				logger.info({ tenant: tenant.slug, filled: summary.filled + summary.updated, kept: summary.kept, failed: summary.failed }, 'Kolada: nightly sync');
			}
		} catch (thrown) {
			logger.warn({ tenant: tenant.slug, err: errorForLog(thrown) }, 'Kolada: nightly sync failed');
		}
	}
	return synced;
}

/**
 * Starts the in-process schedule (until the year's rhythm brings a job runner): a check every half
 * hour. Off with KOLADA_SCHEDULE=off (the test servers, or a site that syncs from the CLI's cron).
 */
export function startKoladaSchedule(getDb: () => Db, env: NodeJS.ProcessEnv = process.env): () => void {
	if (env.KOLADA_SCHEDULE === 'off') return () => {};
	let running = false;
	const tick = async () => {
		if (running) return;
		running = true;
		try {
			await runNightlySync(getDb());
		} catch (thrown) {
			logger.warn({ err: errorForLog(thrown) }, 'Kolada: schedule check failed');
		} finally {
			running = false;
		}
	};
	const timer = setInterval(() => void tick(), CHECK_MINUTES * 60_000);
	timer.unref();
	return () => clearInterval(timer);
}
