import type { users } from '../db/schema/users.js';
import type { CryptoBox } from '../platform/crypto-box.js';
import { maskPhone } from '../platform/crypto-box.js';
import type { UserView } from './schema.js';

/** The API view of a user: the phone decrypted only to be masked. */
export function presentUser(box: CryptoBox, u: typeof users.$inferSelect, unitName: string): UserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    unitId: u.unitId,
    unitName,
    phoneMasked: u.phoneCipher ? maskPhone(box.open(u.phoneCipher)) : null,
    active: u.active,
    createdAt: u.createdAt.toISOString(),
  };
}
