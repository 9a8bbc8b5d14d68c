import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { jobRunner } from '$lib/server/jobs/jobs';
import { jobsOverview } from '$lib/server/jobs/jobs-overview';
import { runJobNow } from '$lib/server/jobs/run-job-now';
import { presentJobs } from '$lib/server/presenters/jobs';
import { guard } from '$lib/server/http/guard';
import { runAction } from '$lib/server/http/run-action';
import { formFields } from '$lib/server/http/form';
import { m } from '$lib/paraglide/messages.js';
import { breadcrumbs } from '$lib/navigation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	guard(locals, 'jobs.manage');
	const runner = jobRunner();
	const jobs = await jobsOverview(getDb(), locals.ctx.tenantId, runner?.scheduled ?? false);
	return {
		running: Boolean(runner),
		scheduled: runner?.scheduled ?? false,
		jobs: presentJobs(jobs, locals.locale),
		done: url.searchParams.get('done'),
		doneJob: url.searchParams.get('job'),
		breadcrumbs: breadcrumbs(locals.locale, { href: '/admin/jobs', label: m.jobs_title({}, { locale: locals.locale }) })
	};
};

export const actions: Actions = {
	run: async ({ request, locals }) => {
		const values = formFields(await request.formData(), ['job']);
		let outcome: 'queued' | 'waiting' = 'queued';
		const result = await runAction(
			locals.locale,
			async () => {
				outcome = await runJobNow(getDb(), locals.ctx, jobRunner(), values);
			},
			values
		);
		if (result) return result;
		redirect(303, `/admin/jobs?done=${outcome}&job=${encodeURIComponent(values.job ?? '')}`);
	}
};
