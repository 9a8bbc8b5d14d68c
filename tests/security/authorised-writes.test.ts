import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAILS, get, hasPostgres, postForm, signIn, startServer, type TestServer } from './server';

/**
 * Writes that must stay with whoever may make them, tried over HTTP as a signed-in person would try
 * them by editing a form or a file. (The JSON API under /api/v1 only reads: it has no write to try.)
 */
describe.skipIf(!hasPostgres)('authorised writes (PostgreSQL)', () => {
	let server: TestServer;
	let db: pg.Client;
	const one = async <T>(text: string, values: unknown[] = []): Promise<T> => (await db.query(text, values)).rows[0] as T;

	beforeAll(async () => {
		server = await startServer({ database: 'postgres' });
		db = new pg.Client({ connectionString: server.databaseUrl });
		await db.connect();
	});
	afterAll(async () => {
		await db?.end();
		await server?.stop();
	});

	/**
	 * In the demo's open period: an item not reported yet (one the reporter is responsible for, unless
	 * `anyItem`), and the indicator "Sjukfrånvaro bland medarbetare" (6,1) on an item the reporter is not responsible for.
	 */
	async function reporterAndForeignIndicator({ anyItem = false } = {}) {
		const { person } = await one<{ person: string }>(`select person_id as person from accounts where email = $1`, [DEMO_EMAILS.reporter]);
		const responsible = (param: string) => `select nr.node_id from node_responsibles nr
			where nr.person_id = ${param} or nr.role_title_id in (select role_title_id from role_title_holders where person_id = ${param})`;
		const foreign = await one<{ indicator: string; node: string; plan: string }>(
			`select i.id as indicator, n.id as node, n.plan_id as plan from indicators i join nodes n on n.id = i.node_id
			where i.name = 'Sjukfrånvaro bland medarbetare' and n.id not in (${responsible('$1')})`,
			[person]
		);
		const period = await one<{ id: string }>(`select id from periods where plan_id = $1 and closed_at is null`, [foreign.plan]);
		const own = await one<{ id: string }>(
			`select n.id from nodes n join levels l on l.id = n.level_id
			where n.plan_id = $1 and l.follow_up = 'status' and (${anyItem} or n.id in (${responsible('$2::uuid')})) and n.id <> $4
			and not exists (select 1 from follow_ups f where f.node_id = n.id and f.period_id = $3::uuid)
			order by n.title limit 1`,
			[foreign.plan, person, period.id, foreign.node]
		);
		const status = await one<{ id: string }>(`select id from scale_values where kind = 'status' and not retired order by position limit 1`);
		expect(foreign && period && own && status).toBeTruthy();
		const outcome = async () =>
			Number((await one<{ value: string }>(`select value from measurements where indicator_id = $1 and period_id = $2`, [foreign.indicator, period.id])).value);
		const reported = async () => (await db.query(`select 1 from follow_ups where node_id = $1 and period_id = $2`, [own.id, period.id])).rowCount;
		return { planId: foreign.plan, ownNodeId: own.id, foreignIndicator: foreign.indicator, periodId: period.id, statusId: status.id, outcome, reported };
	}

	it('refuses an outcome for another item\'s indicator posted with the reporter\'s own item, on the item page and on Att rapportera', async () => {
		const cookie = await signIn(server, DEMO_EMAILS.reporter);
		const { planId, ownNodeId, foreignIndicator, periodId, statusId, outcome, reported } = await reporterAndForeignIndicator();
		expect(await outcome()).toBe(6.1);
		const report = { periodId, statusId, comment: 'Pågår enligt plan.', [`value.${foreignIndicator}`]: '99' };

		const onItemPage = await postForm(server, `/plans/${planId}/nodes/${ownNodeId}?/report`, report, cookie);
		expect(onItemPage.status).toBe(400);
		expect(await onItemPage.text()).toContain('hör inte till den här punkten');
		const onDueList = await postForm(server, '/att-rapportera?/save', { ...report, planId, nodeId: ownNodeId }, cookie);
		expect(onDueList.status).toBe(400);
		expect(await outcome()).toBe(6.1);
		expect(await reported()).toBe(0);

		// The same report without the foreign value is the reporter's to make: the refusal was the indicator.
		const { [`value.${foreignIndicator}`]: _foreign, ...own } = report;
		expect((await postForm(server, `/plans/${planId}/nodes/${ownNodeId}?/report`, own, cookie)).status).toBe(303);
		expect(await reported()).toBe(1);
	});

	it('refuses the same from a planner, who may report every item but only an item\'s own indicators with it', async () => {
		const cookie = await signIn(server, DEMO_EMAILS.planner);
		const { planId, ownNodeId, foreignIndicator, periodId, statusId, outcome } = await reporterAndForeignIndicator({ anyItem: true });
		const response = await postForm(server, '/att-rapportera?/save', { planId, nodeId: ownNodeId, periodId, statusId, [`value.${foreignIndicator}`]: '99' }, cookie);
		expect(response.status).toBe(400);
		expect(await outcome()).toBe(6.1);
	});

	/** The plans page's JSON import, as the browser sends it. */
	function importJson(file: Buffer, ownerUnitId: string, cookie: string) {
		const form = new FormData();
		form.set('file', new Blob([new Uint8Array(file)], { type: 'application/json' }), 'plan.json');
		form.set('ownerUnitId', ownerUnitId);
		return fetch(`${server.baseURL}/plans?/importJson`, { method: 'POST', redirect: 'manual', headers: { origin: server.baseURL, accept: 'text/html', cookie }, body: form });
	}

	async function exported(title: string, cookie: string) {
		const { id } = await one<{ id: string }>(`select id from plans where title = $1`, [title]);
		const response = await get(server, `/plans/${id}/export?format=json`, cookie);
		expect(response.status).toBe(200);
		return Buffer.from(await response.arrayBuffer());
	}

	it('makes a planner\'s JSON import of an adopted, published plan a draft without its adoption or periods', async () => {
		const cookie = await signIn(server, DEMO_EMAILS.planner);
		const file = await exported('Verksamhetsplan 2025', cookie);
		expect(JSON.parse(file.toString()).plan).toMatchObject({ state: 'adopted', adoption: { registryNumber: 'Dnr 2025/104' } });
		const { id: owner } = await one<{ id: string }>(`select id from units where name = 'Utbildningsförvaltningen'`);
		const response = await importJson(file, owner, cookie);
		expect(response.status).toBe(303);
		const planId = /\/plans\/([0-9a-f-]{36})$/.exec(response.headers.get('location') ?? '')?.[1];
		const plan = await one<Record<string, unknown>>(`select state, adopted_by, adopted_on, registry_number, published_at from plans where id = $1`, [planId]);
		expect(plan).toEqual({ state: 'draft', adopted_by: null, adopted_on: null, registry_number: null, published_at: null });
		expect((await db.query(`select 1 from periods where plan_id = $1`, [planId])).rowCount).toBe(0);
	});

	it('refuses a planner\'s JSON import that would add a board, naming it, with nothing written', async () => {
		const cookie = await signIn(server, DEMO_EMAILS.planner);
		const document = JSON.parse((await exported('Utbildningsförvaltningens verksamhetsplan 2025', cookie)).toString());
		const withBoards = (function find(nodes: { boards: unknown[]; children: never[] }[]): { boards: unknown[] } | undefined {
			for (const node of nodes) {
				if (node.boards.length) return node;
				const inner = find(node.children);
				if (inner) return inner;
			}
		})(document.tree)!;
		withBoards.boards.push({ id: 'x', name: 'Kulturnämnden', shortName: 'KuN' });
		const { id: owner } = await one<{ id: string }>(`select id from units where name = 'Utbildningsförvaltningen'`);
		const plans = async () => (await db.query(`select 1 from plans`)).rowCount;
		const before = await plans();
		const response = await importJson(Buffer.from(JSON.stringify(document)), owner, cookie);
		expect(response.status).toBe(400);
		expect(await response.text()).toContain('din roll inte får lägga till: nämnden "Kulturnämnden".');
		expect(await plans()).toBe(before);
		expect((await db.query(`select 1 from units where name = 'Kulturnämnden'`)).rowCount).toBe(0);
	});

	it("keeps a school's rektor out of another school's draft: no reading, no item added, no report, nothing written", async () => {
		const cookie = await signIn(server, DEMO_EMAILS.rektor);
		const other = await one<{ id: string }>(`select id from plans where title = 'Verksamhetsplan 2025 – Lindskolan 7–9' and state = 'draft'`);
		const item = await one<{ id: string; level: string }>(
			`select n.id, n.level_id as level from nodes n where n.plan_id = $1 and n.source_node_id is null order by n.title limit 1`,
			[other.id]
		);
		const period = await one<{ id: string }>(`select id from periods where plan_id = $1 and closed_at is null`, [other.id]);
		const status = await one<{ id: string }>(`select id from scale_values where kind = 'status' and not retired order by position limit 1`);
		const counts = async () => one<{ nodes: number; reports: number }>(
			`select (select count(*)::int from nodes where plan_id = $1) as nodes, (select count(*)::int from follow_ups where plan_id = $1) as reports`,
			[other.id]
		);
		const before = await counts();

		for (const pathname of [`/plans/${other.id}`, `/plans/${other.id}/nodes/${item.id}`, `/plans/${other.id}/export?format=json`, `/api/v1/plans/${other.id}`]) {
			expect((await get(server, pathname, cookie)).status, pathname).toBe(403);
		}
		const added = await postForm(server, `/plans/${other.id}/nodes/new?level=${item.level}`, { title: 'Inte min skola', ref: '' }, cookie);
		expect(added.status).toBe(403);
		const reported = await postForm(server, `/plans/${other.id}/nodes/${item.id}?/report`, { periodId: period.id, statusId: status.id, comment: 'Inte min skola' }, cookie);
		expect(reported.status).toBe(403);
		const onList = await postForm(server, '/att-rapportera?/save', { planId: other.id, nodeId: item.id, periodId: period.id, statusId: status.id, comment: 'Inte min skola' }, cookie);
		expect(onList.status).toBe(403);
		expect(await counts()).toEqual(before);
	});
});
