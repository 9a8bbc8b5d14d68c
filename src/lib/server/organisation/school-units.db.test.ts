import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, units } from '../db/schema';
import type { Db } from '../db/client';
import { messageFor } from '../presenters/message';
import { createTestOrganisation, testDb } from '../testing/factories';
import type { Ctx } from '../shared/context';
import { recordedUnits, startSchoolUnitRegister, type SchoolUnitRegisterStub } from '../../../../tests/peers/school-unit-register';
import { fetchRegisterUnits, readRegisterFile, registerUnitsFor, type RegisterUnit } from './school-unit-register';
import { previewSchoolUnitImport } from './preview-school-unit-import';
import { importSchoolUnits } from './import-school-units';
import { listUnitsFiltered } from './unit-list';

let register: SchoolUnitRegisterStub;
beforeAll(async () => {
	register = await startSchoolUnitRegister();
});
afterAll(() => register.close());

async function organisation() {
	const db = await testDb();
	const org = await createTestOrganisation(db);
	return { db, ...org };
}

async function schoolUnits(db: Db, ctx: Ctx) {
	const rows = await db.select().from(units).where(eq(units.tenantId, ctx.tenantId));
	return rows.filter((row) => row.schoolUnitCode).sort((a, b) => a.schoolUnitCode!.localeCompare(b.schoolUnitCode!));
}

async function tableState(db: Db, ctx: Ctx) {
	const [rows, audits] = await Promise.all([
		db.select().from(units).where(eq(units.tenantId, ctx.tenantId)),
		db.select().from(auditEvents).where(eq(auditEvents.tenantId, ctx.tenantId))
	]);
	return { units: rows.length, audits: audits.length };
}

