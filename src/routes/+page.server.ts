import { getDb } from '$lib/server/app/runtime';
import { loadStartPage } from '$lib/server/start-page/start-page';
import type { PageServerLoad } from './$types';

/** Today's date where the organisations are (deadlines are dates in Sweden, not in UTC). */
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());

export const load: PageServerLoad = async ({ locals }) => {
	// Open to every signed-in person: each part shows only what the policies let them see.
	return { start: await loadStartPage(getDb(), locals.ctx, today()), name: locals.user?.name ?? '' };
};
