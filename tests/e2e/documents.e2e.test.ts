import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { expectAccessible, pickUnit, planPath, scriptsReady, useBrowser, visit } from './support';

const browser = useBrowser();
const CENTRAL = 'Utbildningsförvaltningens verksamhetsplan 2025';

/** Runs one of poppler's readers on a file and returns what it printed. */
const poppler = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });

describe('documents', () => {
	it('prints the follow-up report as a tagged PDF with bookmarks, from the link on the follow-up page', async () => {
		const admin = await browser.signedIn('admin');
		const plan = await planPath(admin, CENTRAL);
		await visit(admin, `${plan}/follow-up`);
		const link = admin.getByRole('navigation', { name: 'Ladda ned uppföljningsrapporten' }).getByRole('link', { name: 'PDF', exact: true });
		const response = await admin.request.get((await link.getAttribute('href'))!);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('application/pdf');
		const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'styrkedjan-pdf-')), 'report.pdf');
		fs.writeFileSync(file, await response.body());

		const text = poppler('pdftotext', file, '-').replace(/\s+/g, ' ');
		expect(text).toContain(CENTRAL);
		expect(text).toMatch(/Uppföljning av .*Delår \d/);
		expect(text).toContain('Innehåll');
		const info = poppler('pdfinfo', file);
		expect(info).toMatch(/Tagged:\s+yes/);
		expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThan(2);
		// Bookmarks: the outline poppler reads from the file names the document's own headings.
		const outline = poppler('pdftohtml', '-xml', '-i', '-stdout', '-q', file);
		expect(outline).toContain('<outline>');
		expect(outline).toContain('Sammanfattning');
	});

	it('opens the plan as a print-ready web page that is accessible, and offers Word, Excel and JSON', async () => {
		const admin = await browser.signedIn('planner');
		const plan = await planPath(admin, CENTRAL);
		await visit(admin, plan);
		const downloads = admin.getByRole('navigation', { name: 'Ladda ned planen' });
		expect(await downloads.getByRole('link').allTextContents()).toEqual(['Word (.docx)', 'PDF', 'PDF/A (för arkivet)', 'Excel (.xlsx)', 'Webbsida för utskrift', 'JSON (hela planen)']);
		const word = await admin.request.get((await downloads.getByRole('link', { name: 'Word (.docx)' }).getAttribute('href'))!);
		expect(word.headers()['content-disposition']).toMatch(/^attachment; filename="utbildningsforvaltningens-verksamhetsplan-2025\.docx"$/);
		// The archive's copy: PDF/A-2a, a file of its own.
		const archive = await admin.request.get((await downloads.getByRole('link', { name: 'PDF/A (för arkivet)' }).getAttribute('href'))!);
		expect(archive.headers()['content-type']).toBe('application/pdf');
		expect(archive.headers()['content-disposition']).toMatch(/^inline; filename="utbildningsforvaltningens-verksamhetsplan-2025-pdfa\.pdf"$/);
		expect((await archive.body()).toString('latin1')).toContain('<pdfaid:part>2</pdfaid:part>');
		await downloads.getByRole('link', { name: 'Webbsida för utskrift' }).click();
		await admin.waitForURL(/format=html/);
		expect(await admin.locator('h1').textContent()).toBe(CENTRAL);
		expect(await admin.locator('html').getAttribute('lang')).toBe('sv');
		expect(await admin.locator('table caption').count()).toBeGreaterThan(0);
		await expectAccessible(admin);
	});

	it('answers an unknown format with a clear message', async () => {
		const admin = await browser.signedIn('reader');
		const plan = await planPath(admin, CENTRAL);
		const response = await admin.goto(`${plan}/export?format=odt`);
		expect(response?.status()).toBe(400);
		expect(await admin.getByRole('alert').textContent()).toBe('Okänt format. Välj ett av: html, docx, pdf, pdfa, xlsx, json, csv.');
		await expectAccessible(admin);
	});
});

