import { isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { tenants } from '../db/schema';
import { errorForLog, logger } from '../app/logger';
import { isDemoMode } from '../app/runtime';
import { DEMO_TENANT } from '../demo/demo-content';
import { systemContext } from '../shared/context';
import { swedishToday } from '../shared/calendar-date';
import { koladaSource } from './kolada-http';
import { syncValues } from './sync-values';

/** The hour (Swedish time) from which the night's sync may run (the job runner starts it then). */
const HOUR = 3;

/** The day (Swedish date) and hour in Sweden at `now`. */
const stockholm = (now: Date) => ({
	day: swedishToday(now),
	hour: Number(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', hourCycle: 'h23' }).format(now))
});

/** The organisations the nightly sync is for: those with a municipality chosen, but the demo's in demo mode (see runNightlySync). */
export async function koladaTenants(db: Db, demoMode = isDemoMode()): Promise<string[]> {
	const skipped = demoMode ? DEMO_TENANT.slug : null;
	const rows = await db.select({ id: tenants.id, slug: tenants.slug }).from(tenants).where(isNotNull(tenants.municipalityCode));
	return rows.filter((tenant) => tenant.slug !== skipped).map((tenant) => tenant.id);
}

/**
 * The night's sync for one organisation: from 03:00 Swedish time, once a day — the day is claimed by a
 * unique key in `kolada_syncs` before any fetching, so a retry or a second server finds it taken
 * (summary null). Per indicator failures are in the summary's `failed` and the sync log. `byHand` (the
 * jobs page's "Kör nu", the CLI): at once, whatever the hour, and no day claimed (as "Hämta nu").
 */
export async function syncKoladaTonight(db: Db, tenantId: string, now = new Date(), { byHand = false } = {}): Promise<Record<string, number>> {
	const { day, hour } = stockholm(now);
	if (!byHand && hour < HOUR) return { skipped: 1 };
	const ctx = systemContext(tenantId, 'kolada');
	const summary = byHand ? await syncValues(db, ctx, koladaSource(), 'manual') : await syncValues(db, ctx, koladaSource(), 'scheduled', { scheduledFor: day });
	if (!summary) return { alreadyRun: 1 };
	return { filled: summary.filled + summary.updated, kept: summary.kept, failed: summary.failed };
}

/**
 * One pass of the nightly sync over every organisation (the job runner runs syncKoladaTonight per
 * organisation instead; this is the same work in one call). A failure is logged and left for the
 * next night. Returns the organisations synced. In demo mode the demo organisation is left out: its
 * figures are recorded (its code 1280 is the fictional Exempelkommun's, Malmö's in the real Kolada)
 * and must not be overwritten by live ones.
 */
export async function runNightlySync(db: Db, now = new Date(), options: { demoMode?: boolean } = {}): Promise<number> {
	let synced = 0;
	for (const tenantId of await koladaTenants(db, options.demoMode ?? isDemoMode())) {
		try {
			const summary = await syncKoladaTonight(db, tenantId, now);
			if ('filled' in summary) {
				synced++;
				logger.info({ tenantId, ...summary }, 'Kolada: nightly sync');
			}
		} catch (thrown) {
			logger.warn({ tenantId, err: errorForLog(thrown) }, 'Kolada: nightly sync failed');
		}
	}
	return synced;
}
