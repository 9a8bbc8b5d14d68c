import { loadSignIn, signInActions } from './sign-in-page.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadSignIn(event);
export const actions: Actions = signInActions;