describe('public page', () => {
	it('lets anyone read a published plan without signing in, accessibly, with its downloads and open data', async () => {
		const visitor = await browser.newPage();
		await visit(visitor, '/public/exempelkommun');
		await visitor.getByRole('link', { name: 'Verksamhetsplan 2025' }).click();
		await visitor.waitForURL(/\/public\/exempelkommun\/[0-9a-f-]{36}$/);
		expect(await visitor.locator('h1').textContent()).toBe('Verksamhetsplan 2025');
		await expectAccessible(visitor);
		const downloads = visitor.getByRole('navigation', { name: 'Ladda ned' });
		expect(await downloads.getByRole('link').allTextContents()).toEqual(['Word (.docx)', 'PDF', 'Excel (.xlsx)']);
		const csv = await visitor.request.get((await visitor.getByRole('link', { name: 'CSV (öppna data)' }).getAttribute('href'))!);
		expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
		expect(await csv.text()).toContain('Rubrik');
		// A plan not published has no public address: it answers exactly like one that does not exist.
		const draft = await visitor.request.get(`${new URL(visitor.url()).pathname.replace(/[0-9a-f-]{36}$/, crypto.randomUUID())}`);
		expect(draft.status()).toBe(404);
	});

	it('lets an administrator publish a plan from its page and take it down again', async () => {
		const admin = await browser.signedIn('admin');
		const plan = await planPath(admin, 'Verksamhetsplan 2025');
		await visit(admin, plan);
		const section = admin.locator('#publishing');
		expect(await section.getByRole('link').textContent()).toMatch(/\/public\/exempelkommun\//);
		await section.getByRole('button', { name: 'Sluta publicera planen' }).click();
		await expect.poll(() => section.getByRole('button').textContent()).toBe('Publicera planen');
		expect((await admin.request.get(`/public/exempelkommun/${plan.split('/').at(-1)}`)).status()).toBe(404);
		await section.getByRole('button', { name: 'Publicera planen' }).click();
		await expect.poll(() => section.getByRole('button').textContent()).toBe('Sluta publicera planen');
		await expectAccessible(admin);
	});
});

describe('import', () => {
	const LOCAL = 'Lokal utvecklingsplan Norrskolan 2025/26';

	it('creates items from a pasted table after a preview where each column is mapped', async () => {
		const admin = await browser.signedIn('admin');
		const plan = await planPath(admin, LOCAL);
		await visit(admin, `${plan}/import`);
		await admin.getByLabel('Tabellen').fill('Aktivitet\tKlart\nMattecoacher i åk 4–6\tVT26\nLäxhjälp två dagar i veckan\tHT25\n');
		await admin.getByLabel('Raderna blir').selectOption({ label: 'Aktivitet' });
		const goal = await admin.locator('#parentId option', { hasText: 'Fler elever når kunskapskraven i matematik' }).getAttribute('value');
		await admin.getByLabel('Placering').selectOption(goal!);
		await admin.getByRole('button', { name: 'Förhandsgranska' }).click();
		await expect.poll(() => admin.getByText('2 rader blir nya punkter').count()).toBe(1);
		expect(await admin.getByLabel('Kolumn Aktivitet').inputValue()).toBe('title');
		expect(await admin.getByLabel('Kolumn Klart').inputValue()).toBe('field:deadline');
		await expectAccessible(admin);
		await admin.getByRole('button', { name: 'Skapa punkterna' }).click();
		await expect.poll(() => admin.getByRole('status').textContent()).toBe('Klart: 2 nya punkter.');
		await admin.goto(plan);
		expect(await admin.locator('main').textContent()).toContain('Läxhjälp två dagar i veckan');
	});

	it('reads back an edited Excel file, and lists its problems by row and column without saving anything', async () => {
		const admin = await browser.signedIn('admin');
		const plan = await planPath(admin, LOCAL);
		const exported = await admin.request.get(`${plan}/export?format=xlsx`);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load((await exported.body()) as unknown as ArrayBuffer);
		const sheet = workbook.getWorksheet('Punkter')!;
		const header = (sheet.getRow(1).values as string[]).slice(1);
		sheet.getRow(2).getCell(header.indexOf('Rubrik') + 1).value = 'Ändrad i Excel';
		const bad = sheet.addRow([]);
		bad.getCell(header.indexOf('Nivå') + 1).value = 'Delmål';
		bad.getCell(header.indexOf('Rubrik') + 1).value = 'Fel nivå';
		const file = { name: 'plan.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await workbook.xlsx.writeBuffer()) };

		await visit(admin, `${plan}/import`);
		await admin.getByLabel('Fil (.xlsx)').setInputFiles(file);
		await admin.getByRole('button', { name: 'Läs in filen' }).click();
		await expect.poll(() => admin.getByRole('alert').textContent()).toBe('Inget har sparats. Rätta följande och försök igen:');
		expect(await admin.locator('section[aria-labelledby="problems-heading"] tbody tr').allTextContents()).toEqual([`${bad.number}NivåNivån "Delmål" finns inte i planens styrmodell.`]);
		await expectAccessible(admin);

		bad.getCell(header.indexOf('Nivå') + 1).value = 'Aktivitet';
		bad.getCell(header.indexOf('Överordnad (id)') + 1).value = sheet.getRow(2).getCell(header.indexOf('Id') + 1).value;
		await admin.getByLabel('Fil (.xlsx)').setInputFiles({ ...file, buffer: Buffer.from(await workbook.xlsx.writeBuffer()) });
		await admin.getByRole('button', { name: 'Läs in filen' }).click();
		await expect.poll(() => admin.getByRole('status').textContent()).toMatch(/^Klart: 1 ny punkt, 1 ändrad, \d+ oförändrade\.$/);
	});

	it('recreates a whole plan from its JSON file, from the plans page', async () => {
		// A plan no other test looks up by title: the copy has the same title.
		const DEVELOPMENT = 'Utvecklingsplan läsåret 2025/26';
		const admin = await browser.signedIn('admin');
		const plan = await planPath(admin, DEVELOPMENT);
		const json = await (await admin.request.get(`${plan}/export?format=json`)).body();
		await visit(admin, '/plans');
		await scriptsReady(admin);
		const form = admin.getByRole('region', { name: 'Importera en plan (JSON)' });
		await form.getByLabel('Fil (.json)').setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: json });
		await pickUnit(form, 'Ägare', 'Norrskolan (Skolenhet)');
		await form.getByRole('button', { name: 'Importera planen' }).click();
		await admin.waitForURL((url) => /^\/plans\/[0-9a-f-]{36}$/.test(url.pathname) && url.pathname !== plan);
		expect(await admin.getByRole('heading', { level: 1 }).textContent()).toBe(DEVELOPMENT);
		await expectAccessible(admin);

		await visit(admin, '/plans');
		await form.getByLabel('Fil (.json)').setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from('{ inte json') });
		await form.getByRole('button', { name: 'Importera planen' }).click();
		await expect.poll(() => form.getByRole('alert').textContent()).toBe('Filen är inte giltig JSON. Använd en fil som exporterats från Styrkedjan (format JSON).');
	});
});