describe('school unit register client against the stub register', () => {
	it('reads an organiser by municipality code and by organisation number, closed units included, with forms from each unit', async () => {
		const byMunicipality = await fetchRegisterUnits({ municipalityCode: '1280' }, { baseUrl: register.url });
		const byOrganisation = await fetchRegisterUnits({ organisationNumber: '2120001280' }, { baseUrl: register.url });
		expect(byOrganisation).toEqual(byMunicipality);
		expect(byMunicipality.map((unit) => unit.code)).toEqual(['12801001', '12801002', '12801003', '12801004', '12801005', '12801006', '12801007']);
		expect(byMunicipality.find((unit) => unit.code === '12801002')).toEqual({
			code: '12801002',
			name: 'Lindskolan F–6',
			status: 'AKTIV',
			schoolForms: ['FKLASS', 'FTH', 'GR'],
			municipalityCode: '1280',
			closedOn: null
		});
		expect(byMunicipality.find((unit) => unit.code === '12801006')).toMatchObject({ status: 'UPPHORT', closedOn: '2025-06-30' });
		expect(await fetchRegisterUnits({ municipalityCode: '0114' }, { baseUrl: register.url })).toEqual([]);
		expect(await registerUnitsFor({ organisationNumber: ' 212000-1280 ' }, { baseUrl: register.url })).toEqual(byMunicipality);
		await expect(registerUnitsFor({ municipalityCode: '128' })).rejects.toMatchObject({ code: 'error_municipality_code_invalid', field: 'municipalityCode' });
		await expect(registerUnitsFor({ organisationNumber: '212000-128' })).rejects.toMatchObject({ code: 'error_organisation_number_invalid', field: 'organisationNumber' });
		await expect(registerUnitsFor({ municipalityCode: ' ', file: new Uint8Array() })).rejects.toMatchObject({ code: 'error_register_choose_source' });
	});

	it('turns a 500, a timeout, a body that is not JSON, a malformed body, an oversized body and too many units into clear messages', async () => {
		const failure = (baseUrl: string, timeoutSeconds?: number) => fetchRegisterUnits({ municipalityCode: '1280' }, { baseUrl, timeoutSeconds }).then(() => undefined, (error) => error);
		const failed = await failure(register.broken('500'));
		expect(failed).toMatchObject({ code: 'error_register_failed', status: 503 });
		expect(messageFor(failed, 'sv')).toBe('Skolenhetsregistret svarade med ett fel (HTTP 500). Inget har ändrats. Försök igen senare, eller läs in en fil med registrets uppgifter.');
		const slow = await failure(register.broken('slow'), 0.3);
		expect(slow).toMatchObject({ code: 'error_register_timeout' });
		expect(messageFor(slow, 'en')).toBe("The school unit register did not answer within 0.3 seconds. Nothing was changed. Try again later, or import a file of the register's data.");
		expect(await failure(register.broken('not-json'))).toMatchObject({ code: 'error_register_malformed', params: { detail: 'JSON' } });
		const malformed = await failure(register.broken('malformed'));
		expect(messageFor(malformed, 'sv')).toBe('Svaret från skolenhetsregistret har inte det väntade formatet (vid data.attributes[0].schoolUnitCode). Inget har ändrats.');
		expect(messageFor(await failure(register.broken('huge')), 'sv')).toBe('Svaret från skolenhetsregistret är större än 2 MB och lästes inte. Inget har ändrats.');
		expect(await failure(register.broken('many'))).toMatchObject({ code: 'error_register_too_many', params: { count: 2001, max: 2000 } });
		const closed = await failure('http://127.0.0.1:9/v2');
		expect(closed).toMatchObject({ code: 'error_register_unreachable', params: { address: '127.0.0.1:9' } });
	});

	it('reads a file of the register JSON (unit answers, or a list carrying forms) and refuses anything else with what was expected', () => {
		const answers = Buffer.from(JSON.stringify(recordedUnits()));
		expect(readRegisterFile(answers).map((unit) => unit.code)).toHaveLength(7);
		expect(readRegisterFile(Buffer.from(JSON.stringify(recordedUnits()[1])))).toMatchObject([{ code: '12801002', schoolForms: ['FKLASS', 'FTH', 'GR'] }]);
		const list = { data: { attributes: [{ schoolUnitCode: '12801002', name: 'Lindskolan F–6', status: 'AKTIV', schoolTypes: ['GR'], municipalityCode: '1280' }] } };
		expect(readRegisterFile(Buffer.from(JSON.stringify(list)))).toEqual([
			{ code: '12801002', name: 'Lindskolan F–6', status: 'AKTIV', schoolForms: ['GR'], municipalityCode: '1280', closedOn: null }
		]);
		const refused = (text: string) => {
			try {
				readRegisterFile(Buffer.from(text));
			} catch (error) {
				return error as Parameters<typeof messageFor>[0];
			}
			throw new Error('accepted');
		};
		const plan = refused(JSON.stringify({ format: 'styrkedjan-plan', tree: [] }));
		expect(plan.code).toBe('error_school_unit_file_format');
		expect(messageFor(plan, 'sv')).toMatch(/^Filen är inte i skolenhetsregistrets format \(vid data\)\. Väntat: JSON från Skolverkets skolenhetsregister \(API v2\)/);
		expect(refused('not json').code).toBe('error_school_unit_file_format');
		expect(refused(JSON.stringify([{ data: { schoolUnitCode: '123', attributes: { status: 'AKTIV' } } }])).params).toEqual({ detail: '[0].data.schoolUnitCode' });
		expect(refused('['.repeat(100) + ']'.repeat(100)).code).toBe('error_json_too_deep');
		expect(refused(' '.repeat(8 * 1024 * 1024 + 1)).code).toBe('error_register_file_too_large');
	});
});

