import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workbookBomb } from '../../src/lib/server/testing/zip-files';
import { DEMO_EMAILS, get, postForm, signIn, startServer, type TestServer } from './server';

/**
 * Hostile files and tables sent to a plan's import page (issue #9, items 3, 6 and 14): the server
 * refuses them in the user's language without unpacking or parsing them, and stays small.
 */
let server: TestServer;
let planner: string;
let planId: string;

const ENGLISH = 'PARAGLIDE_LOCALE=en';
const MB = 1024 * 1024;

beforeAll(async () => {
	server = await startServer({ database: 'pglite' });
	planner = await signIn(server, DEMO_EMAILS.planner);
	const plans = (await (await get(server, '/api/v1/plans', planner)).json()) as { id: string; state: string }[];
	planId = plans.find((candidate) => candidate.state === 'draft')!.id;
});

afterAll(() => server?.stop());

/** The most memory the server process has ever held (Linux keeps the high-water mark). */
function peakMemory(): number {
	const status = fs.readFileSync(`/proc/${server.process.pid}/status`, 'utf8');
	return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

function uploadWorkbook(bytes: Buffer, cookie: string) {
	const form = new FormData();
	form.set('file', new Blob([new Uint8Array(bytes)]), 'plan.xlsx');
	return fetch(`${server.baseURL}/plans/${planId}/import?/workbook`, { method: 'POST', redirect: 'manual', headers: { origin: server.baseURL, accept: 'text/html', cookie }, body: form });
}

describe.skipIf(process.platform !== 'linux')('imports', () => {
	it('refuses the 7.8 MB xlsx bomb of 16 × 480 MB zeros unread, in the user\'s language; the server\'s memory peak stays where it was', async () => {
		const bomb = await workbookBomb({ count: 16, bytes: 480 * MB });
		const before = peakMemory();
		const swedish = await uploadWorkbook(bomb, planner);
		expect(swedish.status).toBe(413);
		expect(await swedish.text()).toContain('Filen blir för stor när den packas upp (högst 20 MB). Filen har inte lästs.');
		const lying = await uploadWorkbook(await workbookBomb({ count: 16, bytes: 480 * MB, lie: true }), `${planner}; ${ENGLISH}`);
		expect(lying.status).toBe(400);
		expect(await lying.text()).toContain('The file could not be read.');
		expect(peakMemory() - before).toBeLessThan(100 * MB);
		expect((await get(server, `/plans/${planId}`, planner)).status).toBe(200);
	});

	it('lists the first 50 problems of an edited export with 1,200 bad rows, and says how many more there are', async () => {
		const exported = await get(server, `/plans/${planId}/export?format=xlsx`, planner);
		expect(exported.status).toBe(200);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(await exported.arrayBuffer());
		const sheet = workbook.getWorksheet('Punkter')!;
		const level = (sheet.getRow(1).values as string[]).indexOf('Nivå');
		for (let index = 0; index < 1_200; index++) sheet.getRow(sheet.rowCount + 1).getCell(level).value = 'Okänd nivå';
		const response = await uploadWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()), planner);
		expect(response.status).toBe(400);
		const page = await response.text();
		expect(page.match(/Nivån "Okänd nivå" finns inte/g)).toHaveLength(50);
		expect(page).toMatch(/… och 1.150 problem till\./);
	});

	it('says a pasted table of 6,000 rows has too many rows, with the count and the limit, not that it has too many characters', async () => {
		const page = await (await get(server, `/plans/${planId}/import`, planner)).text();
		const levelId = /id="levelId"[\s\S]*?<option value="([0-9a-f-]{36})"/.exec(page)![1];
		const table = `Rubrik\tNr\n${'Ny punkt\t1\n'.repeat(6_000)}`;
		const swedish = await postForm(server, `/plans/${planId}/import?/preview`, { table, levelId, parentId: '', headerRow: 'on' }, planner);
		const text = await swedish.text();
		expect(text).toMatch(/Tabellen har 6.001 rader. Högst 5.000 rader kan importeras åt gången; dela upp den./);
		expect(text).not.toContain('tecken');
		const english = await postForm(server, `/plans/${planId}/import?/preview`, { table, levelId, parentId: '', headerRow: 'on' }, `${planner}; ${ENGLISH}`);
		expect(await english.text()).toContain('The table has 6,001 rows. At most 5,000 rows can be imported at a time; split it up.');
	});
});
