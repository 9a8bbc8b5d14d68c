import { error, fail, redirect, type Cookies } from '@sveltejs/kit';
import { getDb, isDemoMode } from '$lib/server/app/runtime';
import { signIn, signInRefused } from '$lib/server/identity/sign-in';
import { findSignInOrganisation, organisationForEmail, type SignInOrganisation } from '$lib/server/identity/sign-in-organisations';
import { SESSION_COOKIE, SESSION_HOURS } from '$lib/server/identity/sessions';
import { countAttempt } from '$lib/server/identity/login-throttle';
import { sameOriginPath } from '$lib/server/identity/redirect-target';
import { findIdentityProvider } from '$lib/server/identity/oidc';
import { findSamlProvider } from '$lib/server/identity/saml/saml-providers';
import { DEMO_TENANT, DEMO_USERS } from '$lib/server/demo/demo-content';
import { runAction } from '$lib/server/http/run-action';
import { messageFor } from '$lib/server/presenters/message';
import { DomainError } from '$lib/server/shared/domain-error';

/**
 * The sign-in page, shared by `/login` (the organisation found from the e-mail's domain) and
 * `/login/<organisation>` (its own sign-in address). No list of organisations is ever shown.
 */
interface PageEvent {
	url: URL;
	params: { org?: string };
	locals: App.Locals;
}

async function organisationAt(slug: string | undefined, locale: 'sv' | 'en'): Promise<SignInOrganisation | undefined> {
	if (slug === undefined) return undefined;
	const organisation = await findSignInOrganisation(getDb(), slug);
	if (!organisation) error(404, { message: messageFor(new DomainError('error_sign_in_address_unknown'), locale) });
	return organisation;
}

const demoOn = (organisation: SignInOrganisation | undefined) => isDemoMode() && (!organisation || organisation.slug === DEMO_TENANT.slug);

export async function loadSignIn({ url, params, locals }: PageEvent) {
	const redirectTo = sameOriginPath(url.searchParams.get('redirectTo'), url.origin);
	if (locals.ctx) redirect(303, redirectTo);
	// The old form of an organisation's address (`/login?org=…`) and the address asked for below.
	const asked = url.searchParams.get('org')?.trim().toLowerCase();
	if (asked && params.org === undefined) {
		redirect(303, `/login/${encodeURIComponent(asked)}${url.searchParams.has('redirectTo') ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ''}`);
	}
	const organisation = await organisationAt(params.org, locals.locale);
	const [provider, saml] = organisation ? await Promise.all([findIdentityProvider(getDb(), organisation.id), findSamlProvider(getDb(), organisation.id)]) : [];
	return {
		organisation: organisation ? { slug: organisation.slug, name: organisation.name } : null,
		redirectTo,
		sso: provider && organisation ? { label: provider.displayName, slug: organisation.slug } : null,
		saml: saml && organisation ? { label: saml.displayName, slug: organisation.slug } : null,
		demoUsers: demoOn(organisation) ? DEMO_USERS.map(({ key, email, name, role, unit }) => ({ key, email, name, role, unit })) : [],
		demoPassword: demoOn(organisation) ? DEMO_USERS[0].password : ''
	};
}

function setSession(cookies: Cookies, url: URL, cookie: string) {
	cookies.set(SESSION_COOKIE, cookie, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: SESSION_HOURS * 3600
	});
}

interface ActionEvent extends PageEvent {
	request: Request;
	cookies: Cookies;
	getClientAddress: () => string;
}

/** Where a typed sign-in goes: the address's organisation, a posted `org` (older forms and scripts), else the e-mail's. */
async function organisationFor(event: ActionEvent, form: FormData, email: string): Promise<SignInOrganisation | 'ask' | undefined> {
	if (event.params.org !== undefined) return organisationAt(event.params.org, event.locals.locale);
	const posted = String(form.get('org') ?? '');
	if (posted) return findSignInOrganisation(getDb(), posted);
	return (await organisationForEmail(getDb(), email)) ?? 'ask';
}

async function signInTo(event: ActionEvent, form: FormData, find: () => Promise<SignInOrganisation | 'ask' | undefined>, password: string) {
	const { url, locals, cookies } = event;
	const email = String(form.get('email') ?? '');
	// Counted before any password is checked; a sign-in that succeeds gives it back.
	const attempt = await countAttempt(getDb(), event.getClientAddress());
	if (!attempt.allowed) {
		return fail(429, { error: messageFor(new DomainError('error_too_many_attempts'), locals.locale), email });
	}
	const organisation = await find();
	if (organisation === 'ask') {
		// One answer whether no organisation or several have the domain: nothing tells which exist.
		return fail(400, { error: messageFor(new DomainError('error_sign_in_organisation_unknown', { address: `${url.origin}/login/…` }), locals.locale), askAddress: true, email });
	}
	const result = await runAction(locals.locale, async () => {
		if (!organisation) throw signInRefused();
		return signIn(getDb(), organisation.id, email, password);
	}, { email });
	if (!('cookie' in result)) return result;
	await attempt.giveBack();
	setSession(cookies, url, result.cookie);
	redirect(303, sameOriginPath(String(form.get('redirectTo') ?? ''), url.origin));
}

/**
 * One action (SvelteKit allows no named action beside a default one, and scripts post to /login):
 * a typed e-mail and password, or a demo role's button.
 */
export const signInActions = {
	default: async (event: ActionEvent) => {
		const form = await event.request.formData();
		if (form.has('demoRole')) return signInAsDemo(event, form);
		return signInTo(event, form, () => organisationFor(event, form, String(form.get('email') ?? '')), String(form.get('password') ?? ''));
	}
};

/** One click signs in as a demo person (only while the demo is on), through the same checks as a typed password. */
async function signInAsDemo(event: ActionEvent, form: FormData) {
	const user = DEMO_USERS.find((candidate) => candidate.key === form.get('demoRole'));
	const elsewhere = event.params.org !== undefined && event.params.org !== DEMO_TENANT.slug;
	if (!isDemoMode() || !user || elsewhere) error(404, { message: messageFor(new DomainError('error_not_found'), event.locals.locale) });
	form.set('email', user.email);
	return signInTo(event, form, () => findSignInOrganisation(getDb(), DEMO_TENANT.slug), user.password);
}
