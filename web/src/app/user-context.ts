import { createContext, useContext } from 'react';
import type { CurrentUser } from '../auth/session.js';

export const UserContext = createContext<CurrentUser | null>(null);

/** The signed-in user inside the authenticated layout; outside it this is a programming error. */
export function useUser(): CurrentUser {
  const user = useContext(UserContext);
  if (!user) throw new Error('useUser() used outside the signed-in layout');
  return user;
}
