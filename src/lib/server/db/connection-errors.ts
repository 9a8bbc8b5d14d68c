/**
 * Is this error "the database could not be reached or dropped the connection" (a restart, a failover,
 * a proxy's idle timeout, a network cut) rather than a fault of the request? Such a request may simply
 * be tried again. Drizzle wraps driver errors (DrizzleQueryError), so causes are followed.
 */
export function isConnectionError(error: unknown): boolean {
	for (let current = error, depth = 0; current && typeof current === 'object' && depth < 8; depth++) {
		const { code, message, errors } = current as { code?: unknown; message?: unknown; errors?: unknown };
		if (typeof code === 'string' && (SQLSTATES.has(code) || code.startsWith('08') || SOCKET_CODES.has(code))) return true;
		if (typeof message === 'string' && DRIVER_MESSAGES.some((text) => message.includes(text))) return true;
		// Node's connect to a name with several addresses fails with an AggregateError of each attempt.
		if (Array.isArray(errors) && errors.some(isConnectionError)) return true;
		current = (current as { cause?: unknown }).cause;
	}
	return false;
}

/** 57P01–57P03: the server is shutting down or starting; 08xxx (by prefix): connection exceptions; 53300: too many connections. */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** What node-postgres says when a socket closed under it (these errors carry no code). */
const DRIVER_MESSAGES = ['Connection terminated', 'is not queryable', 'timeout exceeded when trying to connect'];
