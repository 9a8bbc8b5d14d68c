import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './support';

const browser = useBrowser();

/** Every route with an id in its path, found in the source so a new route cannot be forgotten here. */
function dynamicRoutes(dir = 'src/routes', prefix = ''): string[] {
	const found: string[] = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		if (!entry.isDirectory()) continue;
		const route = `${prefix}/${entry.name}`;
		const files = fs.readdirSync(path.join(dir, entry.name));
		if (route.includes('[') && files.some((file) => /^\+(page\.server|page|server)\.(ts|svelte)$/.test(file))) found.push(route);
		found.push(...dynamicRoutes(path.join(dir, entry.name), route));
	}
	return found;
}

describe('another organisation\'s ids', () => {
	const foreign = () => inject('foreign');

	it('answer 404 on every route with an id, exactly as a missing one would', async () => {
		const page = await browser.signedIn('admin');
		const ids: Record<string, string> = {
			planId: foreign().planId,
			nodeId: foreign().nodeId,
			chapterId: foreign().chapterId,
			frameworkId: foreign().frameworkId,
			// A person's and a status's own edit pages (the dialogs without scripts).
			accountId: foreign().accountId,
			valueId: foreign().scaleValueId,
			// An event of the other organisation's annual cycle (its edit page).
			eventId: foreign().eventId,
			// A calendar feed's address names its organisation: the other one's, with a secret it never issued.
			token: `${foreign().tenantId}.${'A'.repeat(43)}.ics`,
			// Public addresses name the organisation: ours, with the other organisation's plan in it.
			slug: 'exempelkommun'
		};
		// The public list of an organisation's plans and its sign-in pages (its own, and its SAML addresses, which
		// any IdP and browser reach without signing in) are found by its name, not by an id.
		const routes = dynamicRoutes().filter((route) => route !== '/public/[slug]' && route !== '/login/[org]' && !route.startsWith('/auth/saml/[org]'));
		expect(routes.length).toBeGreaterThan(5);
		for (const route of routes) {
			const url = route.replace(/\[(\w+)\]/g, (_, name: string) => {
				if (!ids[name]) throw new Error(`No foreign id for [${name}] in ${route}: add one to this test`);
				return ids[name];
			});
			for (const target of [url, url.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, crypto.randomUUID())]) {
				const response = await page.request.get(target, { maxRedirects: 0 });
				expect(response.status(), target).toBe(404);
			}
		}
	});

	it('answer 404 when sent in a form, and change nothing', async () => {
		const page = await browser.signedIn('admin');
		const own = await page.request.get('/api/v1/plans');
		const ownPlan = ((await own.json()) as { id: string; state: string }[]).find((plan) => plan.state === 'draft')!.id;
		const post = (target: string, form: Record<string, string>) =>
			page.request.post(target, { form, headers: { origin: browser.baseURL() }, maxRedirects: 0 });
		const attempts: [string, Record<string, string>][] = [
			['/arshjul?/addEvent', { cycleId: foreign().cycleId, name: 'Kapad', kind: 'other', startsOn: '2026-03-01' }],
			[`/arshjul/${foreign().eventId}?/open`, {}],
			[`/arshjul/${foreign().eventId}?/remove`, { confirm: 'on' }],
			[`/plans/${ownPlan}?/shift`, { nodeId: foreign().nodeId, direction: 'up', returnTo: `/plans/${ownPlan}` }],
			['/plans?/create', { title: 'Kapad', kind: 'verksamhetsplan', periodKind: 'calendar_year', startYear: '2026', ownerUnitId: foreign().unitId, frameworkId: foreign().frameworkId }],
			['/organisation?/rename', { unitId: foreign().unitId, name: 'Kapad' }],
			[
				'/organisation/school-units/import?/apply',
				{ parentId: foreign().unitId, units: JSON.stringify([{ code: '99990001', name: 'Kapad', status: 'AKTIV', schoolForms: ['GR'], municipalityCode: null, closedOn: null }]) }
			],
			['/admin/people?/addRole', { accountId: foreign().accountId, role: 'admin', unitId: foreign().unitId }],
			['/admin/people?/holdTitle', { personId: foreign().personId, title: 'Kapad' }],
			['/admin/people?/removeRole', { assignmentId: crypto.randomUUID() }],
			['/admin/tokens?/revoke', { tokenId: crypto.randomUUID() }],
			['/admin/scales?/update', { id: foreign().scaleValueId, labelSv: 'Kapad', labelEn: 'Kapad', colour: '#1d5fa8', meaning: 'in_progress' }],
			['/admin/scales?/remove', { id: foreign().scaleValueId }],
			[`/plans/${ownPlan}/follow-up?/publish`, { periodId: foreign().periodId, published: 'true' }],
			[`/plans/${foreign().planId}?/publish`, { published: 'true' }]
		];
		for (const [target, form] of attempts) {
			const response = await post(target, form);
			expect(response.status(), target).toBe(404);
		}
		// A document of our own plan asked for with their period: as if the period did not exist.
		expect((await page.request.get(`/plans/${ownPlan}/export?format=html&period=${foreign().periodId}`)).status()).toBe(404);
		// Norrby's own administrator still sees Norrby untouched.
		const norrby = await fetch(`${browser.baseURL()}/api/v1/plans/${foreign().planId}`, { headers: { authorization: `Bearer ${foreign().token}` } });
		expect(((await norrby.json()) as { tree: { title: string }[] }).tree.map((node) => node.title)).toEqual(['Norrbys mål']);
	});

	it('keep API tokens to their own organisation', async () => {
		const headers = { authorization: `Bearer ${foreign().token}` };
		const list = await fetch(`${browser.baseURL()}/api/v1/plans`, { headers });
		expect(((await list.json()) as { title: string }[]).map((plan) => plan.title)).toEqual(['Norrbys plan']);
		const page = await browser.signedIn('admin');
		const ownPlan = ((await (await page.request.get('/api/v1/plans')).json()) as { id: string }[])[0].id;
		expect((await fetch(`${browser.baseURL()}/api/v1/plans/${ownPlan}`, { headers })).status).toBe(404);
		expect((await fetch(`${browser.baseURL()}/api/v1/plans`, { headers: { authorization: 'Bearer stk_nonsense' } })).status).toBe(401);
		expect((await fetch(`${browser.baseURL()}/api/v1/plans`)).status).toBe(401);
	});
});
