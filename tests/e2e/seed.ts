import { addPeriod } from '../../src/lib/server/follow-up/manage-periods';
import { listScale } from '../../src/lib/server/follow-up/scales';
import { openDatabase } from '../../src/lib/server/db/client';
import { migrateDatabase } from '../../src/lib/server/db/migrate';
import { loadDemo } from '../../src/lib/server/demo/load-demo';
import { createTenant } from '../../src/lib/server/organisation/create-tenant';
import { listUnits } from '../../src/lib/server/organisation/organisation-repository';
import { createFramework } from '../../src/lib/server/frameworks/create-framework';
import { createPlan } from '../../src/lib/server/plans/create-plan';
import { addNode } from '../../src/lib/server/plans/add-node';
import { saveChapter } from '../../src/lib/server/plans/save-chapter';
import { addIndicator } from '../../src/lib/server/indicators/add-indicator';
import { addAccount } from '../../src/lib/server/identity/add-account';
import { createApiToken } from '../../src/lib/server/identity/api-tokens';
import { systemContext } from '../../src/lib/server/shared/context';
import { setEmailDomains } from '../../src/lib/server/organisation/set-email-domains';
import { createCycle } from '../../src/lib/server/cycle/create-cycle';
import { saveCycleEvent } from '../../src/lib/server/cycle/save-cycle-event';
import { swedishToday } from '../../src/lib/server/shared/calendar-date';
import { adoptPlan } from '../../src/lib/server/plans/adopt-plan';
import { setPlanPublished } from '../../src/lib/server/plans/publish-plan';
import { holdRoleTitle } from '../../src/lib/server/identity/hold-role-title';
import { DEMO_PASSWORD, LOCKED_EMAIL } from '../server-process';
import { generatePlan } from '../../bench/generate-plan';

/** Ids of a second organisation's things: every one must be invisible to Exempelkommun's people. */
export interface ForeignIds {
	tenantId: string;
	planId: string;
	nodeId: string;
	chapterId: string;
	frameworkId: string;
	levelId: string;
	indicatorId: string;
	unitId: string;
	accountId: string;
	personId: string;
	token: string;
	periodId: string;
	scaleValueId: string;
	cycleId: string;
	eventId: string;
}

