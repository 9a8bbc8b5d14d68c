import { beforeAll, describe, expect, inject, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { expectAccessible, pickUnit, scriptsReady, useBrowser, visit } from './support';

const browser = useBrowser();

interface PlanSummary {
	id: string;
	title: string;
	state: string;
}

let apiToken = '';
async function api<T>(path: string, token = apiToken): Promise<{ status: number; body: T }> {
	const response = await fetch(`${browser.baseURL()}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
	return { status: response.status, body: (await response.json()) as T };
}

beforeAll(async () => {
	// Integrations use a token an administrator creates; the tests do the same, through the page for it.
	const page = await browser.signedIn('admin');
	await page.goto('/admin/tokens');
	await page.getByLabel('Namn').fill('E2E');
	await page.getByRole('button', { name: 'Skapa nyckel' }).click();
	apiToken = (await page.locator('#new-token').textContent())!.trim();
	await page.context().close();
});

describe('the demo organisation, as a new user finds it', () => {
	it('opens in Swedish on Exempelkommun and every page is accessible', async () => {
		const page = await browser.signedIn('admin');
		await visit(page, '/');
		expect(await page.locator('html').getAttribute('lang')).toBe('sv');
		// The start page greets the person signed in (the administrator of the demo).
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Hej Maria Sundin');
		expect(await page.locator('header').textContent()).toContain('Exempelkommun');

		const { body: plans } = await api<PlanSummary[]>('/api/v1/plans');
		const DEMO_PLANS = ['Lokal utvecklingsplan Norrskolan 2025/26', 'Utbildningsförvaltningens verksamhetsplan 2025', 'Utvecklingsplan läsåret 2025/26', 'Verksamhetsplan 2025'];
		expect(plans.map((plan) => plan.title)).toEqual(expect.arrayContaining(DEMO_PLANS));
		for (const plan of plans) {
			await visit(page, `/plans/${plan.id}`);
			expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(plan.title);
			// Other tests in the suite add plans of their own, some empty on purpose; the demo's plans all have items.
			const items = page.locator('.outline a.title');
			if (DEMO_PLANS.includes(plan.title)) expect(await items.count(), plan.title).toBeGreaterThan(0);
			if (!(await items.count())) continue;
			await items.first().click();
			await expectAccessible(page);
		}
		// The level names are the organisation's own.
		const perspective = plans.find((plan) => plan.title === 'Utbildningsförvaltningens verksamhetsplan 2025')!;
		await page.goto(`/plans/${perspective.id}`);
		const badges = await page.locator('.outline .item .head > .badge:first-child').allTextContents();
		expect(new Set(badges)).toEqual(new Set(['Perspektiv', 'Kommunövergripande mål', 'Nämndmål', 'Strategiskt utvecklingsuppdrag', 'Aktivitet']));
		expect(await page.locator('.outline').textContent()).toContain('Kopplad hit');

		// An item with indicators, in edit mode (a draft plan).
		await page.getByRole('link', { name: 'Hållbart medarbetarskap', exact: true }).click();
		expect(await page.getByRole('table').first().textContent()).toContain('≤ 6 %');
		await expectAccessible(page);

		await visit(page, '/frameworks');
		for (const href of await page.locator('main table a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!))) {
			await visit(page, href);
		}
		await page.goto(`/plans/${perspective.id}`);
		await page.getByRole('link', { name: /^Redigera/ }).first().click();
		await expectAccessible(page);
		await page.goto(`/plans/${perspective.id}/edit`);
		await expectAccessible(page);
	});

	it('lets an administrator add a unit, and shows the accessibility statement', async () => {
		const page = await browser.signedIn('admin');
		await visit(page, '/organisation');
		await scriptsReady(page);
		const form = page.locator('form[action="?/add"]');
		// The parent is picked from every unit with the unit picker (a combobox once the scripts run).
		await pickUnit(form, 'Ligger under', 'Exempelkommun (Kommun)');
		await form.getByLabel('Typ', { exact: true }).selectOption({ label: 'Nämnd' });
		await form.getByLabel('Namn', { exact: true }).fill('Kultur- och fritidsnämnden');
		await form.getByLabel('Förkortning').fill('KFN');
		await form.getByRole('button', { name: 'Lägg till enhet' }).click();
		await expect.poll(() => page.locator('tbody th').allTextContents()).toContain('Kultur- och fritidsnämnden');
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Tillgänglighet' }).click();
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Tillgänglighetsredogörelse');
		await expectAccessible(page);
	});

	it('speaks English on request, and keeps the choice', async () => {
		const page = await browser.signedIn('admin');
		await page.goto('/plans');
		await page.getByRole('button', { name: 'English' }).click();
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Plans');
		expect(await page.locator('html').getAttribute('lang')).toBe('en');
		await expectAccessible(page);
		await page.goto('/frameworks');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Steering models');
		await page.getByRole('button', { name: 'Svenska' }).click();
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Styrmodeller');
	});

	it('works by keyboard: the skip link leads to the content', async () => {
		const page = await browser.signedIn('admin');
		await page.goto('/plans');
		// Keys pressed while the page hydrates can land on the header the scripts are replacing (one CI run under load).
		await scriptsReady(page);
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hoppa till innehållet');
		await page.keyboard.press('Enter');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
	});

	it('answers unknown and malformed ids with a clear 404, never a crash', async () => {
		const page = await browser.signedIn('admin');
		for (const path of [`/plans/${randomUUID()}`, '/plans/inte-ett-id', `/plans/${randomUUID()}/nodes/${randomUUID()}`, '/frameworks/x']) {
			const response = await page.goto(path);
			expect(response?.status(), path).toBe(404);
			expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sidan hittades inte');
			await expectAccessible(page);
		}
		expect((await api(`/api/v1/plans/${randomUUID()}`)).status).toBe(404);
		expect((await api('/api/v1/plans/inte-ett-id')).body).toMatchObject({ error: { code: 'error_not_found' } });
	});
});

describe('the API', () => {
	it('describes itself, and its answers have what the description requires', async () => {
		const { status, body: spec } = await api<{ paths: Record<string, unknown>; components: { schemas: Record<string, { required: string[] }> } }>(
			'/api/v1/openapi.json'
		);
		expect(status).toBe(200);
		expect(Object.keys(spec.paths)).toEqual(['/plans', '/plans/{planId}', '/plans/{planId}/roll-up', '/units', '/kolada/kpis', '/kolada/syncs']);
		const required = (name: string) => spec.components.schemas[name].required;

		const { body: plans } = await api<Record<string, unknown>[]>('/api/v1/plans');
		for (const plan of plans) expect(Object.keys(plan)).toEqual(expect.arrayContaining(required('PlanSummary')));

		const adopted = plans.find((plan) => plan.title === 'Verksamhetsplan 2025')!;
		const { body: document } = await api<Record<string, unknown> & { tree: Record<string, unknown>[]; framework: { levels: Record<string, unknown>[] } }>(
			`/api/v1/plans/${adopted.id}`
		);
		expect(Object.keys(document)).toEqual(expect.arrayContaining(required('PlanDocument')));
		expect(document.plan).toMatchObject({ adoption: { registryNumber: 'Dnr 2025/104' } });
		for (const level of document.framework.levels) expect(Object.keys(level)).toEqual(expect.arrayContaining(required('Level')));
		const walk = (nodes: Record<string, unknown>[]): Record<string, unknown>[] =>
			nodes.flatMap((node) => [node, ...walk(node.children as Record<string, unknown>[])]);
		const nodes = walk(document.tree);
		expect(nodes.length).toBe(12);
		for (const node of nodes) expect(Object.keys(node)).toEqual(expect.arrayContaining(required('Node')));
		const indicators = nodes.flatMap((node) => node.indicators as Record<string, unknown>[]);
		expect(indicators.find((indicator) => indicator.koladaKpi === 'N15428')).toMatchObject({
			kind: 'percent',
			target: { kind: 'value', comparison: '>=', value: 85 },
			baseline: { value: 82.4, label: '2024' }
		});
		// Linked to Kolada's key figures and filled offline from the demo's recorded answers: in the open period, never in the closed one.
		const linked = indicators.filter((indicator) => indicator.koladaKpi);
		expect(linked.map((indicator) => indicator.koladaKpi).sort()).toEqual(['N15419', 'N15428', 'N15505', 'N15613']);
		const { periods, measurements } = document as unknown as { periods: { id: string; closed: boolean }[]; measurements: { indicatorId: string; periodId: string; value: number }[] };
		const filled = (indicator: Record<string, unknown>, closed: boolean) =>
			measurements.filter((measurement) => measurement.indicatorId === indicator.id && periods.find((period) => period.id === measurement.periodId)!.closed === closed);
		for (const indicator of linked) {
			expect(filled(indicator, false)).toHaveLength(1);
			expect(filled(indicator, true)).toHaveLength(0);
		}
	});

	it("gives the steering chain's roll-up to those who see the follow-up overview: the units' assessments, analyses and statuses per goal", async () => {
		type Unit = Record<string, unknown> & { unitName: string; assessment: { labelSv: string } | null; analysis: string; activities: number; reported: number; statuses: { labelSv: string; count: number }[] };
		type RollUp = Record<string, unknown> & { period: { id: string; name: string; closed: boolean }; goals: (Record<string, unknown> & { label: string; assessed: number; units: Unit[] })[] };
		const { body: spec } = await api<{ components: { schemas: Record<string, { required: string[]; properties: Record<string, { items: { required: string[]; properties: Record<string, { items: { required: string[] } }> } }> }> } }>('/api/v1/openapi.json');
		const schema = spec.components.schemas.RollUp;
		const { body: plans } = await api<PlanSummary[]>('/api/v1/plans');
		const adopted = plans.find((plan) => plan.title === 'Verksamhetsplan 2025')!;
		const { body: document } = await api<{ periods: { id: string; name: string; closed: boolean }[] }>(`/api/v1/plans/${adopted.id}`);
		const closed = document.periods.find((period) => period.closed)!;

		const planner = await browser.signedIn('planner');
		const current = await planner.request.get(`/api/v1/plans/${adopted.id}/roll-up`);
		expect(current.status()).toBe(200);
		const now = (await current.json()) as RollUp;
		expect(Object.keys(now)).toEqual(expect.arrayContaining(schema.required));
		expect(now.period).toMatchObject({ name: 'Delår 2 per 31 augusti', closed: false });

		// The closed period: the demo's schools assessed the goals sent to them, with their analyses and their work's statuses.
		const answer = (await (await planner.request.get(`/api/v1/plans/${adopted.id}/roll-up?period=${closed.id}`)).json()) as RollUp;
		expect(answer.period).toMatchObject({ id: closed.id, name: 'Delår 1 per 30 april', closed: true });
		const results = answer.goals.find((goal) => goal.label.includes('Höga kunskapsresultat'))!;
		expect(Object.keys(results)).toEqual(expect.arrayContaining(schema.properties.goals.items.required));
		for (const unit of results.units) expect(Object.keys(unit)).toEqual(expect.arrayContaining(schema.properties.goals.items.properties.units.items.required));
		expect(results.units.map((unit) => unit.unitName)).toEqual(expect.arrayContaining(['Ekbackens förskola', 'Lindskolan 7–9', 'Lindskolan F–6', 'Tallgymnasiet']));
		const lindskolan = results.units.find((unit) => unit.unitName === 'Lindskolan 7–9')!;
		expect(lindskolan).toMatchObject({ assessment: { labelSv: 'Ej uppfyllt' }, activities: 2, reported: 2 });
		expect(lindskolan.analysis).toContain('matematiken i åk 8');
		expect(lindskolan.statuses).toEqual([
			expect.objectContaining({ labelSv: 'Påbörjas under hösten', count: 1 }),
			expect.objectContaining({ labelSv: 'Pågående', count: 1 })
		]);
		await planner.context().close();

		// Not for a reader, nor for a token (it reads); another plan's or organisation's period is as if missing.
		const reader = await browser.signedIn('reader');
		expect((await reader.request.get(`/api/v1/plans/${adopted.id}/roll-up`)).status()).toBe(403);
		await reader.context().close();
		expect(await api(`/api/v1/plans/${adopted.id}/roll-up`)).toMatchObject({ status: 403, body: { error: { code: 'error_forbidden' } } });
		const admin = await browser.signedIn('admin');
		expect((await admin.request.get(`/api/v1/plans/${adopted.id}/roll-up?period=${inject('foreign').periodId}`)).status()).toBe(404);
		expect((await admin.request.get(`/api/v1/plans/${inject('foreign').planId}/roll-up`)).status()).toBe(404);
		expect((await admin.request.get(`/api/v1/plans/${randomUUID()}/roll-up`)).status()).toBe(404);
		await admin.context().close();
	});

	it("searches Kolada's key figures for whoever reads plans, and gives the log of syncs to administrators only", async () => {
		type Schema = { required: string[]; properties: Record<string, { items: { required: string[] } }> };
		const { body: spec } = await api<{ components: { schemas: Record<string, Schema> } }>('/api/v1/openapi.json');
		const { status, body: found } = await api<Record<string, unknown>[]>(`/api/v1/kolada/kpis?q=${encodeURIComponent('behöriga yrkesprogram')}`);
		expect(status).toBe(200);
		for (const kpi of found) expect(Object.keys(kpi).sort()).toEqual([...spec.components.schemas.KoladaKpi.required].sort());
		expect(found.find((kpi) => kpi.id === 'N15428')).toMatchObject({ operatingArea: 'Grundskola', hasOuData: true, isDividedByGender: true });
		expect((await api<{ id: string }[]>('/api/v1/kolada/kpis?q=n15505')).body.map((kpi) => kpi.id)).toEqual(['N15505']);
		expect((await api('/api/v1/kolada/kpis?q=ingetsådantnyckeltal')).body).toEqual([]);
		expect((await api('/api/v1/kolada/kpis')).body).toEqual([]);
		expect((await api<unknown[]>('/api/v1/kolada/kpis?q=elever&limit=3')).body).toHaveLength(3);
		expect(await api(`/api/v1/kolada/kpis?q=${'a'.repeat(201)}`)).toMatchObject({ status: 400, body: { error: { code: 'error_field_invalid', field: 'q' } } });
		expect(await api('/api/v1/kolada/kpis?q=elever&limit=1000')).toMatchObject({ status: 400, body: { error: { field: 'limit' } } });

		// The log: not for a token (it reads) nor a planner; an administrator finds the demo's sync with each indicator's outcome.
		expect(await api('/api/v1/kolada/syncs')).toMatchObject({ status: 403, body: { error: { code: 'error_forbidden' } } });
		const planner = await browser.signedIn('planner');
		expect((await planner.request.get('/api/v1/kolada/syncs')).status()).toBe(403);
		await planner.context().close();
		const admin = await browser.signedIn('admin');
		const answer = await admin.request.get('/api/v1/kolada/syncs');
		expect(answer.status()).toBe(200);
		const syncs = (await answer.json()) as (Record<string, unknown> & { indicators: (Record<string, unknown> & { kpi: string })[] })[];
		await admin.context().close();
		const schema = spec.components.schemas.KoladaSync;
		for (const sync of syncs) {
			expect(Object.keys(sync)).toEqual(expect.arrayContaining(schema.required));
			for (const outcome of sync.indicators) expect(Object.keys(outcome)).toEqual(expect.arrayContaining(schema.properties.indicators.items.required));
		}
		expect(syncs.some((sync) => sync.finished && sync.indicators.some((outcome) => outcome.kpi === 'N15428' && outcome.error === null))).toBe(true);
	});
});