describe('importing school units', () => {
	it('previews what will be added without changing anything, then applies it in one go under the chosen parent, audited', async () => {
		const { db, ctx, boards } = await organisation();
		const fromRegister = await fetchRegisterUnits({ municipalityCode: '1280' }, { baseUrl: register.url });
		const before = await tableState(db, ctx);
		const preview = await previewSchoolUnitImport(db, ctx, { parentId: boards.bou.id, units: fromRegister });
		expect(await tableState(db, ctx)).toEqual(before);
		expect(preview.parentName).toBe('Barn- och ungdomsnämnden');
		expect(preview.counts).toEqual({ added: 7, renamed: 0, closed: 0, reopened: 0, updated: 0, unchanged: 0 });
		expect(preview.rows.map((row) => [row.code, row.kind, row.changes])).toEqual([
			['12801001', 'preschool_unit', ['added']],
			['12801002', 'school_unit', ['added']],
			['12801003', 'school_unit', ['added']],
			['12801004', 'school_unit', ['added']],
			['12801005', 'school_unit', ['added']],
			['12801006', 'school_unit', ['added']],
			['12801007', 'school_unit', ['added']]
		]);

		const applied = await importSchoolUnits(db, ctx, { parentId: boards.bou.id, units: fromRegister });
		expect(applied.counts).toEqual(preview.counts);
		const stored = await schoolUnits(db, ctx);
		expect(stored.map((unit) => [unit.schoolUnitCode, unit.name, unit.kind, unit.parentId, unit.schoolForms, unit.municipalityCode, unit.closedOn])).toEqual([
			['12801001', 'Ekbackens förskola', 'preschool_unit', boards.bou.id, ['FS'], '1280', null],
			['12801002', 'Lindskolan F–6', 'school_unit', boards.bou.id, ['FKLASS', 'FTH', 'GR'], '1280', null],
			['12801003', 'Lindskolan 7–9', 'school_unit', boards.bou.id, ['GR', 'GRAN'], '1280', null],
			['12801004', 'Tallgymnasiet', 'school_unit', boards.bou.id, ['GY', 'GYAN'], '1280', null],
			['12801005', 'Björkskolan', 'school_unit', boards.bou.id, ['GR'], '1280', null],
			['12801006', 'Sjöbodaskolan', 'school_unit', boards.bou.id, ['FKLASS', 'GR'], '1280', '2025-06-30'],
			['12801007', 'Exempelkommuns vuxenutbildning', 'school_unit', boards.bou.id, ['VUX'], '1280', null]
		]);
		const audits = await db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, ctx.tenantId), eq(auditEvents.action, 'unit.create')));
		expect(audits.filter((audit) => stored.some((unit) => unit.id === audit.entityId))).toHaveLength(7);

		expect((await listUnitsFiltered(db, ctx.tenantId, { kind: 'preschool_unit' })).map((unit) => unit.name)).toEqual(['Ekbackens förskola']);
		expect((await listUnitsFiltered(db, ctx.tenantId, { schoolForm: 'GR' })).map((unit) => unit.name)).toEqual(['Björkskolan', 'Lindskolan 7–9', 'Lindskolan F–6', 'Sjöbodaskolan']);
		expect((await listUnitsFiltered(db, ctx.tenantId, { kind: 'school_unit', schoolForm: 'GY' })).map((unit) => unit.name)).toEqual(['Tallgymnasiet']);
	});

	it('a re-import renames, updates forms and marks closed units (and reopens) without deleting or moving anything', async () => {
		const { db, ctx, boards } = await organisation();
		await importSchoolUnits(db, ctx, { parentId: boards.bou.id, units: await fetchRegisterUnits({ municipalityCode: '1280' }, { baseUrl: register.url }) });
		const first = await schoolUnits(db, ctx);

		const changed = recordedUnits();
		changed[1].data.attributes.displayName = 'Lindskolan F–6 (Lindängen)';
		changed[2].data.attributes.schoolTypes = ['GR'];
		changed[4].data.attributes.status = 'UPPHORT';
		changed[4].data.attributes.endDate = '2026-06-15';
		changed[5].data.attributes.status = 'AKTIV';
		changed[5].data.attributes.endDate = null;
		const dropped = changed.splice(6, 1);
		expect(dropped[0].data.schoolUnitCode).toBe('12801007');
		const stub = await startSchoolUnitRegister({ units: changed });
		try {
			const again = await fetchRegisterUnits({ municipalityCode: '1280' }, { baseUrl: stub.url });
			const preview = await previewSchoolUnitImport(db, ctx, { parentId: boards.bin.id, units: again });
			expect(preview.counts).toEqual({ added: 0, renamed: 1, closed: 1, reopened: 1, updated: 1, unchanged: 2 });
			expect(preview.rows.find((row) => row.code === '12801002')).toMatchObject({ previousName: 'Lindskolan F–6', name: 'Lindskolan F–6 (Lindängen)', changes: ['renamed'] });
			await importSchoolUnits(db, ctx, { parentId: boards.bin.id, units: again });
		} finally {
			await stub.close();
		}
		const second = await schoolUnits(db, ctx);
		expect(second.map((unit) => unit.id)).toEqual(first.map((unit) => unit.id));
		expect(second.every((unit) => unit.parentId === boards.bou.id)).toBe(true);
		const byCode = Object.fromEntries(second.map((unit) => [unit.schoolUnitCode, unit]));
		expect(byCode['12801002'].name).toBe('Lindskolan F–6 (Lindängen)');
		expect(byCode['12801003'].schoolForms).toEqual(['GR']);
		expect(byCode['12801005'].closedOn).toBe('2026-06-15');
		expect(byCode['12801006'].closedOn).toBeNull();
		expect(byCode['12801007']).toMatchObject({ name: 'Exempelkommuns vuxenutbildning', closedOn: null });
		const updates = await db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, ctx.tenantId), eq(auditEvents.action, 'unit.update')));
		expect(updates).toHaveLength(4);
		expect(updates.find((audit) => audit.entityId === byCode['12801002'].id)).toMatchObject({ before: { name: 'Lindskolan F–6' }, after: { name: 'Lindskolan F–6 (Lindängen)' } });

		// The same answer once more changes nothing.
		const unchanged = await importSchoolUnits(db, ctx, { parentId: boards.bou.id, units: second.map(asRegisterUnit) });
		expect(unchanged.counts).toMatchObject({ added: 0, renamed: 0, closed: 0, reopened: 0, updated: 0, unchanged: 7 });
	});

	it('keeps organisations apart: a parent of another organisation is not found, the same codes are another organisation\'s own units', async () => {
		const mine = await organisation();
		const theirs = await createTestOrganisation(mine.db);
		const fromRegister = await fetchRegisterUnits({ municipalityCode: '1280' }, { baseUrl: register.url });
		await expect(previewSchoolUnitImport(mine.db, mine.ctx, { parentId: theirs.top.id, units: fromRegister })).rejects.toMatchObject({ code: 'error_not_found', status: 404 });
		await expect(importSchoolUnits(mine.db, mine.ctx, { parentId: theirs.top.id, units: fromRegister })).rejects.toMatchObject({ code: 'error_not_found', status: 404 });
		await expect(importSchoolUnits(mine.db, mine.ctx, { parentId: 'not-a-uuid', units: fromRegister })).rejects.toMatchObject({ code: 'error_field_invalid' });

		await importSchoolUnits(mine.db, theirs.ctx, { parentId: theirs.top.id, units: fromRegister });
		const preview = await previewSchoolUnitImport(mine.db, mine.ctx, { parentId: mine.top.id, units: fromRegister });
		expect(preview.counts.added).toBe(7);
		await importSchoolUnits(mine.db, mine.ctx, { parentId: mine.top.id, units: fromRegister });
		expect(await schoolUnits(mine.db, mine.ctx)).toHaveLength(7);
		expect(await schoolUnits(mine.db, theirs.ctx)).toHaveLength(7);
		expect((await schoolUnits(mine.db, theirs.ctx)).every((unit) => unit.parentId === theirs.top.id)).toBe(true);
	});

	it('a bad register answer changes nothing; input that is not the register\'s units is refused before the transaction', async () => {
		const { db, ctx, boards } = await organisation();
		const before = await tableState(db, ctx);
		for (const kind of ['500', 'malformed', 'huge'] as const) {
			await expect(
				fetchRegisterUnits({ municipalityCode: '1280' }, { baseUrl: register.broken(kind) }).then((fetched) => importSchoolUnits(db, ctx, { parentId: boards.bou.id, units: fetched }))
			).rejects.toMatchObject({ status: 503 });
		}
		await expect(importSchoolUnits(db, ctx, { parentId: boards.bou.id, units: [{ code: '1', name: 'x', status: 'AKTIV', schoolForms: [], municipalityCode: null, closedOn: null }] })).rejects.toMatchObject({ code: 'error_field_invalid' });
		await expect(importSchoolUnits(db, ctx, { parentId: boards.bou.id, units: [] })).rejects.toMatchObject({ code: 'error_field_invalid' });
		expect(await tableState(db, ctx)).toEqual(before);
	});
});

function asRegisterUnit(unit: typeof units.$inferSelect): RegisterUnit {
	return { code: unit.schoolUnitCode!, name: unit.name, status: unit.closedOn ? 'UPPHORT' : 'AKTIV', schoolForms: unit.schoolForms, municipalityCode: unit.municipalityCode, closedOn: unit.closedOn };
}
