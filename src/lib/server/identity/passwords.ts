import { hash, verify } from '@node-rs/argon2';
import { DomainError } from '../shared/domain-error';

export const MIN_PASSWORD_LENGTH = 12;

/** argon2id with the library's defaults (19 MiB, 2 passes): OWASP's recommended minimum. */
export function hashPassword(password: string): Promise<string> {
	return hash(password);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
	if (!passwordHash) return false;
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

export function checkPasswordStrength(password: string): void {
	if (password.length < MIN_PASSWORD_LENGTH) {
		throw new DomainError('error_password_too_short', { min: MIN_PASSWORD_LENGTH }, { field: 'password' });
	}
}
