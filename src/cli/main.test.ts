import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../lib/server/db/client';
import { main } from './main';
import { recordedUnits, startSchoolUnitRegister } from '../../tests/peers/school-unit-register';
import { idpMetadata } from '../../tests/peers/saml-idp';

/** The CLI against a real embedded database in a temporary directory, as an operator runs it. */
let dataDir: string;
const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };

beforeEach(() => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'styrkedjan-cli-'));
	process.env.DATA_DIR = dataDir;
	delete process.env.DATABASE_URL;
});
afterEach(() => {
	fs.rmSync(dataDir, { recursive: true, force: true });
	Object.assign(process.env, saved);
	if (saved.DATABASE_URL === undefined) delete process.env.DATABASE_URL;
});

async function cli(...args: string[]) {
	const out: string[] = [];
	const err: string[] = [];
	const code = await main(args, (line) => out.push(line), (line) => err.push(line));
	return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('styrkedjan CLI', () => {
	it('migrates, loads the demo once, adds a tenant, lists and exports plans', { timeout: 300_000 }, async () => {
		expect((await cli('migrate')).code).toBe(0);
		expect((await cli('demo')).out).toBe('Demo-organisationen Exempelkommun är inlagd.');
		expect((await cli('demo')).out).toBe('Demo-organisationen Exempelkommun fanns redan.');
		expect(await cli('tenant', 'add', '--slug', 'norrby', '--name', 'Norrby kommun')).toMatchObject({ code: 0 });
		expect(await cli('tenant', 'add', '--slug', 'norrby', '--name', 'Norrby kommun')).toMatchObject({ code: 1, err: 'Kortnamnet norrby används redan.' });

		const listed = await cli('plans', '--tenant', 'exempelkommun', '--json');
		const plans = JSON.parse(listed.out) as { id: string; title: string }[];
		expect(plans).toHaveLength(9);
		expect(plans.every((plan) => plan.id && plan.title)).toBe(true);
		expect(JSON.parse((await cli('plans', '--tenant', 'norrby', '--json')).out)).toEqual([]);
		expect((await cli('plans', '--tenant', 'finns-inte')).code).toBe(1);

		const file = path.join(dataDir, 'export.json');
		const adopted = plans.find((plan) => plan.title === 'Verksamhetsplan 2025')!;
		expect((await cli('export', '--plan', adopted.id, '--format', 'json', '--out', file)).code).toBe(0);
		const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
		expect(exported).toMatchObject({ format: 'styrkedjan.plan', plan: { id: adopted.id, state: 'adopted' } });
		expect(exported.framework.levels.map((level: { key: string }) => level.key)).toEqual(['malomrade', 'resultatmal', 'aktivitet']);
		expect(exported.tree.map((node: { title: string }) => node.title)).toEqual(['Trygghet', 'Arbetsmarknad', 'Utbildning']);
		expect(exported.periods).toEqual([
			expect.objectContaining({ name: 'Delår 1 per 30 april', closed: true }),
			expect.objectContaining({ name: 'Delår 2 per 31 augusti', closed: false })
		]);
		expect(exported.followUps).toEqual([expect.objectContaining({ status: expect.objectContaining({ label: { sv: 'Pågående', en: 'In progress' }, meaning: 'in_progress' }) })]);
		// The typed outcome, and the ones the demo's Kolada figures filled in the open period.
		expect(exported.measurements).toEqual(expect.arrayContaining([expect.objectContaining({ value: 87.9 })]));
		expect(await cli('export', '--plan', crypto.randomUUID(), '--format', 'json', '--out', file)).toMatchObject({ code: 1 });

		// The same plan as Word and Excel: real files (zip archives a reader opens: see documents.db.test.ts).
		for (const format of ['docx', 'xlsx']) {
			const target = path.join(dataDir, `plan.${format}`);
			const result = await cli('export', '--plan', adopted.id, '--format', format, '--out', target);
			expect(result).toMatchObject({ code: 0 });
			expect(result.out).toContain(target);
			expect(fs.readFileSync(target).subarray(0, 2).toString()).toBe('PK');
		}
		expect(await cli('export', '--plan', adopted.id, '--format', 'odt', '--out', file)).toMatchObject({ code: 1, err: 'Okänt format. Välj ett av: html, docx, pdf, pdfa, xlsx, json, csv.' });

		// The exported JSON recreates the plan in another organisation; the workbook goes back into its own plan.
		const imported = await cli('import', '--tenant', 'norrby', file);
		expect(imported).toMatchObject({ code: 0 });
		expect(imported.out).toMatch(/^Skapade planen "Verksamhetsplan 2025" \([0-9a-f-]{36}\) i Norrby kommun: \d+ punkter, 1 uppföljning\.$/);
		expect((await cli('plans', '--tenant', 'norrby')).out).toContain('Verksamhetsplan 2025');
		const draft = JSON.parse((await cli('plans', '--tenant', 'exempelkommun', '--json')).out).find((plan: { state: string }) => plan.state === 'draft');
		const workbook = path.join(dataDir, 'draft.xlsx');
		await cli('export', '--plan', draft.id, '--format', 'xlsx', '--out', workbook);
		expect((await cli('import', '--tenant', 'exempelkommun', workbook)).out).toMatch(/^Planen [0-9a-f-]{36}: 0 nya punkter, 0 ändrade, \d+ oförändrade\.$/);
		expect(await cli('import', '--tenant', 'exempelkommun', path.join(dataDir, 'plan.docx'))).toMatchObject({ code: 1, err: 'Filen är inte en Excel-fil exporterad från Styrkedjan. Klistra in tabellen i stället, så kan du välja vad kolumnerna betyder.' });
	});

	it('sends an adopted plan\'s goals down the steering chain and opens its period for the units, as the system', { timeout: 300_000 }, async () => {
		await cli('demo');
		const plans = JSON.parse((await cli('plans', '--tenant', 'exempelkommun', '--json')).out) as { id: string; title: string }[];
		const adopted = plans.find((plan) => plan.title === 'Verksamhetsplan 2025')!;
		const draft = plans.find((plan) => plan.title === 'Utbildningsförvaltningens verksamhetsplan 2025')!;

		// A level that is no top level of a steering model: refused, with the ones there are.
		const wrongLevel = await cli('cascade', '--tenant', 'exempelkommun', '--plan', adopted.id, '--goals', 'all', '--units', 'kind:school_unit', '--level', crypto.randomUUID());
		expect(wrongLevel.code).toBe(1);
		const level = /^ {2}([0-9a-f-]{36}) {2}Enkel målmodell – Mål$/m.exec(wrongLevel.err)![1];

		// Every top goal to every school unit below the plan's unit: the two schools without a plan in the chain get one.
		const args = ['--tenant', 'exempelkommun', '--plan', adopted.id, '--goals', 'all', '--units', 'kind:school_unit', '--level', level];
		const sent = await cli('cascade', ...args);
		expect(sent).toMatchObject({ code: 0 });
		const [summary, ...made] = sent.out.split('\n');
		expect(summary).toBe('Klart. Nya planer: 2. Tillagda mål: 15.');
		expect(made.map((line) => line.replace(/^[0-9a-f-]{36} {2}/, '')).sort()).toEqual(['Verksamhetsplan 2025 – Norrskolan', 'Verksamhetsplan 2025 – Södra gymnasiet']);
		expect((await cli('cascade', ...args)).out).toBe('Klart. Nya planer: 0. Tillagda mål: 0.');
		expect(await cli('cascade', ...args.slice(0, 3), draft.id, ...args.slice(4))).toMatchObject({ code: 1, err: 'Planen måste vara fastställd innan dess mål skickas vidare till enheterna.' });
		expect(await cli('cascade', ...args.slice(0, 3), crypto.randomUUID(), ...args.slice(4))).toMatchObject({ code: 1, err: 'Det du söker finns inte, eller så har du inte tillgång till det.' });
		expect((await cli('cascade', '--tenant', 'exempelkommun', '--plan', adopted.id)).code).toBe(1);

		// The organiser's open period, opened in the two new plans (the demo's school units have it already).
		const file = path.join(dataDir, 'adopted.json');
		await cli('export', '--plan', adopted.id, '--format', 'json', '--out', file);
		const open = (JSON.parse(fs.readFileSync(file, 'utf8')).periods as { id: string; closed: boolean }[]).find((period) => !period.closed)!;
		const opened = await cli('periods', 'open-for-units', '--tenant', 'exempelkommun', '--plan', adopted.id, '--period', open.id);
		expect(opened).toMatchObject({ code: 0, out: 'Perioden öppnades för 2 enheter.' });
		expect((await cli('periods', 'open-for-units', '--tenant', 'exempelkommun', '--plan', adopted.id, '--period', open.id)).out).toBe('Perioden öppnades för 0 enheter.');
		expect(await cli('periods', 'open-for-units', '--tenant', 'exempelkommun', '--plan', draft.id, '--period', open.id)).toMatchObject({ code: 1, err: 'Det du söker finns inte, eller så har du inte tillgång till det.' });
		expect((await cli('periods', 'open', '--tenant', 'exempelkommun')).code).toBe(1);
	});

	it('adds people with roles and creates API tokens', { timeout: 300_000 }, async () => {
		await cli('tenant', 'add', '--slug', 'norrby', '--name', 'Norrby kommun');
		expect(await cli('user', 'add', '--tenant', 'norrby', '--email', 'Anna@Norrby.se', '--name', 'Anna Ek', '--role', 'planner', '--password', 'ett-långt-lösenord')).toMatchObject({ code: 0 });
		expect(await cli('user', 'add', '--tenant', 'norrby', '--email', 'anna@norrby.se', '--name', 'Anna Ek', '--role', 'planner')).toMatchObject({
			code: 1,
			err: 'Det finns redan ett konto med e-postadressen anna@norrby.se.'
		});
		expect((await cli('user', 'add', '--tenant', 'norrby', '--email', 'b@norrby.se', '--name', 'B', '--role', 'chef')).err).toBe('Fältet "Roll" har ett ogiltigt värde.');
		expect((await cli('user', 'add', '--tenant', 'norrby', '--email', 'c@norrby.se', '--name', 'C', '--role', 'reader', '--password', 'kort')).err).toBe('Lösenordet måste ha minst 12 tecken.');
		const created = await cli('token', 'create', '--tenant', 'norrby', '--name', 'Kolada-synk');
		expect(created.code).toBe(0);
		expect(created.out.split('\n').at(-1)).toMatch(/^stk_[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
	});

	it('runs a background job for an organisation now, recorded for its admins, and names the jobs it knows', { timeout: 300_000 }, async () => {
		await cli('tenant', 'add', '--slug', 'jobby', '--name', 'Jobby kommun');
		const run = await cli('jobs', 'run', 'reminders', '--tenant', 'jobby');
		expect(run).toMatchObject({ code: 0, out: 'Inget att göra' });
		expect((await cli('jobs', 'run', 'sweep', '--tenant', 'jobby')).code).toBe(1);
		const database = await openDatabase({ dataDir });
		try {
			const { rows } = await database.pglite!.query<{ job: string; state: string }>('select job, state from job_runs');
			expect(rows).toEqual([{ job: 'reminders', state: 'done' }]);
		} finally {
			await database.close();
		}
	});

	it('refuses, with a clear message, to open a database another process holds', { timeout: 300_000 }, async () => {
		const holder = await openDatabase({ dataDir });
		try {
			const result = await cli('plans', '--tenant', 'exempelkommun');
			expect(result.code).toBe(1);
			expect(result.err).toContain('används redan av en annan process');
		} finally {
			await holder.close();
		}
		expect((await cli('migrate')).code).toBe(0);
	});

	it('imports school units from the (stub) school unit register or a file, previews with --dry-run, and says why it cannot', { timeout: 300_000 }, async () => {
		const register = await startSchoolUnitRegister();
		const savedUrl = process.env.SKOLVERKET_URL;
		try {
			process.env.SKOLVERKET_URL = register.url;
			expect((await cli('tenant', 'add', '--slug', 'norrby', '--name', 'Norrby kommun')).code).toBe(0);
			const dry = await cli('units', 'import', '--tenant', 'norrby', '--municipality', '1280', '--dry-run');
			expect(dry).toMatchObject({ code: 0 });
			expect(dry.out).toContain('12801006  added             Sjöbodaskolan');
			expect(dry.out.split('\n').at(-1)).toBe('Under ”Norrby kommun”: 7 läggs till, 0 byter namn, 0 markeras som nedlagda, 0 öppnas igen, 0 får nya skolformer, 0 är oförändrade.');
			const done = await cli('units', 'import', '--tenant', 'norrby', '--organisation-number', '212000-1280');
			expect(done.out.split('\n').at(-1)).toBe('Skolenheterna är inlästa: 7 tillagda, 0 med nytt namn, 0 markerade som nedlagda, 0 öppnade igen, 0 med nya skolformer.');
			const file = path.join(dataDir, 'register.json');
			const answers = recordedUnits();
			answers[0].data.attributes.displayName = 'Ekbackens förskola (Ekbacken)';
			fs.writeFileSync(file, JSON.stringify(answers));
			const again = await cli('units', 'import', '--tenant', 'norrby', '--file', file);
			expect(again.out).toContain('12801001  renamed           Ekbackens förskola (Ekbacken)');
			expect(again.out.split('\n').at(-1)).toContain('0 tillagda, 1 med nytt namn');

			fs.writeFileSync(file, JSON.stringify({ format: 'styrkedjan-plan' }));
			expect((await cli('units', 'import', '--tenant', 'norrby', '--file', file)).err).toMatch(/^Filen är inte i skolenhetsregistrets format/);
			process.env.SKOLVERKET_URL = register.broken('500');
			expect(await cli('units', 'import', '--tenant', 'norrby', '--municipality', '1280')).toMatchObject({
				code: 1,
				err: 'Skolenhetsregistret svarade med ett fel (HTTP 500). Inget har ändrats. Försök igen senare, eller läs in en fil med registrets uppgifter.'
			});
			expect((await cli('units', 'import', '--tenant', 'norrby', '--municipality', '12')).err).toBe('Kommunkoden ska vara fyra siffror, till exempel 1280.');
		} finally {
			if (savedUrl === undefined) delete process.env.SKOLVERKET_URL;
			else process.env.SKOLVERKET_URL = savedUrl;
			await register.close();
		}
	});

	it('sets the SAML IdP from a metadata file, and refuses unsigned metadata with the reason', { timeout: 300_000 }, async () => {
		expect((await cli('migrate')).code).toBe(0);
		expect((await cli('tenant', 'add', '--slug', 'samlby', '--name', 'Samlby kommun')).code).toBe(0);
		const good = path.join(dataDir, 'idp.xml');
		fs.writeFileSync(good, idpMetadata({ entityId: 'https://idp.samlby.se/metadata', ssoUrl: 'https://idp.samlby.se/sso' }));
		expect(await cli('saml', 'set', '--tenant', 'samlby', '--metadata-file', good, '--default-role', 'reporter')).toMatchObject({
			code: 0,
			out: 'Inloggning med SAML är inställd för Samlby kommun: https://idp.samlby.se/metadata.'
		});
		const unsigned = path.join(dataDir, 'unsigned.xml');
		fs.writeFileSync(unsigned, idpMetadata({ entityId: 'https://idp.samlby.se/metadata', ssoUrl: 'https://idp.samlby.se/sso', withoutCertificate: true }));
		expect(await cli('saml', 'set', '--tenant', 'samlby', '--metadata-file', unsigned)).toMatchObject({
			code: 1,
			err: 'Osignerad: metadatan anger inget signeringscertifikat, så påståendena skulle inte kunna kontrolleras.'
		});
		expect((await cli('saml', 'set', '--tenant', 'samlby')).code).not.toBe(0);
	});
});
