import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { databaseOptionsFromEnv, openDatabase, type Database } from '../lib/server/db/client';
import { DirectoryLockedError } from '../lib/server/db/directory-lock';
import { migrateDatabase } from '../lib/server/db/migrate';
import { loadDemo } from '../lib/server/demo/load-demo';
import { createTenant } from '../lib/server/organisation/create-tenant';
import { findTenantBySlug } from '../lib/server/organisation/organisation-repository';
import { findPlanOwner, listPlans, loadPlanData } from '../lib/server/plans/plan-repository';
import { exportPlan } from '../lib/server/documents/export-plan';
import { stopPdfWorker } from '../lib/server/documents/render-pdf';
import { importWorkbook } from '../lib/server/documents/import-workbook';
import { readWorkbook } from '../lib/server/documents/read-workbook';
import { importPlanDocument, readPlanDocument } from '../lib/server/documents/import-plan-json';
import { presentPlanSummary } from '../lib/server/presenters/plan-document';
import { messageFor } from '../lib/server/presenters/message';
import { m } from '../lib/paraglide/messages.js';
import { DomainError, isDomainError, notFound } from '../lib/server/shared/domain-error';
import { systemContext } from '../lib/server/shared/context';
import { addAccount } from '../lib/server/identity/add-account';
import { createApiToken } from '../lib/server/identity/api-tokens';
import { setIdentityProvider } from '../lib/server/identity/oidc';
import { setSamlProvider } from '../lib/server/identity/saml/set-saml-provider';
import { MAX_METADATA_BYTES } from '../lib/server/identity/saml/parse-idp-metadata';
import { authorize } from '../lib/server/policies';
import { assertRegisterFileSize, registerUnitsFor } from '../lib/server/organisation/school-unit-register';
import { previewSchoolUnitImport } from '../lib/server/organisation/preview-school-unit-import';
import { importSchoolUnits } from '../lib/server/organisation/import-school-units';
import { listUnits } from '../lib/server/organisation/organisation-repository';
import { chosenIds, loadCascadeChoices } from '../lib/server/plans/cascade-choices';
import { cascadeGoals } from '../lib/server/plans/cascade-goals';
import { openChainPeriod } from '../lib/server/follow-up/open-chain-period';
import { syncCatalogue } from '../lib/server/kolada/sync-catalogue';
import { syncValues } from '../lib/server/kolada/sync-values';
import { koladaSource } from '../lib/server/kolada/kolada-http';
import { outcomeError } from '../lib/server/presenters/kolada-syncs';
import { JOB_NAMES } from '../lib/server/jobs/job-definition';
import { jobDefinition } from '../lib/server/jobs/jobs';
import { runForTenant } from '../lib/server/jobs/job-runner';
import { jobSummary } from '../lib/server/presenters/jobs';

