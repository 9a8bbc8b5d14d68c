import { describe, expect, it } from 'vitest';
import { changeLevel, createTestOrganisation, createTestPlan, testDb } from '../testing/factories';
import { documentText, hasPdfText } from '../testing/document-fidelity';
import { addNode } from '../plans/add-node';
import { adoptPlan } from '../plans/adopt-plan';
import { moveField } from '../frameworks/move-field';
import { loadFramework } from '../frameworks/framework-repository';
import { exportPlan } from './export-plan';

/**
 * A plan says how its documents write it: a level's name template ("Område: {title}"), what its
 * title column asks for ("Vad göra?"), and where an item's own items stand among its parts (the
 * interventions between the area's description and its effects). An adopted plan ends as a
 * decided document does: its title, registry number, who adopted it and when.
 */
async function layoutPlan() {
	const db = await testDb();
	const { ctx, top } = await createTestOrganisation(db);
	const { framework, plan, level } = await createTestPlan(db, ctx, top.id, 'omrade-insatser');
	await changeLevel(db, ctx, framework.id, level('omrade'), { nameTemplateSv: 'Område: {title}', nameTemplateEn: 'Area: {title}' });
	await changeLevel(db, ctx, framework.id, level('insats'), { titleHelpSv: 'Vad göra?', titleHelpEn: 'What to do?' });
	for (let step = 0; step < 2; step++) await moveField(db, ctx, framework.id, level('omrade').id, 'children', 'up');
	const area = await addNode(db, ctx, plan.id, {
		levelId: level('omrade').id,
		title: 'Långsiktig hållbarhet',
		description: 'Ekonomin är ansträngd.',
		values: { effekter: 'Rektorerna kan fokusera på undervisningen.', kontakt: 'Utbildningskontoret' }
	});
	await addNode(db, ctx, plan.id, { levelId: level('insats').id, parentId: area.id, title: 'Organisera för en ekonomi i balans' });
	await addNode(db, ctx, plan.id, { levelId: level('insats').id, parentId: area.id, title: 'Ta fram en lokalplan' });
	await adoptPlan(db, ctx, plan.id, { adoptedBy: 'Utbildningsnämnden', adoptedOn: '2024-03-14', registryNumber: 'Dnr 2024/938' });
	const text = async (format: string, locale: 'sv' | 'en' = 'sv') => documentText(format, (await exportPlan(db, ctx.tenantId, plan.id, { format, locale })).body);
	return { db, ctx, framework, level, text };
}

/** Every text found in the output, each after the one before (the texts a reader meets, in order). */
function expectInOrder(output: string, texts: string[]) {
	const flat = output.replace(/\s+/g, ' ');
	let from = 0;
	const notFound: string[] = [];
	for (const text of texts) {
		const at = flat.indexOf(text, from);
		if (at < 0) notFound.push(text);
		else from = at + text.length;
	}
	expect(notFound, flat.slice(0, 2000)).toEqual([]);
}

describe('documents written as the plan says', () => {
	it('names items by their level’s template, asks what the title column asks, and places the items between description and effects, in HTML, Word and PDF', { timeout: 60_000 }, async () => {
		const { text } = await layoutPlan();
		for (const format of ['html', 'docx', 'pdf'] as const) {
			if (format === 'pdf' && !hasPdfText) continue;
			expectInOrder(await text(format), [
				'Verksamhetsplan 2024',
				'Område: Långsiktig hållbarhet',
				'Ekonomin är ansträngd.',
				'Insatser – Område: Långsiktig hållbarhet',
				'Vad göra?',
				'Organisera för en ekonomi i balans',
				'Ta fram en lokalplan',
				'Effekter',
				'Rektorerna kan fokusera på undervisningen.',
				'Utbildningskontoret',
				'Dnr 2024/938',
				'Antagen av Utbildningsnämnden',
				'2024-03-14'
			]);
		}
		expectInOrder(await text('html', 'en'), ['Area: Långsiktig hållbarhet', 'What to do?', 'Adopted by Utbildningsnämnden']);
	});

	it('refuses a template naming what the level does not have, saying which and what may be used', async () => {
		const { db, ctx, framework, level } = await layoutPlan();
		await expect(changeLevel(db, ctx, framework.id, level('omrade'), { nameTemplateSv: '{titel} ({ref})' })).rejects.toMatchObject({
			code: 'error_name_template_placeholder',
			params: { placeholder: '{titel}' },
			options: { field: 'nameTemplateSv' }
		});
		// Nothing was saved: the template is the one set before.
		const saved = (await loadFramework(db, ctx.tenantId, framework.id))!.levels.find((candidate) => candidate.key === 'omrade')!;
		expect(saved.nameTemplateSv).toBe('Område: {title}');
		// A field's key is a placeholder too.
		await changeLevel(db, ctx, framework.id, saved, { nameTemplateSv: '{title} ({kontakt})' });
	});
});
