// The HTTP server `npm start` runs: adapter-node's request handler (build/handler.js, as adapter-node's
// docs describe for a custom server) behind our own `http.createServer`, so that every response
// carries the security headers, including what adapter-node answers without SvelteKit's hooks:
// static files (sirv), and SvelteKit's own early answers. A response's own value wins (pages bring
// SvelteKit's CSP). Kept from adapter-node's index.js: HOST, PORT, SOCKET_PATH, KEEP_ALIVE_TIMEOUT,
// HEADERS_TIMEOUT, SHUTDOWN_TIMEOUT and the graceful shutdown that lets the app close its database.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const securityHeaders = Object.entries(JSON.parse(fs.readFileSync(new URL('../src/lib/server/http/security-headers.json', import.meta.url), 'utf8')));

const seconds = (name) => (process.env[name] ? Number(process.env[name]) * 1000 : undefined);

/** Starts the built app in `buildDir` and resolves once it listens. */
export async function serve(buildDir) {
	const { handler } = await import(pathToFileURL(path.join(buildDir, 'handler.js')).href);
	const server = http.createServer((req, res) => {
		for (const [name, value] of securityHeaders) res.setHeader(name, value);
		// A browser updates a stored page's headers from a 304, so the default policy (nothing may
		// load) must not ride on one: it replaced the page's own and blocked its stylesheet.
		const writeHead = res.writeHead;
		res.writeHead = function (status, ...rest) {
			if (status === 304) res.removeHeader('Content-Security-Policy');
			return writeHead.call(this, status, ...rest);
		};
		handler(req, res, () => {
			res.statusCode = 404;
			res.end('Not Found');
		});
	});
	const keepAlive = seconds('KEEP_ALIVE_TIMEOUT');
	if (keepAlive !== undefined) server.keepAliveTimeout = keepAlive;
	const headersTimeout = seconds('HEADERS_TIMEOUT');
	if (headersTimeout !== undefined) server.headersTimeout = headersTimeout;

	let shutdownTimer;
	const shutdown = (reason) => {
		if (shutdownTimer) return;
		// Idle keep-alive connections would hold close() open until they time out.
		server.closeIdleConnections();
		server.close((error) => {
			if (error) return;
			clearTimeout(shutdownTimer);
			process.emit('sveltekit:shutdown', reason);
		});
		shutdownTimer = setTimeout(() => server.closeAllConnections(), (Number(process.env.SHUTDOWN_TIMEOUT) || 30) * 1000);
	};
	server.on('request', (req) => req.on('close', () => shutdownTimer && server.closeIdleConnections()));
	process.on('SIGTERM', shutdown);
	process.on('SIGINT', shutdown);

	await new Promise((resolve, reject) => {
		server.once('error', reject);
		const socketPath = process.env.SOCKET_PATH;
		if (socketPath) server.listen({ path: socketPath }, resolve);
		else server.listen({ host: process.env.HOST ?? '0.0.0.0', port: Number(process.env.PORT ?? 3000) }, resolve);
	});
	return server;
}