const HELP = `Styrkedjan – kommandon

  styrkedjan migrate                                   Uppdaterar databasens schema
  styrkedjan demo                                      Lägger in demo-organisationen Exempelkommun (om den saknas)
  styrkedjan tenant add --slug S --name N              Lägger till en organisation
  styrkedjan plans --tenant S [--json]                 Listar en organisations planer
  styrkedjan export --plan ID --format json|xlsx|docx|pdf|pdfa|html|csv [--period ID] [--language sv|en] --out FIL
                                                       Exporterar en plan (med --period: uppföljningsrapporten)
  styrkedjan import --tenant S FIL                     Importerar en plan: JSON skapar en ny plan, en Excel-fil
                                                       från Styrkedjan uppdaterar planen den exporterades från
  styrkedjan user add --tenant S --email E --name N --role R [--unit ENHETS-ID] [--password LÖSENORD]
                                                       Lägger till en person med konto (roll: admin, planner, reporter, reader)
  styrkedjan token create --tenant S --name N          Skapar en API-nyckel (skrivs ut på sista raden, visas bara en gång)
  styrkedjan sso set --tenant S --issuer URL --client-id ID --client-secret HEMLIGHET [--default-role R]
                                                       Ställer in inloggning med organisationens konto (OpenID Connect)
  styrkedjan saml set --tenant S --metadata-url URL | --metadata-file FIL [--federation-certificate PEM-FIL]
                     [--default-role R] [--label TEXT]   Ställer in inloggning med SAML från identitetsleverantörens metadata
  styrkedjan units import --tenant S [--file FIL | --municipality KOMMUNKOD | --organisation-number ORGNR]
                          [--parent ENHETS-ID] [--dry-run]
                                                       Hämtar skolenheter från Skolverkets skolenhetsregister (SKOLVERKET_URL)
                                                       eller en fil med registrets JSON; nya enheter läggs under --parent
                                                       (standard: organisationens översta enhet)
  styrkedjan cascade --tenant S --plan ID --goals ID,…|all|level:NIVÅ-ID --units ID,…|kind:TYP --level NIVÅ-ID
                                                       Skickar en fastställd plans mål till enheterna under planens enhet
                                                       (all: planens översta punkter; kind:school_unit: alla skolenheter);
                                                       --level är den översta nivån i enheternas styrmodell där målen står
  styrkedjan periods open-for-units --tenant S --plan ID --period ID
                                                       Öppnar planens uppföljningsperiod i enheternas planer i styrkedjan
  styrkedjan kolada catalogue [--tenant S]             Hämtar Koladas katalog över nyckeltal, kommuner och kommungrupper
                                                       (med --tenant också kommunens enheter) från KOLADA_URL
  styrkedjan kolada sync --tenant S                    Hämtar utfallen för organisationens indikatorer som är kopplade
                                                       till Kolada (egna inskrivna värden behålls)
  styrkedjan jobs run reminders|weekly-digest|kolada-sync --tenant S
                                                       Kör ett bakgrundsjobb för organisationen nu, som schemat gör
                                                       (för en server med JOB_SCHEDULE=off och cron); syns för admin

Databasen: DATABASE_URL (PostgreSQL) eller den inbyggda i DATA_DIR (standard ./data).
Den inbyggda databasen kan bara användas av en process åt gången: stoppa servern först.`;

type Out = (line: string) => void;

export async function main(argv: string[], out: Out = (line) => console.log(line), err: Out = (line) => console.error(line)): Promise<number> {
	const [command, ...rest] = argv;
	if (!command || command === 'help' || command === '--help') {
		out(HELP);
		return command ? 0 : 1;
	}
	let database: Database | undefined;
	try {
		database = await openDatabase(databaseOptionsFromEnv());
		await migrateDatabase(database);
		return await run(database, command, rest, out, err);
	} catch (error) {
		if (error instanceof DirectoryLockedError) err(error.message);
		else if (isDomainError(error)) err(messageFor(error, 'sv'));
		else if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) err(`${error.message}\n\n${HELP}`);
		else throw error;
		return 1;
	} finally {
		await stopPdfWorker();
		await database?.close();
	}
}

