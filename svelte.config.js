import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out: 'build' }),
		// Forms post to the same origin. The origin check that guards form actions against CSRF is made in
		// hooks.server.ts (http/cross-site-forms.ts), the same check as SvelteKit's, except for the one address
		// a SAML identity provider posts its signed answer to (/auth/saml/<organisation>/acs); SvelteKit's own
		// check, which allows no exception per route, is therefore off ('*').
		csrf: { trustedOrigins: ['*'] },
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};
