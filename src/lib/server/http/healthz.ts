import { databaseReachable } from '../app/runtime';
import { RETRY_AFTER_SECONDS } from './database-unavailable';

/**
 * GET /healthz, for load balancers, orchestrators and monitoring: 200 "ok" when the database answers,
 * 503 while it cannot be reached. Needs no sign-in and costs one `select 1`.
 */
export async function healthz(): Promise<Response> {
	const headers = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' };
	if (await databaseReachable()) return new Response('ok', { headers });
	return new Response('database unavailable', { status: 503, headers: { ...headers, 'retry-after': String(RETRY_AFTER_SECONDS) } });
}