async function run(database: Database, command: string, argv: string[], out: Out, err: Out): Promise<number> {
	const db = database.db;
	switch (command) {
		case 'migrate':
			out(`Databasen är uppdaterad (${database.kind}: ${database.location}).`);
			return 0;
		case 'demo': {
			const { created, tenant } = await loadDemo(db);
			out(created ? `Demo-organisationen ${tenant.name} är inlagd.` : `Demo-organisationen ${tenant.name} fanns redan.`);
			return 0;
		}
		case 'tenant': {
			const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { slug: { type: 'string' }, name: { type: 'string' } } });
			if (positionals[0] !== 'add') return usage(err);
			const tenant = await createTenant(db, 'cli', { slug: values.slug, name: values.name });
			out(`Organisationen ${tenant.name} (${tenant.slug}) är tillagd.`);
			return 0;
		}
		case 'plans': {
			const { values } = parseArgs({ args: argv, options: { tenant: { type: 'string' }, json: { type: 'boolean' } } });
			const tenant = await requireTenant(db, values.tenant, err);
			if (!tenant) return 1;
			const plans = await listPlans(db, tenant.id);
			if (values.json) out(JSON.stringify(plans.map(presentPlanSummary), null, 2));
			else for (const plan of plans) out(`${plan.id}  ${plan.startYear}  ${plan.state.padEnd(8)}  ${plan.title}`);
			return 0;
		}
		case 'export': {
			const { values } = parseArgs({
				args: argv,
				options: { plan: { type: 'string' }, format: { type: 'string', default: 'json' }, period: { type: 'string' }, out: { type: 'string' }, language: { type: 'string', default: 'sv' } }
			});
			if (!values.plan || !values.out) return usage(err);
			// The operator names a plan by id alone; its organisation is looked up, then every read is scoped to it.
			const tenantId = await findPlanOwner(db, values.plan);
			if (!tenantId) throw notFound();
			const file = await exportPlan(db, tenantId, values.plan, { format: values.format ?? 'json', periodId: values.period, locale: values.language === 'en' ? 'en' : 'sv' });
			fs.writeFileSync(values.out, file.body);
			out(`Planen är exporterad till ${values.out} (${file.contentType.split(';')[0]}, ${Math.ceil(file.body.length / 1024)} kB).`);
			return 0;
		}
		case 'import': {
			const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { tenant: { type: 'string' }, language: { type: 'string', default: 'sv' } } });
			const tenant = await requireTenant(db, values.tenant, err);
			if (!tenant) return 1;
			if (!positionals[0]) return usage(err);
			const file = fs.readFileSync(positionals[0]);
			const ctx = systemContext(tenant.id, 'cli');
			// An Excel workbook (a zip archive) updates the plan it was exported from; JSON creates a plan.
			if (file.subarray(0, 2).toString() === 'PK') {
				const planId = (await readWorkbook(file)).planId;
				authorize(ctx.actor, 'plan.edit');
				const result = await importWorkbook(db, ctx, planId, file);
				if (!('created' in result)) {
					const locale = values.language === 'en' ? 'en' : 'sv';
					for (const problem of result.problems) err(`Rad ${problem.row}, ${problem.column}: ${messageFor(problem.error, locale)}`);
					err(`Inget importerades: ${result.problems.length + (result.more ?? 0)} problem${result.more ? ` (de första ${result.problems.length} visas)` : ''}.`);
					return 1;
				}
				out(`Planen ${planId}: ${m.import_counts(result, { locale: values.language === 'en' ? 'en' : 'sv' })}.`);
				return 0;
			}
			authorize(ctx.actor, 'plan.create');
			const created = await importPlanDocument(db, ctx, readPlanDocument(file));
			out(`Skapade planen "${created.title}" (${created.planId}) i ${tenant.name}: ${m.import_plan_counts(created, { locale: values.language === 'en' ? 'en' : 'sv' })}.`);
			return 0;
		}
		case 'user': {
			const { positionals, values } = parseArgs({
				args: argv,
				allowPositionals: true,
				options: { tenant: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, unit: { type: 'string' }, password: { type: 'string' } }
			});
			if (positionals[0] !== 'add') return usage(err);
			const tenant = await requireTenant(db, values.tenant, err);
			if (!tenant) return 1;
			const ctx = systemContext(tenant.id, 'cli');
			authorize(ctx.actor, 'people.manage');
			const account = await addAccount(db, ctx, { email: values.email, name: values.name, role: values.role, unitId: values.unit, password: values.password });
			out(`${account.email} är tillagd i ${tenant.name}${values.password ? '' : ' (utan lösenord: använd "Glömt lösenordet?" eller organisationens inloggning)'}.`);
			return 0;
		}
		case 'token': {
			const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { tenant: { type: 'string' }, name: { type: 'string' } } });
			if (positionals[0] !== 'create') return usage(err);
			const tenant = await requireTenant(db, values.tenant, err);
			if (!tenant) return 1;
			const ctx = systemContext(tenant.id, 'cli');
			authorize(ctx.actor, 'tokens.manage');
			const { token } = await createApiToken(db, ctx, { name: values.name });
			out(`API-nyckeln "${values.name}" för ${tenant.name} (visas bara nu):`);
			out(token);
			return 0;
		}
		case 'units': {
			const { positionals, values } = parseArgs({
				args: argv,
				allowPositionals: true,
				options: { tenant: { type: 'string' }, file: { type: 'string' }, municipality: { type: 'string' }, 'organisation-number': { type: 'string' }, parent: { type: 'string' }, 'dry-run': { type: 'boolean' } }
			});
			if (positionals[0] !== 'import') return usage(err);
			const tenant = await requireTenant(db, values.tenant, err);
			if (!tenant) return 1;
			const ctx = systemContext(tenant.id, 'cli');
			authorize(ctx.actor, 'units.import');
			if (!values.file && !values.municipality && !values['organisation-number']) return usage(err);
			if (values.file) assertRegisterFileSize(fs.statSync(values.file).size);
			const units = await registerUnitsFor({
				file: values.file ? fs.readFileSync(values.file) : undefined,
				municipalityCode: values.municipality,
				organisationNumber: values['organisation-number']
			});
			const parentId = values.parent ?? (await listUnits(db, tenant.id)).find((unit) => unit.parentId === null)!.id;
			const preview = await previewSchoolUnitImport(db, ctx, { parentId, units });
			for (const row of preview.rows.filter((candidate) => candidate.changes.length)) out(`${row.code}  ${row.changes.join(',').padEnd(16)}  ${row.name}`);
			out(m.school_units_preview_summary({ parent: preview.parentName, ...preview.counts }, { locale: 'sv' }));
			if (values['dry-run']) return 0;
			const applied = await importSchoolUnits(db, ctx, { parentId, units });
			out(m.school_units_applied(applied.counts, { locale: 'sv' }));
			return 0;
		}
		case 'kolada': {
			const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { tenant: { type: 'string' } } });
			if (positionals[0] === 'catalogue') {
				const tenant = values.tenant ? await requireTenant(db, values.tenant, err) : undefined;
				if (values.tenant && !tenant) return 1;
				const counts = await syncCatalogue(db, koladaSource(), tenant?.municipalityCode);
				out(m.kolada_cli_catalogue(counts, { locale: 'sv' }));
				return 0;
			}
			if (positionals[0] !== 'sync') return usage(err);
			const tenant = await requireTenant(db, values.tenant, err);
			if (!tenant) return 1;
			const ctx = systemContext(tenant.id, 'cli');
			authorize(ctx.actor, 'kolada.manage');
			const summary = (await syncValues(db, ctx, koladaSource(), 'cli'))!;
			for (const outcome of summary.indicators) {
				const what = outcomeError(outcome, 'sv') ?? m.kolada_cli_outcome({ filled: outcome.filled + outcome.updated, kept: outcome.kept, missing: outcome.missing }, { locale: 'sv' });
				out(`${outcome.kpi.padEnd(8)}${outcome.name}: ${what}`);
			}
			out(m.kolada_cli_summary({ filled: summary.filled + summary.updated, kept: summary.kept, failed: summary.failed }, { locale: 'sv' }));
			return summary.failed ? 2 : 0;
		}
		case 'jobs': {
			const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { tenant: { type: 'string' } } });
			const job = JOB_NAMES.find((name) => name === positionals[1]);
			if (positionals[0] !== 'run' || !job) return usage(err);
			const tenant = await requireTenant(db, values.tenant, err);
			if (!tenant) return 1;
			authorize(systemContext(tenant.id, 'cli').actor, 'jobs.manage');
			const summary = await runForTenant(db, jobDefinition(job)!, tenant.id, 1, new Date(), { byHand: true });
			out(jobSummary(summary, 'sv'));
			return 0;
		}
		case 'cascade': {
			const { values } = parseArgs({
				args: argv,
				options: { tenant: { type: 'string' }, plan: { type: 'string' }, goals: { type: 'string' }, units: { type: 'string' }, level: { type: 'string' } }
			});
			const tenant = await requireTenant(db, values.tenant, err);
			if (!tenant) return 1;
			if (!values.plan || !values.goals || !values.units || !values.level) return usage(err);
			const ctx = systemContext(tenant.id, 'cli');
			authorize(ctx.actor, 'plan.cascade');
			const data = await loadPlanData(db, tenant.id, values.plan);
			if (!data) throw notFound();
			const choices = await loadCascadeChoices(db, tenant.id, data, 'sv');
			const anchorLevel = choices.anchorLevels.find((level) => level.id === values.level);
			if (!anchorLevel) {
				err(`Nivån ${values.level} är ingen översta nivå i organisationens styrmodeller. Välj en av:`);
				for (const level of choices.anchorLevels) err(`  ${level.id}  ${level.label}`);
				return 1;
			}
			const goalIds = pickIds(values.goals, {
				all: () => data.nodes.filter((node) => node.parentId === null).map((node) => node.id),
				level: (levelId) => chosenIds(choices, { levelIds: [levelId] }).goalIds
			});
			const unitIds = pickIds(values.units, { kind: (kind) => chosenIds(choices, { unitKinds: [kind] }).unitIds });
			const result = await cascadeGoals(db, ctx, values.plan, { goalIds, unitIds, frameworkId: anchorLevel.frameworkId, levelId: anchorLevel.id });
			out(m.cascade_done({ plans: result.plansCreated.length, anchors: result.anchorsAdded }, { locale: 'sv' }));
			const titles = new Map((await listPlans(db, tenant.id)).map((plan) => [plan.id, plan.title]));
			for (const id of result.plansCreated) out(`${id}  ${titles.get(id)}`);
			return 0;
		}
		case 'periods': {
			const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { tenant: { type: 'string' }, plan: { type: 'string' }, period: { type: 'string' } } });
			if (positionals[0] !== 'open-for-units') return usage(err);
			const tenant = await requireTenant(db, values.tenant, err);
			if (!tenant) return 1;
			if (!values.plan || !values.period) return usage(err);
			const ctx = systemContext(tenant.id, 'cli');
			authorize(ctx.actor, 'period.manage');
			const { opened } = await openChainPeriod(db, ctx, values.plan, values.period);
			out(m.roll_up_opened({ count: opened }, { locale: 'sv' }));
			return 0;
		}
		case 'sso': {
			const { positionals, values } = parseArgs({
				args: argv,
				allowPositionals: true,
				options: { tenant: { type: 'string' }, issuer: { type: 'string' }, 'client-id': { type: 'string' }, 'client-secret': { type: 'string' }, 'default-role': { type: 'string' }, label: { type: 'string' } }
			});
			if (positionals[0] !== 'set') return usage(err);
			const tenant = await requireTenant(db, values.tenant, err);
			if (!tenant) return 1;
			const ctx = systemContext(tenant.id, 'cli');
			authorize(ctx.actor, 'people.manage');
			await setIdentityProvider(db, ctx, {
				issuer: values.issuer,
				clientId: values['client-id'],
				clientSecret: values['client-secret'],
				defaultRole: values['default-role'],
				displayName: values.label
			});
			out(`Inloggning med organisationens konto är inställd för ${tenant.name}.`);
			return 0;
		}
		case 'saml': {
			const { positionals, values } = parseArgs({
				args: argv,
				allowPositionals: true,
				options: {
					tenant: { type: 'string' },
					'metadata-url': { type: 'string' },
					'metadata-file': { type: 'string' },
					'federation-certificate': { type: 'string' },
					'default-role': { type: 'string' },
					label: { type: 'string' }
				}
			});
			if (positionals[0] !== 'set' || !values['metadata-url'] === !values['metadata-file']) return usage(err);
			const tenant = await requireTenant(db, values.tenant, err);
			if (!tenant) return 1;
			const ctx = systemContext(tenant.id, 'cli');
			authorize(ctx.actor, 'people.manage');
			// Files are measured before they are read.
			const readBounded = (file: string) => {
				if (fs.statSync(file).size > MAX_METADATA_BYTES) throw new DomainError('error_saml_metadata_too_large', { max: '256 kB' });
				return fs.readFileSync(file, 'utf8');
			};
			const metadata = await setSamlProvider(db, ctx, {
				metadataUrl: values['metadata-url'],
				metadataXml: values['metadata-file'] ? readBounded(values['metadata-file']) : undefined,
				federationCertificate: values['federation-certificate'] ? readBounded(values['federation-certificate']) : undefined,
				defaultRole: values['default-role'],
				displayName: values.label
			});
			out(`Inloggning med SAML är inställd för ${tenant.name}: ${metadata.entityId}.`);
			return 0;
		}
		default:
			return usage(err);
	}
}

async function requireTenant(db: Database['db'], slug: string | undefined, err: Out) {
	const tenant = slug ? await findTenantBySlug(db, slug) : undefined;
	if (!tenant) err(`Organisationen "${slug ?? ''}" finns inte. Ange --tenant med organisationens kortnamn.`);
	return tenant;
}

/** Ids given as a comma-separated list, or a word the command knows ("all", "kind:school_unit", "level:ID") standing for them. */
function pickIds(value: string, words: { all?: () => string[]; kind?: (kind: string) => string[]; level?: (levelId: string) => string[] }): string[] {
	const [word, argument] = value.includes(':') ? value.split(/:(.*)/s) : [value, ''];
	if (word === 'all' && words.all) return words.all();
	if ((word === 'kind' || word === 'level') && words[word]) return words[word]!(argument.trim());
	return value
		.split(',')
		.map((id) => id.trim())
		.filter(Boolean);
}

function usage(err: Out): number {
	err(HELP);
	return 1;
}