/** Fills the data directory before the server opens it: the demo, and a second organisation. */
export async function seed(dataDir: string): Promise<ForeignIds> {
	const database = await openDatabase({ dataDir });
	try {
		await migrateDatabase(database);
		const demo = await loadDemo(database.db);
		const db = database.db;
		// An account of the demo's that the sign-in test locks on purpose, so no other test's sign-in meets the lock.
		await addAccount(db, systemContext(demo.tenant.id, 'seed'), { email: LOCKED_EMAIL, name: 'Lås Provsson', role: 'reader', password: DEMO_PASSWORD });
		const tenant = await createTenant(db, 'seed', { slug: 'norrby', name: 'Norrby kommun' });
		const ctx = systemContext(tenant.id, 'seed');
		const [top] = await listUnits(db, tenant.id);
		const framework = await createFramework(db, ctx, { name: 'Norrbys modell', preset: 'enkel' });
		const plan = await createPlan(db, ctx, { title: 'Norrbys plan', kind: 'verksamhetsplan', periodKind: 'calendar_year', startYear: 2026, ownerUnitId: top.id, frameworkId: framework.id });
		const goal = await addNode(db, ctx, plan.id, { levelId: framework.levels[0].id, title: 'Norrbys mål' });
		const chapterId = await saveChapter(db, ctx, plan.id, null, { title: 'Norrbys förord' });
		const indicatorId = await addIndicator(db, ctx, plan.id, goal.id, { name: 'Norrbys indikator', kind: 'number' });
		const account = await addAccount(db, ctx, { email: 'admin@norrby.se', name: 'Norrbys admin', role: 'admin', password: 'norrby-losenord-2026' });
		const { token } = await createApiToken(db, ctx, { name: 'Norrbys nyckel' });
		const periodId = await addPeriod(db, ctx, plan.id, { name: 'Norrbys delår', asOf: '2026-04-30', dueOn: '2026-05-15' });
		const [status] = await listScale(db, tenant.id, 'status');
		const cycleId = await createCycle(db, ctx, { periodKind: 'calendar_year', startYear: 2026 });
		const eventId = await saveCycleEvent(db, ctx, cycleId, { name: 'Norrbys delår', kind: 'follow_up', startsOn: '2026-04-30', endsOn: '2026-05-15', planIds: [plan.id] });
		// An organisation with nothing but its administrator: what a new customer starts from (first steps).
		const empty = await createTenant(db, 'seed', { slug: 'tomby', name: 'Tomby kommun' });
		await addAccount(db, systemContext(empty.id, 'seed'), { email: 'admin@tomby.se', name: 'Tomas Tom', role: 'admin', password: 'tomby-losenord-2026' });
		// An organisation of its own for the Kolada tests (a sync fills every linked indicator of the organisation it runs for).
		const kolby = await createTenant(db, 'seed', { slug: 'kolby', name: 'Kolby kommun' });
		const kolbyCtx = systemContext(kolby.id, 'seed');
		const [kolbyTop] = await listUnits(db, kolby.id);
		const kolbyModel = await createFramework(db, kolbyCtx, { name: 'Kolbys modell', preset: 'enkel' });
		const kolbyPlan = await createPlan(db, kolbyCtx, { title: 'Kolbys plan 2025', kind: 'verksamhetsplan', periodKind: 'calendar_year', startYear: 2025, ownerUnitId: kolbyTop.id, frameworkId: kolbyModel.id });
		await addNode(db, kolbyCtx, kolbyPlan.id, { levelId: kolbyModel.levels[0].id, title: 'Fler elever blir behöriga till gymnasiet' });
		await addPeriod(db, kolbyCtx, kolbyPlan.id, { name: 'Helår 2025', asOf: '2025-12-31', dueOn: '2026-01-31' });
		await addAccount(db, kolbyCtx, { email: 'admin@kolby.se', name: 'Karl Kolby', role: 'admin', password: 'kolby-losenord-2026' });
		// An organisation of its own for the annual cycle's test (its follow-ups open periods in every plan they concern).
		const hjulby = await createTenant(db, 'seed', { slug: 'hjulby', name: 'Hjulby kommun' });
		const hjulbyCtx = systemContext(hjulby.id, 'seed');
		const [hjulbyTop] = await listUnits(db, hjulby.id);
		const hjulbyModel = await createFramework(db, hjulbyCtx, { name: 'Hjulbys modell', preset: 'enkel' });
		for (const title of ['Hjulbys verksamhetsplan', 'Hjulbys kvalitetsplan']) {
			await createPlan(db, hjulbyCtx, { title, kind: 'verksamhetsplan', periodKind: 'calendar_year', startYear: 2025, ownerUnitId: hjulbyTop.id, frameworkId: hjulbyModel.id });
		}
		await addAccount(db, hjulbyCtx, { email: 'admin@hjulby.se', name: 'Hanna Hjul', role: 'admin', password: 'hjulby-losenord-2026' });
		// An organisation of its own for the SAML test (its administrator sets up the IdP; new people arrive through it).
		const samlby = await createTenant(db, 'seed', { slug: 'samlby', name: 'Samlby kommun' });
		await addAccount(db, systemContext(samlby.id, 'seed'), { email: 'admin@samlby.se', name: 'Sam Saml', role: 'admin', password: 'samlby-losenord-2026' });
		// An organisation of its own for the calendar feeds' test: a published plan, this year's cycle (one event
		// public), a reporter (by role title) with an item to report in an open period and a deadline.
		const kalendby = await createTenant(db, 'seed', { slug: 'kalendby', name: 'Kalendby kommun' });
		const kalendbyCtx = systemContext(kalendby.id, 'seed');
		const [kalendbyTop] = await listUnits(db, kalendby.id);
		const kalendbyModel = await createFramework(db, kalendbyCtx, { name: 'Kalendbys modell', preset: 'enkel' });
		const calendarYear = new Date().getFullYear();
		const kalendbyPlan = await createPlan(db, kalendbyCtx, { title: 'Kalendbys plan', kind: 'verksamhetsplan', periodKind: 'calendar_year', startYear: calendarYear, ownerUnitId: kalendbyTop.id, frameworkId: kalendbyModel.id });
		const kalendbyGoal = await addNode(db, kalendbyCtx, kalendbyPlan.id, { levelId: kalendbyModel.levels[0].id, title: 'Alla elever läser' });
		await addNode(db, kalendbyCtx, kalendbyPlan.id, { levelId: kalendbyModel.levels[1].id, parentId: kalendbyGoal.id, title: 'Läsfixare i åk 1', values: { responsible: 'Läsutvecklare', deadline: 'December' } });
		await adoptPlan(db, kalendbyCtx, kalendbyPlan.id, { adoptedBy: 'Nämnden', adoptedOn: `${calendarYear}-01-20` });
		await setPlanPublished(db, kalendbyCtx, kalendbyPlan.id, true);
		await addPeriod(db, kalendbyCtx, kalendbyPlan.id, { name: 'Delår 1', asOf: `${calendarYear}-04-30`, dueOn: `${calendarYear}-05-15` });
		const kalendbyCycle = await createCycle(db, kalendbyCtx, { periodKind: 'calendar_year', startYear: calendarYear });
		await saveCycleEvent(db, kalendbyCtx, kalendbyCycle, { name: 'Kalendbys nämnd', kind: 'board_meeting', startsOn: `${calendarYear}-02-12`, planIds: [kalendbyPlan.id], isPublic: 'true' });
		await saveCycleEvent(db, kalendbyCtx, kalendbyCycle, { name: 'Kalendbys analysdagar', kind: 'analysis', startsOn: `${calendarYear}-05-10`, endsOn: `${calendarYear}-05-20`, planIds: [kalendbyPlan.id] });
		const kalendbyReporter = await addAccount(db, kalendbyCtx, { email: 'rapportor@kalendby.se', name: 'Rut Rapportör', role: 'reporter', password: 'kalendby-losenord-2026' });
		await holdRoleTitle(db, kalendbyCtx, kalendbyReporter.personId, 'Läsutvecklare', true);
		await addAccount(db, kalendbyCtx, { email: 'admin@kalendby.se', name: 'Kalle Kalend', role: 'admin', password: 'kalendby-losenord-2026' });
		// An organisation of its own for the reminders' test: a period due in three days, an item unreported by each of two reporters.
		const paminby = await createTenant(db, 'seed', { slug: 'paminby', name: 'Påminby kommun' });
		const paminbyCtx = systemContext(paminby.id, 'seed');
		const [paminbyTop] = await listUnits(db, paminby.id);
		const paminbyModel = await createFramework(db, paminbyCtx, { name: 'Påminbys modell', preset: 'enkel' });
		const today = swedishToday();
		const paminbyPlan = await createPlan(db, paminbyCtx, { title: 'Påminbys plan', kind: 'verksamhetsplan', periodKind: 'calendar_year', startYear: Number(today.slice(0, 4)), ownerUnitId: paminbyTop.id, frameworkId: paminbyModel.id });
		const paminbyGoal = await addNode(db, paminbyCtx, paminbyPlan.id, { levelId: paminbyModel.levels[0].id, title: 'Påminbys mål' });
		await addAccount(db, paminbyCtx, { email: 'admin@paminby.se', name: 'Paula Påminby', role: 'admin', password: 'paminby-losenord-2026' });
		for (const [first, activity] of [['Rut', 'Läsfixare i Påminby'], ['Rolf', 'Skolgården i Påminby']]) {
			const reporter = await addAccount(db, paminbyCtx, { email: `${first.toLowerCase()}@paminby.se`, name: `${first} Rapportör`, role: 'reporter', password: 'paminby-losenord-2026' });
			await addNode(db, paminbyCtx, paminbyPlan.id, { levelId: paminbyModel.levels[1].id, parentId: paminbyGoal.id, title: activity, values: { responsible: { roles: [], people: [reporter.personId] } } });
		}
		await addPeriod(db, paminbyCtx, paminbyPlan.id, { name: 'Påminbys delår', asOf: today, dueOn: swedishToday(new Date(Date.now() + 3 * 86_400_000)) });
		// An organisation of its own for the whole plan's test: a 500-item plan (the bench's shape), streamed in many pieces.
		const storby = await createTenant(db, 'seed', { slug: 'storby', name: 'Storby kommun' });
		const storbyCtx = systemContext(storby.id, 'seed');
		await generatePlan(db, storbyCtx, 500);
		await addAccount(db, storbyCtx, { email: 'admin@storby.se', name: 'Stina Stor', role: 'admin', password: 'storby-losenord-2026' });
		// Sign-in by e-mail domain: each its own, and one both name (whose people must give the organisation's address).
		await setEmailDomains(db, ctx, { domains: 'norrby.se, grannar.se' });
		await setEmailDomains(db, systemContext(empty.id, 'seed'), { domains: 'tomby.se, grannar.se' });
		return {
			tenantId: tenant.id,
			planId: plan.id,
			nodeId: goal.id,
			chapterId,
			frameworkId: framework.id,
			levelId: framework.levels[0].id,
			indicatorId,
			unitId: top.id,
			accountId: account.id,
			personId: account.personId,
			token,
			periodId,
			scaleValueId: status.id,
			cycleId,
			eventId
		};
	} finally {
		await database.close();
	}
}
